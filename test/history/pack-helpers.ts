// Shared by the pack reader tests: repositories with delta chains, and reference readers.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import * as git from 'isomorphic-git';
import { afterEach, expect } from 'vitest';
import { PackReader } from '../../src/history/pack.js';
import { scanGitHistory } from '../../src/history/index.js';
import { TempRepo } from './git-fixture.js';

const repos: TempRepo[] = [];
afterEach(() => {
  for (const r of repos.splice(0)) r.cleanup();
});

export const author = { name: 'Pack Tester', email: 'pack@example.test' };

/** A repository whose files change a little in every commit, so repacking makes delta chains. */
export function buildRepo(commits: number): TempRepo {
  const r = new TempRepo();
  repos.push(r);
  const lines = Array.from({ length: 200 }, (_, i) => `line ${i}: ${'x'.repeat(i % 40)}`);
  for (let c = 0; c < commits; c++) {
    lines[(c * 7) % lines.length] = `changed in ${c}`;
    r.write('k8s/app.yaml', `apiVersion: v1\nkind: ConfigMap\nmetadata: { name: app }\ndata:\n  n: "${c}"\n`);
    r.write('docs/long.md', lines.join('\n'));
    if (c === 3) r.write('.env', 'DB_PASSWORD=Tq7-mZ2pL9xW4vK8\n');
    if (c === 6) r.remove('.env');
    r.write(`notes/n${c % 5}.txt`, `note ${c}\n${lines.slice(0, c * 3).join('\n')}`);
    r.commit(`commit ${c}`, author);
  }
  return r;
}

/** The reference reader: isomorphic-git, or the git binary (isomorphic-git cannot read 64-bit offset indexes). */
export type Oracle = (gitdir: string, oid: string) => Promise<{ type: string; data: Buffer }>;

export const isomorphic: Oracle = async (gitdir, oid) => {
  const o = await git.readObject({ fs, gitdir, oid, format: 'content' });
  return { type: o.type, data: Buffer.from(o.object as Uint8Array) };
};

export const gitBinary: Oracle = async (gitdir, oid) => {
  const type = execFileSync('git', ['--git-dir', gitdir, 'cat-file', '-t', oid], { encoding: 'utf8' }).trim();
  return { type, data: execFileSync('git', ['--git-dir', gitdir, 'cat-file', type, oid]) };
};

export async function compareAll(r: TempRepo, oracle: Oracle = isomorphic): Promise<{ fromPack: number; total: number }> {
  const gitdir = path.join(r.dir, '.git');
  const reader = PackReader.open(gitdir);
  expect(reader).toBeDefined();
  const oids = r.git('cat-file', '--batch-all-objects', '--batch-check=%(objectname)').trim().split('\n');
  let fromPack = 0;
  try {
    for (const oid of oids) {
      const mine = reader!.read(oid);
      if (!mine) continue;
      fromPack++;
      const theirs = await oracle(gitdir, oid);
      expect(mine.type, oid).toBe(theirs.type);
      expect(Buffer.compare(mine.data, theirs.data), oid).toBe(0);
    }
  } finally {
    reader!.close();
  }
  return { fromPack, total: oids.length };
}

export function deltaCount(r: TempRepo): number {
  const pack = fs.readdirSync(path.join(r.dir, '.git/objects/pack')).find((f) => f.endsWith('.idx'))!;
  const out = r.git('verify-pack', '-v', path.join('.git/objects/pack', pack));
  return out.split('\n').filter((l) => /^[0-9a-f]{40} +\w+ +\d+ +\d+ +\d+ +\d+ +[0-9a-f]{40}$/.test(l)).length;
}

