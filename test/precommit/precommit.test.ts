// pre-commit's `language: node` install, offline: `npm pack` of this repository, a global install
// of the tarball into a fresh prefix, then each hook's entry (from .pre-commit-hooks.yaml) run the
// way pre-commit runs it against a repository with a staged mistake, and with a clean one.
// (.ci/run also runs the full sequence with `npm install` in a fresh clone: scripts/check-precommit-install.sh.)
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPO } from '../helpers/cli.js';
import { git, initRepo, writeFiles } from '../helpers/git.js';

interface Hook {
  id: string;
  entry: string;
  files?: string;
  exclude?: string;
  pass_filenames?: boolean;
  args?: string[];
}

const hooks: Hook[] = parse(fs.readFileSync(path.join(REPO, '.pre-commit-hooks.yaml'), 'utf8'));
const hook = (id: string) => hooks.find((h) => h.id === id)!;
let prefix: string;
let tarball: string;

const CLEAN = fs.readFileSync(path.join(REPO, 'examples/k8s/shop/storefront.yaml'), 'utf8').replace('port: http-metrics', 'port: http');
const MISTAKE = fs.readFileSync(path.join(REPO, 'examples/k8s/shop/storefront.yaml'), 'utf8');
const DOCKERFILE_CLEAN = 'FROM golang:1.22.3 AS build\nWORKDIR /src\nCOPY . .\nRUN go build -o /app .\n\nFROM gcr.io/distroless/static:nonroot\nCOPY --from=build /app /app\nUSER 65532\nENTRYPOINT ["/app"]\n';
const DOCKERFILE_MISTAKE = 'FROM node:20.11.1\nENV API_TOKEN=tok_live_9f8e7d6c5b4a39281716\nCOPY . /app\nCMD ["node", "/app/server.js"]\n';

/** Run a hook as pre-commit does: entry + args + the staged files that match `files`. */
function runHook(h: Hook, repo: string): { status: number | null; output: string } {
  const [cmd, ...entryArgs] = h.entry.split(/\s+/);
  const staged = git(repo, 'diff', '--cached', '--name-only', '--diff-filter=ACMR').split('\n').filter(Boolean);
  const files = h.pass_filenames === false ? [] : staged.filter((f) => (!h.files || new RegExp(h.files).test(f)) && !(h.exclude && new RegExp(h.exclude).test(f)));
  if (h.pass_filenames !== false && files.length === 0) return { status: 0, output: '(no files)' };
  const r = spawnSync(path.join(prefix, 'bin', cmd), [...entryArgs, ...(h.args ?? []), ...files], {
    cwd: repo,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', PATH: `${path.join(prefix, 'bin')}${path.delimiter}${process.env.PATH}` },
  });
  return { status: r.status, output: r.stdout + r.stderr };
}

function repoWith(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kubelint-hook-'));
  initRepo(dir);
  writeFiles(dir, files);
  git(dir, 'add', '-A');
  return dir;
}

beforeAll(() => {
  const packDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kubelint-pack-'));
  const name = execFileSync('npm', ['pack', '--pack-destination', packDir, '--silent'], { cwd: REPO, encoding: 'utf8' }).trim().split('\n').pop()!;
  tarball = path.join(packDir, name);
  prefix = fs.mkdtempSync(path.join(os.tmpdir(), 'kubelint-prefix-'));
  // No runtime dependencies: the global install needs no registry.
  execFileSync('npm', ['install', '-g', '--offline', '--no-audit', '--no-fund', '--prefix', prefix, tarball], { encoding: 'utf8', stdio: 'pipe' });
}, 240_000);

describe('npm package and pre-commit hooks', () => {
  it('the tarball holds only what users need', () => {
    const list = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' }).split('\n').filter(Boolean);
    expect(list).toContain('package/bin/kubelint.js');
    expect(list).toContain('package/dist/cli/kubelint.js');
    expect(list).toContain('package/schemas/config.schema.json');
    expect(list.filter((f) => /^package\/(src|test|fixtures|rules|bench|scripts|examples)\//.test(f))).toEqual([]);
    const pkg = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8'));
    expect(pkg.dependencies ?? {}).toEqual({});
  });

  it('the installed kubelint command works', () => {
    const out = execFileSync(path.join(prefix, 'bin/kubelint'), ['--version'], { encoding: 'utf8' }).trim();
    expect(out).toBe(JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')).version);
  });

  it('kubelint blocks a staged manifest mistake and passes a clean one', () => {
    const bad = runHook(hook('kubelint'), repoWith({ 'k8s/storefront.yaml': MISTAKE }));
    expect(bad.status, bad.output).toBe(1);
    expect(bad.output).toContain('probe-port-mismatch');
    const good = runHook(hook('kubelint'), repoWith({ 'k8s/storefront.yaml': CLEAN }));
    expect(good.status, good.output).toBe(0);
  });

  it('kubelint-dockerfile blocks a Dockerfile with a literal secret and passes a clean one', () => {
    const bad = runHook(hook('kubelint-dockerfile'), repoWith({ 'api/Dockerfile': DOCKERFILE_MISTAKE }));
    expect(bad.status, bad.output).toBe(1);
    const good = runHook(hook('kubelint-dockerfile'), repoWith({ 'api/Dockerfile': DOCKERFILE_CLEAN }));
    expect(good.status, good.output).toBe(0);
  });

  it('kubelint-helm lints the whole repository of a chart change', () => {
    const bad = runHook(hook('kubelint-helm'), repoWith({ 'k8s/storefront.yaml': MISTAKE }));
    expect(bad.status, bad.output).toBe(1);
    const good = runHook(hook('kubelint-helm'), repoWith({ 'k8s/storefront.yaml': CLEAN }));
    expect(good.status, good.output).toBe(0);
  });

  it('kubelint-secrets blocks a staged secret and passes a clean change', () => {
    const bad = runHook(hook('kubelint-secrets'), repoWith({ 'config/.env': 'GITHUB_TOKEN=ghp_4Nf8sK2LmQ9xV7bR1tY6wE3pZ0aC5dH8jU2i\n' }));
    expect(bad.status, bad.output).toBe(1);
    expect(bad.output).toMatch(/secret-(pattern|literal-env)/);
    expect(bad.output).not.toContain('ghp_4Nf8sK2LmQ9xV7bR1tY6wE3pZ0aC5dH8jU2i');
    const good = runHook(hook('kubelint-secrets'), repoWith({ 'config/.env': 'LOG_LEVEL=info\n' }));
    expect(good.status, good.output).toBe(0);
  });
});
