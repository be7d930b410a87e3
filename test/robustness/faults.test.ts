// Faults around the scan, through the built CLI: unreadable inputs, files vanishing, corrupt git
// objects, unwritable reports. Each gives a clear message (a finding for an unreadable input, exit
// 2 otherwise) and keeps what was found elsewhere; reports are written atomically.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDiscovered, type LoadedSources } from '../../src/sources/load.js';
import { json, runCli, tempProject } from '../helpers/cli.js';
import { commitAll, git, initRepo } from '../helpers/git.js';

/**
 * Pack every object and drop the loose copies. `git gc`/`git repack` are avoided: under the vitest
 * worker their pack-objects child has been seen reading stray bytes as revisions ("bad revision").
 */
function packAll(dir: string): void {
  const objects = git(dir, 'rev-list', '--objects', '--all');
  execFileSync('git', ['pack-objects', '-q', '.git/objects/pack/pack'], { cwd: dir, input: `${objects}\n`, stdio: ['pipe', 'pipe', 'pipe'] });
  execFileSync('git', ['prune-packed'], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
}

/** A manifest with findings of its own: they must survive every fault below. */
const GOOD = `apiVersion: v1
kind: Pod
metadata: { name: good, namespace: shop }
spec:
  containers:
    - name: app
      image: registry.example.com/app:latest
`;
const GOOD_RULES = ['image-tag-mutable', 'liveness-probe-missing', 'readiness-probe-missing'];
const SECRET = 'AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY';

const dirs: string[] = [];
function project(files: Record<string, string | Buffer>): string {
  const dir = tempProject(files);
  dirs.push(dir);
  return dir;
}
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

function goodRulesOf(report: any): string[] {
  return [...new Set<string>(report.findings.filter((f: any) => f.file === 'good.yaml').map((f: any) => f.ruleId))].filter((r) => GOOD_RULES.includes(r)).sort();
}

/**
 * A file whose read fails. chmod 000 does not stop root (tests often run as root), so there a
 * symlink to /proc/self/mem stands in: stat says a regular file, reading offset 0 fails with EIO.
 */
function makeUnreadable(dir: string, name: string): string {
  const file = path.join(dir, name);
  if (process.getuid?.() !== 0) {
    fs.writeFileSync(file, GOOD);
    fs.chmodSync(file, 0o000);
    return 'EACCES';
  }
  fs.symlinkSync('/proc/self/mem', file);
  return 'EIO';
}

describe('inputs that cannot be read', () => {
  let dir: string;
  let code: string;
  let run: ReturnType<typeof runCli>;
  let report: any;
  beforeAll(() => {
    dir = project({ 'good.yaml': GOOD, 'dir.yaml/inner.yaml': GOOD.replace('name: good', 'name: inner') });
    code = makeUnreadable(dir, 'locked.yaml');
    fs.symlinkSync('vanished.yaml', path.join(dir, 'dangling.yaml'));
    // A FIFO named like a manifest: reading it would block forever.
    spawnSync('mkfifo', [path.join(dir, 'pipe.yaml')]);
    run = runCli(['scan', dir, '--format', 'json', '--no-history']);
    report = json(run);
  });
  afterAll(() => {
    if (code === 'EACCES') fs.chmodSync(path.join(dir, 'locked.yaml'), 0o644);
  });

  it('an unreadable manifest is a yaml-syntax finding that names the cause', () => {
    expect(report.findings.filter((f: any) => f.file === 'locked.yaml')).toEqual([
      expect.objectContaining({ ruleId: 'yaml-syntax', line: 1, message: `locked.yaml cannot be parsed: cannot read file (${code})` }),
    ]);
  });

  it('a dangling symlink (a file gone before it is read) is said out loud', () => {
    expect(report.notes).toContain('dangling.yaml: broken or looping symlink (ENOENT), skipped');
  });

  it('a FIFO does not hang the scan, and a directory named x.yaml is walked', () => {
    expect(fs.statSync(path.join(dir, 'pipe.yaml')).isFIFO()).toBe(true);
    expect(report.findings.some((f: any) => f.file === 'dir.yaml/inner.yaml')).toBe(true);
  });

  it('the other files are still checked, and the unreadable one fails the run like any error finding', () => {
    expect(goodRulesOf(report)).toEqual(GOOD_RULES);
    expect(run.status).toBe(1);
  });
});

describe('a file that vanishes between discovery and reading', () => {
  it('is reported as unreadable, not skipped and not a crash', async () => {
    const dir = project({ 'good.yaml': GOOD, 'gone.yaml': GOOD });
    const discovered = ['gone.yaml', 'good.yaml'].map((rel) => ({ relPath: rel, absPath: path.join(dir, rel) }));
    fs.rmSync(path.join(dir, 'gone.yaml'));
    const into: LoadedSources = { files: [], units: [], problems: [], notes: [] };
    await loadDiscovered(discovered, { chartRoots: [] }, into);
    expect(into.problems).toEqual([expect.objectContaining({ ruleId: 'yaml-syntax', message: 'gone.yaml cannot be parsed: cannot read file (ENOENT)' })]);
    expect(into.units.map((u) => u.file.path)).toContain('good.yaml');
  });
});

describe('corrupt git objects, with history on', () => {
  /** A repository whose .env held a secret in an earlier commit; returns the blob of that version. */
  function repoWithSecret(): { dir: string; blob: string } {
    const dir = project({ 'good.yaml': GOOD, '.env': `${SECRET}\n` });
    initRepo(dir);
    commitAll(dir, 'add settings');
    const blob = git(dir, 'rev-parse', 'HEAD:.env');
    fs.writeFileSync(path.join(dir, '.env'), 'AWS_REGION=eu-west-1\n');
    commitAll(dir, 'drop the key');
    return { dir, blob };
  }

  function expectCorruptionReported(run: ReturnType<typeof runCli>, blob: string, dir: string): any {
    expect(run.status, run.stderr).toBe(2);
    expect(run.stderr).toMatch(/git object\(s\) in .* are corrupt and could not be read: /);
    expect(run.stderr).toContain(blob);
    expect(run.stderr).toContain('git fsck');
    // The findings made elsewhere are still printed.
    const report = json(run);
    expect(goodRulesOf(report)).toEqual(GOOD_RULES);
    expect(report.summary.commits).toBe(2);
    return report;
  }

  it('a damaged loose object', () => {
    const { dir, blob } = repoWithSecret();
    const healthy = json(runCli(['scan', dir, '--format', 'json', '--history']));
    expect(healthy.findings.filter((f: any) => f.ruleId === 'git-history-secret')).toHaveLength(1);
    const file = path.join(dir, '.git/objects', blob.slice(0, 2), blob.slice(2));
    fs.chmodSync(file, 0o644);
    const bytes = fs.readFileSync(file);
    bytes.fill(0x55, 2, Math.min(bytes.length, 12));
    fs.writeFileSync(file, bytes);
    const report = expectCorruptionReported(runCli(['scan', dir, '--format', 'json', '--history']), blob, dir);
    // The secret lived only in the damaged blob: it is missing, and the error says so.
    expect(report.findings.filter((f: any) => f.ruleId === 'git-history-secret')).toEqual([]);
  });

  it('a damaged pack file', () => {
    const { dir, blob } = repoWithSecret();
    packAll(dir);
    const [pack] = fs.readdirSync(path.join(dir, '.git/objects/pack')).filter((n) => n.endsWith('.pack'));
    const packPath = path.join(dir, '.git/objects/pack', pack);
    const offset = Number(git(dir, 'verify-pack', '-v', packPath.replace(/\.pack$/, '.idx')).split('\n').find((l) => l.startsWith(blob))!.split(/\s+/)[4]);
    fs.chmodSync(packPath, 0o644);
    const bytes = fs.readFileSync(packPath);
    bytes.fill(0, offset + 4, offset + 10);
    fs.writeFileSync(packPath, bytes);
    expectCorruptionReported(runCli(['scan', dir, '--format', 'json', '--history']), blob, dir);
  });
});

describe('an --output that cannot be written', () => {
  let dir: string;
  beforeAll(() => {
    dir = project({ 'good.yaml': GOOD });
  });

  it('gives a clear message and exit 2, and the other formats still print', () => {
    const run = runCli(['scan', dir, '--no-history', '--format', 'json', '--output', path.join(dir, 'no-such-dir/report.json'), '--format', 'pretty']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`kubelint: cannot write ${path.join(dir, 'no-such-dir/report.json')}: ENOENT`);
    expect(run.stdout).toContain('image-tag-mutable');
  });

  it('leaves no partial or temporary file behind, and an earlier report untouched', () => {
    // The target is a directory: the temporary file is written, the rename onto it fails.
    fs.mkdirSync(path.join(dir, 'report.sarif'));
    fs.writeFileSync(path.join(dir, 'keep.json'), '{"earlier": true}\n');
    const run = runCli(['scan', dir, '--no-history', '--format', `sarif=${path.join(dir, 'report.sarif')}`, '--format', `json=${path.join(dir, 'keep.json/x')}`, '--format', 'github']);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/cannot write .*report\.sarif: (EISDIR|ENOTEMPTY|EEXIST)/);
    expect(run.stderr).toMatch(/cannot write .*keep\.json\/x: ENOTDIR/);
    expect(run.stdout).toContain('::warning file=good.yaml');
    expect(fs.readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    expect(fs.readdirSync(path.join(dir, 'report.sarif'))).toEqual([]);
    expect(fs.readFileSync(path.join(dir, 'keep.json'), 'utf8')).toBe('{"earlier": true}\n');
  });

  it('a report that can be written is written whole', () => {
    const out = path.join(dir, 'ok.json');
    const run = runCli(['scan', dir, '--no-history', '--format', 'json', '--output', out]);
    expect(run.status).toBe(0);
    expect(JSON.parse(fs.readFileSync(out, 'utf8')).findings.length).toBeGreaterThan(0);
    expect(fs.readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });
});
