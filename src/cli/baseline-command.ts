// `kubelint baseline create|prune [PATH]`: accept today's findings, then drop those that are gone.
import fs from 'node:fs';
import path from 'node:path';
import { scan } from '../engine/scan.js';
import { baselineOf, type BaselineFile } from '../engine/baseline.js';
import { UsageError } from '../sources/discover.js';
import { writeFileAtomic } from '../util/write.js';

export const DEFAULT_BASELINE = '.kubelint-baseline.json';

export async function baselineCommand(action: string, target: string | undefined, flags: { baseline?: string; config?: string }): Promise<string> {
  const scanPath = target ?? '.';
  // Scan without any baseline: create must see everything, prune must know what is still there.
  const result = await scan({ paths: [scanPath], config: flags.config, baseline: flags.baseline, ignoreBaseline: true });
  const file = result.baselinePath ?? path.join(result.root, DEFAULT_BASELINE);
  const current = baselineOf(result.findings);
  if (action === 'create') {
    writeFileAtomic(file, JSON.stringify(current, null, 2) + '\n');
    return `wrote ${current.findings.length} finding(s) to ${file}\n`;
  }
  if (action === 'prune') {
    if (!fs.existsSync(file)) throw new UsageError(`no baseline at ${file}`);
    const old = JSON.parse(fs.readFileSync(file, 'utf8')) as BaselineFile;
    const still = new Set(current.findings.map((f) => f.fingerprint));
    const kept = old.findings.filter((f) => still.has(f.fingerprint));
    writeFileAtomic(file, JSON.stringify({ ...old, findings: kept }, null, 2) + '\n');
    return `pruned ${old.findings.length - kept.length} stale finding(s); ${kept.length} remain in ${file}\n`;
  }
  throw new UsageError(`unknown baseline action "${action}" (create or prune)`);
}
