// The GitHub Action: scan, annotate the pull request, write the step summary, a SARIF file for
// code scanning, and the step outputs. Inputs and outputs are declared in action.yml.
import fs from 'node:fs';
import path from 'node:path';
import type { Severity } from '../model.js';
import { exitStatus, scan, type ScanResult } from '../engine/scan.js';
import { formatGithub, githubStepSummary } from '../report/github.js';
import { render, FORMATS, type FormatName } from '../report/index.js';
import { writeFileAtomic } from '../util/write.js';
import { VERSION } from '../version.js';
import { booleanInput, input, listInput } from './inputs.js';

/** The base of a pull request: from the event payload, else the base branch name. */
function pullRequestBase(): string | undefined {
  const eventPath = process.env.GITHUB_EVENT_PATH;
  if (eventPath && fs.existsSync(eventPath)) {
    try {
      const event = JSON.parse(fs.readFileSync(eventPath, 'utf8'));
      const sha = event.pull_request?.base?.sha ?? event.merge_group?.base_sha;
      if (typeof sha === 'string') return sha;
    } catch {
      // An unreadable payload falls back to the base ref below.
    }
  }
  return process.env.GITHUB_BASE_REF ? `origin/${process.env.GITHUB_BASE_REF}` : undefined;
}

/** Report paths relative to the repository (the workspace), as annotations and code scanning expect. */
function rebase(result: ScanResult, workspace: string): ScanResult {
  const prefix = path.relative(workspace, result.root).split(path.sep).join('/');
  if (!prefix || prefix.startsWith('..')) return result;
  const move = (file: string) => `${prefix}/${file}`;
  return {
    ...result,
    root: workspace,
    findings: result.findings.map((f) => ({ ...f, file: move(f.file), ...(f.related ? { related: f.related.map((r) => ({ ...r, path: move(r.path) })) } : {}) })),
    // A copy of each file with its property descriptors: spreading would read a released text again.
    files: result.files.map((f) => Object.defineProperties({}, { ...Object.getOwnPropertyDescriptors(f), path: { value: move(f.path), enumerable: true } }) as ScanResult['files'][number]),
  };
}

function setOutput(name: string, value: string): void {
  const file = process.env.GITHUB_OUTPUT;
  if (file) fs.appendFileSync(file, `${name}=${value}\n`);
}

export async function runAction(): Promise<number> {
  const workspace = path.resolve(process.env.GITHUB_WORKSPACE ?? process.cwd());
  const paths = listInput('path').map((p) => path.resolve(workspace, p));
  const failOn = input('fail-on', 'error') as Severity | 'none';
  const sarifFile = path.resolve(workspace, input('sarif-file', 'kubelint.sarif'));
  const formats = listInput('format');
  for (const f of formats) if (!(FORMATS as readonly string[]).includes(f)) throw new Error(`input format: unknown format "${f}"`);
  const onlyChanged = booleanInput('only-changed', false);
  const base = onlyChanged ? pullRequestBase() : undefined;
  if (onlyChanged && !base) process.stdout.write('::notice title=kubelint::only-changed is set but this run has no pull request base; reporting every finding\n');

  const scanned = await scan({
    paths: paths.length ? paths : [workspace],
    config: input('config') ? path.resolve(workspace, input('config')) : undefined,
    failOn,
    history: booleanInput('history', true),
    changedSince: base,
    values: listInput('values').map((v) => path.resolve(workspace, v)),
    kubeVersion: input('kube-version') || undefined,
  });
  const result = rebase(scanned, workspace);
  const ctx = { result, rules: result.rules.map((r) => r.rule), toolVersion: VERSION, color: false };

  for (const format of formats as FormatName[]) process.stdout.write(await render(format, ctx));
  process.stdout.write(formatGithub(ctx));
  fs.mkdirSync(path.dirname(sarifFile), { recursive: true });
  writeFileAtomic(sarifFile, await render('sarif', ctx));
  if (process.env.GITHUB_STEP_SUMMARY) {
    const server = process.env.GITHUB_SERVER_URL ?? 'https://github.com';
    const link = process.env.GITHUB_REPOSITORY && process.env.GITHUB_SHA ? `${server}/${process.env.GITHUB_REPOSITORY}/blob/${process.env.GITHUB_SHA}` : undefined;
    fs.appendFileSync(process.env.GITHUB_STEP_SUMMARY, githubStepSummary(ctx, link));
  }
  const s = result.summary.findings;
  setOutput('findings', String(s.error + s.warning + s.info));
  setOutput('errors', String(s.error));
  setOutput('warnings', String(s.warning));
  setOutput('sarif-file', sarifFile);
  for (const e of result.errors) process.stdout.write(`::error title=kubelint::${e.split('\n')[0]}\n`);
  return exitStatus(result);
}

runAction().then(
  (code) => {
    process.exitCode = code;
  },
  (err: Error) => {
    process.stdout.write(`::error title=kubelint::${err.message.split('\n')[0]}\n`);
    process.exitCode = 2;
  },
);
