import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { isGitWorkTree, readStagedFiles, scanGitHistory } from '../../src/history/index.js';
import { scan } from '../../src/engine/scan.js';
import { TempRepo } from './git-fixture.js';

const alice = { name: 'Alice Example', email: 'alice@example.test' };
const bob = { name: 'Bob Example', email: 'bob@example.test' };

// Synthetic values, never real credentials.
const DB_PASSWORD = 'Tq7-mZ2pL9xW4vK8';
const ENV_PASSWORD = 'Hx3nP8qLw2Zr5TkJ';
const TOKEN = 'ghp_PTkYc1RcBdELA6yHlGirnbnG8DidFQ7fgpA6';

const SECRET_YAML = `apiVersion: v1
kind: Secret
metadata:
  name: db
  namespace: shop
stringData:
  username: app
  password: ${DB_PASSWORD}
`;
const DOT_ENV = `APP_ENV=production\nDB_PASSWORD=${ENV_PASSWORD}\n`;

const repos: TempRepo[] = [];
function repo(): TempRepo {
  const r = new TempRepo();
  repos.push(r);
  return r;
}
afterEach(() => {
  for (const r of repos.splice(0)) r.cleanup();
});

function expectNoSecrets(value: unknown): void {
  const text = JSON.stringify(value);
  for (const s of [DB_PASSWORD, ENV_PASSWORD, TOKEN]) expect(text.includes(s), `leaked ${s.slice(0, 3)}`).toBe(false);
}

describe('scanGitHistory', () => {
  it('finds a Secret and an .env deleted in a later commit, naming the commit that introduced them', async () => {
    const r = repo();
    r.write('k8s/secret.yaml', SECRET_YAML);
    r.write('.env', DOT_ENV);
    r.write('README.md', '# shop\n');
    const added = r.commit('add database credentials', alice, '2024-03-01T09:30:00Z');
    r.remove('k8s/secret.yaml');
    r.remove('.env');
    r.write('README.md', '# shop\n\nSecrets now live in Vault.\n');
    r.commit('remove secrets from the repository', bob, '2024-03-02T10:00:00Z');

    const result = await scanGitHistory({ root: r.dir });
    expect(result.commits).toBe(2);
    expect(result.warnings).toEqual([]);
    expect(result.findings.map((f) => [f.ruleId, f.file, f.line, f.severity])).toEqual([
      ['git-history-secret', '.env', 2, 'error'],
      ['git-history-secret', 'k8s/secret.yaml', 8, 'error'],
    ]);
    for (const f of result.findings) {
      expect(f.commit).toMatchObject({ sha: added, author: 'Alice Example <alice@example.test>', date: '2024-03-01T09:30:00.000Z' });
      expect(f.commit?.commits?.map((c) => c.sha)).toEqual([added]);
      expect(f.message).toContain(`commit ${added.slice(0, 7)}`);
      expect(f.message).toContain('Alice Example <alice@example.test>');
      expect(f.message).toContain('2024-03-01');
      expect(f.message).toContain(`${f.file}:${f.line}`);
      expect(f.message).toContain('No longer in HEAD');
      expect(f.message).toMatch(new RegExp(`Rotate the credential.*git filter-repo --path ${f.file.replace('.', '\\.')} --invert-paths.*force-push\\.$`));
      expect(f.fingerprint).toMatch(/^[0-9a-f]{24}$/);
    }
    expect(result.findings[0].message).toContain('DB_PASSWORD');
    expect(result.findings[1].resource).toMatchObject({ kind: 'Secret', name: 'db', namespace: 'shop' });
    expectNoSecrets(result);

    // The clean HEAD tree yields nothing from the working-tree secret rules.
    const tree = await scan({ paths: [r.dir], onlyRules: ['secret-plaintext', 'secret-literal-env', 'secret-pattern', 'sops-unencrypted', 'secret-ref-missing'] });
    expect(tree.findings).toEqual([]);
  });

  it('says when a secret is still in HEAD', async () => {
    const r = repo();
    r.write('deploy/secret.yaml', SECRET_YAML);
    r.commit('add secret', alice);
    const result = await scanGitHistory({ root: r.dir });
    expect(result.findings).toHaveLength(1);
    expect(result.findings[0].message).toContain('Still in HEAD (deploy/secret.yaml)');
  });

  it('reports a secret committed many times, in several files, once, listing its commits', async () => {
    const r = repo();
    r.write('ci/deploy.sh', `#!/bin/sh\n# token for the release job\nexport RELEASE=${TOKEN}\n`);
    const first = r.commit('add deploy script', alice);
    r.write('ci/deploy.sh', `#!/bin/sh\nset -eu\n# token for the release job\nexport RELEASE=${TOKEN}\n`);
    const second = r.commit('strict mode', bob);
    r.write('docs/notes.md', `Use ${TOKEN} for releases.\n`);
    const third = r.commit('notes', bob);
    const result = await scanGitHistory({ root: r.dir });
    expect(result.findings).toHaveLength(1);
    const f = result.findings[0];
    expect([f.file, f.line, f.commit?.sha]).toEqual(['ci/deploy.sh', 3, first]);
    expect(f.commit?.commits?.map((c) => c.sha)).toEqual([first, second, third]);
    expect(f.message).toContain('Also committed in 2 later commit(s)');
    expect(f.message).toContain('Also in docs/notes.md');
    expectNoSecrets(result);
  });

  it('reads every branch and tag only with allRefs', async () => {
    const r = repo();
    r.write('README.md', '# shop\n');
    r.commit('init', alice);
    r.git('checkout', '-q', '-b', 'experiment');
    r.write('.env', DOT_ENV);
    r.commit('try things', bob);
    r.git('checkout', '-q', 'main');
    expect((await scanGitHistory({ root: r.dir })).findings).toEqual([]);
    const all = await scanGitHistory({ root: r.dir, allRefs: true });
    expect(all.findings.map((f) => f.file)).toEqual(['.env']);
    expect(all.commits).toBe(2);
  });

  it('limits the range with since (a revision or a date) and maxCommits', async () => {
    const r = repo();
    r.write('old.env', DOT_ENV);
    const base = r.commit('old secret', alice, '2024-01-01T00:00:00Z');
    r.write('new/secret.yaml', SECRET_YAML);
    r.commit('new secret', bob, '2024-06-01T00:00:00Z');
    const sinceRev = await scanGitHistory({ root: r.dir, since: base });
    expect(sinceRev.findings.map((f) => f.file)).toEqual(['new/secret.yaml']);
    expect(sinceRev.commits).toBe(1);
    const sinceDate = await scanGitHistory({ root: r.dir, since: '2024-03-01' });
    expect(sinceDate.findings.map((f) => f.file)).toEqual(['new/secret.yaml']);
    const limited = await scanGitHistory({ root: r.dir, maxCommits: 1 });
    expect(limited.findings.map((f) => f.file)).toEqual(['new/secret.yaml']);
    expect(limited.warnings.join('\n')).toContain('stopped after 1 commits');
    await expect(scanGitHistory({ root: r.dir, since: 'not-a-rev-or-date' })).rejects.toThrow(/neither a revision/);
  });

  it('warns about a shallow clone, naming how many commits were scanned', async () => {
    const r = repo();
    r.write('.env', DOT_ENV);
    r.commit('secret', alice);
    r.remove('.env');
    r.commit('remove', bob);
    r.write('README.md', 'x\n');
    r.commit('readme', bob);
    const clone = repo();
    fs.rmSync(clone.dir, { recursive: true, force: true });
    r.git('clone', '-q', '--depth', '1', `file://${r.dir}`, clone.dir);
    const result = await scanGitHistory({ root: clone.dir });
    expect(result.commits).toBe(1);
    expect(result.warnings).toHaveLength(1);
    expect(result.warnings[0]).toMatch(/shallow clone: only 1 commit\(s\)/);
    expect(result.findings).toEqual([]);
  });

  it('scans only below a sub-directory root, with paths relative to it', async () => {
    const r = repo();
    r.write('services/api/.env', DOT_ENV);
    r.write('services/web/.env', `DB_PASSWORD=Kd8-zP3qW7mL2xN5\n`);
    r.commit('envs', alice);
    const result = await scanGitHistory({ root: path.join(r.dir, 'services/api') });
    expect(result.findings.map((f) => f.file)).toEqual(['.env']);
    expect(result.findings[0].message).toContain('git filter-repo --path services/api/.env --invert-paths');
  });

  it('reports progress and handles repositories without commits', async () => {
    const r = repo();
    expect(await scanGitHistory({ root: r.dir })).toEqual({ findings: [], commits: 0, warnings: [] });
    r.write('a.txt', 'a\n');
    r.commit('a', alice);
    r.write('b.txt', 'b\n');
    r.commit('b', alice);
    const calls: [number, number][] = [];
    await scanGitHistory({ root: r.dir, onProgress: (done, total) => calls.push([done, total]) });
    expect(calls).toEqual([
      [1, 2],
      [2, 2],
    ]);
  });
});

describe('isGitWorkTree', () => {
  it('is true inside a work tree and false elsewhere', () => {
    const r = repo();
    fs.mkdirSync(path.join(r.dir, 'sub'));
    expect(isGitWorkTree(r.dir)).toBe(true);
    expect(isGitWorkTree(path.join(r.dir, 'sub'))).toBe(true);
    const plain = fs.mkdtempSync(path.join(os.tmpdir(), 'kubelint-plain-'));
    try {
      expect(isGitWorkTree(plain)).toBe(false);
    } finally {
      fs.rmSync(plain, { recursive: true, force: true });
    }
  });
});

describe('readStagedFiles', () => {
  it('returns the staged content of added and modified files only', async () => {
    const r = repo();
    r.write('app.yaml', 'a: 1\n');
    r.write('keep.txt', 'keep\n');
    r.write('gone.txt', 'gone\n');
    r.commit('init', alice);
    r.write('app.yaml', 'a: 2\n');
    r.write('.env', DOT_ENV);
    r.git('add', 'app.yaml', '.env');
    r.git('rm', '-q', 'gone.txt');
    // Changed after staging: the staged version is what gets committed.
    r.write('app.yaml', 'a: 3\n');
    r.write('keep.txt', 'changed but not staged\n');
    const staged = await readStagedFiles(r.dir);
    expect(staged.map((f) => [f.path, f.text])).toEqual([
      ['.env', DOT_ENV],
      ['app.yaml', 'a: 2\n'],
    ]);
    expect(staged[0].absPath).toBe(path.join(r.dir, '.env'));
  });

  it('works before the first commit and below a sub-directory root', async () => {
    const r = repo();
    r.write('deploy/.env', DOT_ENV);
    r.write('other/x.txt', 'x\n');
    r.git('add', '-A');
    expect((await readStagedFiles(r.dir)).map((f) => f.path)).toEqual(['deploy/.env', 'other/x.txt']);
    expect((await readStagedFiles(path.join(r.dir, 'deploy'))).map((f) => f.path)).toEqual(['.env']);
  });
});
