// The GitHub Action's entry point, run as a runner runs it: INPUT_*, GITHUB_* and the files
// GITHUB_STEP_SUMMARY and GITHUB_OUTPUT, on a fixture repository with a pull request.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { compileSchema } from '../helpers/ajv.js';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPO } from '../helpers/cli.js';
import { commitAll, initRepo, writeFiles } from '../helpers/git.js';

const DEPLOYMENT = fs.readFileSync(path.join(REPO, 'fixtures/rules/probe-port-mismatch/named-port-typo.yaml'), 'utf8');
const BROKEN_SELECTOR = fs.readFileSync(path.join(REPO, 'fixtures/rules/selector-template-mismatch/label-typo.yaml'), 'utf8');

let repo: string;
let baseSha: string;

function runAction(inputs: Record<string, string>) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kubelint-action-'));
  const summary = path.join(tmp, 'summary.md');
  const output = path.join(tmp, 'output.txt');
  const event = path.join(tmp, 'event.json');
  fs.writeFileSync(event, JSON.stringify({ pull_request: { base: { sha: baseSha } } }));
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: repo,
    GITHUB_EVENT_NAME: 'pull_request',
    GITHUB_EVENT_PATH: event,
    GITHUB_BASE_REF: 'main',
    GITHUB_REPOSITORY: 'acme/shop',
    GITHUB_SHA: 'abc123',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_STEP_SUMMARY: summary,
    GITHUB_OUTPUT: output,
  };
  for (const [k, v] of Object.entries(inputs)) env[`INPUT_${k.toUpperCase()}`] = v;
  const r = spawnSync(process.execPath, [path.join(REPO, 'dist/action/index.js')], { cwd: repo, env, encoding: 'utf8', timeout: 120_000 });
  const outputs = Object.fromEntries(
    (fs.existsSync(output) ? fs.readFileSync(output, 'utf8') : '').split('\n').filter(Boolean).map((l) => l.split(/=(.*)/s).slice(0, 2)),
  );
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, summary: fs.existsSync(summary) ? fs.readFileSync(summary, 'utf8') : '', outputs };
}

beforeAll(() => {
  repo = fs.mkdtempSync(path.join(os.tmpdir(), 'kubelint-pr-'));
  initRepo(repo);
  writeFiles(repo, { 'deploy/old.yaml': BROKEN_SELECTOR });
  baseSha = commitAll(repo, 'base');
  writeFiles(repo, { 'deploy/new.yaml': DEPLOYMENT });
  commitAll(repo, 'pull request change');
});

describe('GitHub Action', () => {
  it('declares its inputs and outputs and runs on node24', () => {
    const action = parse(fs.readFileSync(path.join(REPO, 'action.yml'), 'utf8'));
    expect(action.runs).toEqual({ using: 'node24', main: 'dist/action/index.js' });
    expect(Object.keys(action.inputs)).toEqual(['path', 'config', 'fail-on', 'format', 'sarif-file', 'history', 'only-changed', 'values', 'kube-version']);
    expect(Object.keys(action.outputs)).toEqual(['findings', 'errors', 'warnings', 'sarif-file']);
  });

  it('writes annotations, the step summary, outputs and a valid SARIF file', () => {
    const run = runAction({ path: 'deploy', format: 'json', 'sarif-file': 'out/kubelint.sarif', history: 'false' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(1);
    const annotations = run.stdout.split('\n').filter((l) => l.startsWith('::error '));
    expect(annotations).toContainEqual(expect.stringMatching(/^::error file=deploy\/new\.yaml,line=\d+,col=\d+,.*title=kubelint probe-port-mismatch::/));
    expect(annotations).toContainEqual(expect.stringMatching(/^::error file=deploy\/old\.yaml,.*selector-template-mismatch/));
    expect(run.summary).toContain('## kubelint');
    expect(run.summary).toMatch(/\| error \| `probe-port-mismatch` \| \[deploy\/new\.yaml:\d+:\d+\]\(https:\/\/github\.com\/acme\/shop\/blob\/abc123\/deploy\/new\.yaml#L\d+\)/);
    expect(Number(run.outputs.errors)).toBeGreaterThanOrEqual(4);
    expect(Number(run.outputs.findings)).toBeGreaterThanOrEqual(Number(run.outputs.errors));
    expect(run.outputs['sarif-file']).toBe(path.join(repo, 'out/kubelint.sarif'));
    const sarif = JSON.parse(fs.readFileSync(run.outputs['sarif-file'], 'utf8'));
    const validate = compileSchema(JSON.parse(fs.readFileSync(path.join(REPO, 'test/schemas/sarif-schema-2.1.0.json'), 'utf8')), true);
    expect(validate(sarif)).toBe(true);
    const uris = sarif.runs[0].results.map((r: any) => r.locations[0].physicalLocation.artifactLocation.uri);
    expect(uris).toContain('deploy/new.yaml');
  });

  it('only-changed drops findings on files the pull request did not change', () => {
    const run = runAction({ path: 'deploy', 'only-changed': 'true', history: 'false', format: '' });
    const files = new Set(run.stdout.split('\n').filter((l) => /^::(error|warning|notice) file=/.test(l)).map((l) => /file=([^,]+)/.exec(l)![1]));
    expect([...files]).toEqual(['deploy/new.yaml']);
    expect(run.status).toBe(1);
  });

  it('fail-on none never fails the step', () => {
    expect(runAction({ path: 'deploy', 'fail-on': 'none', history: 'false' }).status).toBe(0);
  });

  it('the committed dist/action/ is up to date with the sources (npm run build:action)', async () => {
    const { buildAction } = await import('../../scripts/build-action.mjs');
    const fresh = fs.mkdtempSync(path.join(os.tmpdir(), 'kubelint-action-build-'));
    await buildAction(fresh);
    const list = (dir: string): string[] =>
      fs.readdirSync(dir, { recursive: true, withFileTypes: false }).map(String).filter((f) => fs.statSync(path.join(dir, f)).isFile()).sort();
    const committed = path.join(REPO, 'dist/action');
    expect(list(committed)).toEqual(list(fresh));
    for (const f of list(fresh)) expect(fs.readFileSync(path.join(committed, f), 'utf8') === fs.readFileSync(path.join(fresh, f), 'utf8'), f).toBe(true);
  });
});
