// Scan a small project written to a temporary folder: the whole pipeline, as a user runs it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { scan, type ScanOptions } from '../../src/engine/scan.js';
import type { Finding } from '../../src/model.js';

export async function scanFiles(files: Record<string, string>, opts: Partial<ScanOptions> = {}): Promise<Finding[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kubelint-test-'));
  try {
    for (const [rel, text] of Object.entries(files)) {
      const full = path.join(dir, rel);
      fs.mkdirSync(path.dirname(full), { recursive: true });
      fs.writeFileSync(full, text);
    }
    const result = await scan({ paths: [dir], ...opts });
    if (result.errors.length) throw new Error(result.errors.join('\n'));
    return result.findings;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** `rule file:line` keys, sorted. */
export function keys(findings: Finding[], rules?: string[]): string[] {
  return findings.filter((f) => !rules || rules.includes(f.ruleId)).map((f) => `${f.ruleId} ${f.file}:${f.line}`).sort();
}
