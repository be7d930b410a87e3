// Baselines: findings accepted as they are, keyed by fingerprint (never by line, never holding secrets).
import fs from 'node:fs';
import type { Finding } from '../model.js';
import { KubelintError } from '../errors.js';

export interface BaselineEntry {
  ruleId: string;
  file: string;
  fingerprint: string;
}

export interface BaselineFile {
  version: 1;
  tool: 'kubelint';
  findings: BaselineEntry[];
}

export class BaselineError extends KubelintError {}

export function readBaseline(file: string): Set<string> {
  let data: BaselineFile;
  try {
    data = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    throw new BaselineError(`cannot read baseline ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  if (!data || data.version !== 1 || !Array.isArray(data.findings)) throw new BaselineError(`${file} is not a kubelint baseline (version 1)`);
  return new Set(data.findings.map((f) => f.fingerprint));
}

export function baselineOf(findings: Finding[]): BaselineFile {
  const seen = new Set<string>();
  const entries: BaselineEntry[] = [];
  for (const f of findings) {
    if (seen.has(f.fingerprint)) continue;
    seen.add(f.fingerprint);
    entries.push({ ruleId: f.ruleId, file: f.file, fingerprint: f.fingerprint });
  }
  entries.sort((a, b) => a.file.localeCompare(b.file) || a.ruleId.localeCompare(b.ruleId) || a.fingerprint.localeCompare(b.fingerprint));
  return { version: 1, tool: 'kubelint', findings: entries };
}
