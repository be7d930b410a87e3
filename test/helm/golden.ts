// Compare rendered charts with hand-written expected renderings, as parsed YAML.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import type { SourceFile } from '../../src/model.js';

export interface Doc {
  source: string;
  value: unknown;
}

const SOURCE = /^# Source: (.*)$/m;

export function docsOf(text: string): Doc[] {
  const out: Doc[] = [];
  for (const chunk of text.split(/^---[ \t]*$/m)) {
    if (!chunk.trim()) continue;
    const source = SOURCE.exec(chunk)?.[1]?.trim() ?? '';
    const value = parse(chunk);
    if (value === null || value === undefined) continue;
    out.push({ source, value });
  }
  return out;
}

export function renderedDocs(files: SourceFile[]): Doc[] {
  return files.flatMap((f) => docsOf(f.text));
}

export function expectedDocs(path: string): Doc[] {
  return docsOf(readFileSync(path, 'utf8'));
}
