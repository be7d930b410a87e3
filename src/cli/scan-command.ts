// `kubelint scan`: run a scan, write every requested format, return the exit status.
import fs from 'node:fs';
import type { Severity } from '../model.js';
import { scan, exitStatus, type ScanResult } from '../engine/scan.js';
import { FORMATS, render, type FormatName } from '../report/index.js';
import { githubStepSummary } from '../report/github.js';
import { writeFileAtomic } from '../util/write.js';
import { UsageError } from '../sources/discover.js';
import { VERSION } from '../version.js';

/** A one-line progress bar on stderr for long history scans. */
function progressBar(done: number, total: number): void {
  if (total < 200 || (done % 50 !== 0 && done !== total)) return;
  const width = 30;
  const filled = Math.round((done / total) * width);
  process.stderr.write(`\r\x1b[Kgit history [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} commits`);
}

export interface ScanFlags {
  allRefs?: boolean;
  changedSince?: string;
  format: string[];
  output?: string;
  config?: string;
  failOn?: Severity | 'none';
  rule: string[];
  disable: string[];
  history?: boolean;
  staged?: boolean;
  since?: string;
  baseline?: string;
  kubeVersion?: string;
  targetArch?: string;
  values: string[];
  set: string[];
}

export interface OutputTarget {
  format: FormatName;
  file?: string;
}

/** `--format json --format sarif=out.sarif`: one target per flag, `--output` for the first bare one. */
export function outputTargets(formats: string[], output?: string): OutputTarget[] {
  const list = formats.length ? formats : ['pretty'];
  let outputUsed = false;
  return list.map((spec) => {
    const [name, file] = spec.split(/=(.*)/s, 2);
    if (!(FORMATS as readonly string[]).includes(name)) throw new UsageError(`unknown format "${name}" (one of ${FORMATS.join(', ')})`);
    if (file) return { format: name as FormatName, file };
    if (output && !outputUsed) {
      outputUsed = true;
      return { format: name as FormatName, file: output };
    }
    return { format: name as FormatName };
  });
}

function readStdin(): string {
  try {
    return fs.readFileSync(0, 'utf8');
  } catch {
    return '';
  }
}

export async function runScanCommand(paths: string[], flags: ScanFlags): Promise<number> {
  const targets = outputTargets(flags.format, flags.output);
  if (flags.kubeVersion && !/^1\.\d{1,2}$/.test(flags.kubeVersion)) throw new UsageError(`--kube-version must look like 1.30, got "${flags.kubeVersion}"`);
  const result: ScanResult = await scan({
    paths,
    stdinText: paths.includes('-') ? readStdin() : undefined,
    config: flags.config,
    failOn: flags.failOn,
    onlyRules: flags.rule,
    disableRules: flags.disable,
    baseline: flags.baseline,
    kubeVersion: flags.kubeVersion,
    targetArch: flags.targetArch ? flags.targetArch.split(',').map((s) => s.trim()).filter(Boolean) : undefined,
    values: flags.values,
    set: flags.set,
    history: flags.history,
    staged: flags.staged,
    since: flags.since,
    allRefs: flags.allRefs,
    changedSince: flags.changedSince,
    onHistoryProgress: process.stderr.isTTY ? progressBar : undefined,
  });
  if (process.stderr.isTTY) process.stderr.write('\r\x1b[K');
  const color = !process.env.NO_COLOR && !!process.stdout.isTTY && !targets.every((t) => t.file);
  const ctx = { result, rules: result.rules.map((r) => r.rule), toolVersion: VERSION, color };
  let writeFailed = false;
  for (const t of targets) {
    const text = await render(t.format, { ...ctx, color: color && !t.file });
    if (t.file) {
      try {
        writeFileAtomic(t.file, text);
      } catch (err) {
        process.stderr.write(`kubelint: ${(err as Error).message}\n`);
        writeFailed = true;
      }
    } else process.stdout.write(text);
  }
  if (process.env.GITHUB_STEP_SUMMARY && targets.some((t) => t.format === 'github')) {
    const base = process.env.GITHUB_SERVER_URL && process.env.GITHUB_REPOSITORY && process.env.GITHUB_SHA
      ? `${process.env.GITHUB_SERVER_URL}/${process.env.GITHUB_REPOSITORY}/blob/${process.env.GITHUB_SHA}`
      : undefined;
    fs.appendFileSync(process.env.GITHUB_STEP_SUMMARY, githubStepSummary(ctx, base));
  }
  for (const e of result.errors) process.stderr.write(`kubelint: ${e}\n`);
  return writeFailed ? 2 : exitStatus(result);
}
