// Scan a few in-memory files with only the rules under test; findings as `file:line rule message`.
import fs from 'node:fs';
import { scan } from '../../src/engine/scan.js';
import { tempProject } from '../helpers/cli.js';

export interface Hit {
  file: string;
  line: number;
  rule: string;
  severity: string;
  message: string;
}

export async function findings(files: Record<string, string>, rules: string[]): Promise<Hit[]> {
  const dir = tempProject(files);
  try {
    const result = await scan({ paths: [dir], onlyRules: rules });
    expectNoErrors(result.errors);
    return result.findings.map((f) => ({ file: f.file, line: f.line, rule: f.ruleId, severity: f.severity, message: f.message }));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function expectNoErrors(errors: string[]): void {
  if (errors.length) throw new Error(errors.join('\n'));
}

/** 1-based line of the first line containing `needle`. */
export function lineOf(text: string, needle: string): number {
  const i = text.split('\n').findIndex((l) => l.includes(needle));
  if (i < 0) throw new Error(`"${needle}" not in text`);
  return i + 1;
}
