// Scan inline manifests with a chosen set of rules, for rule unit tests.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { scan } from '../../src/engine/scan.js';
import type { Finding } from '../../src/model.js';

export async function findingsFor(files: Record<string, string>, rules: string[], extra: { kubeVersion?: string } = {}): Promise<Finding[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kubelint-baseline-'));
  try {
    for (const [name, text] of Object.entries(files)) {
      const file = path.join(dir, name);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, text);
    }
    const result = await scan({ paths: [dir], onlyRules: rules, kubeVersion: extra.kubeVersion });
    if (result.errors.length) throw new Error(result.errors.join('\n'));
    return result.findings;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** `line rule` pairs, sorted, for compact assertions. */
export function lines(findings: Finding[]): string[] {
  return findings.map((f) => `${f.line} ${f.ruleId}`).sort();
}
