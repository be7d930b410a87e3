// Revisions as git spells them: refs, shas, tags and the ancestry suffixes `~N` and `^N`, for
// --since and --changed-since. Checked against `git rev-parse` on a small repository with a merge.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { changedFiles } from '../../src/engine/changed.js';
import { closeRepo, openRepo, resolveCommit } from '../../src/history/repo.js';
import { tempProject } from '../helpers/cli.js';
import { commitAll, git, initRepo, writeFiles } from '../helpers/git.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

/** main: a - b - c - M (merge of side: s1 - s2) - d, and an annotated tag on b. */
function history(): string {
  const dir = tempProject({ 'deploy/a.yaml': 'a: 1\n' });
  dirs.push(dir);
  initRepo(dir);
  commitAll(dir, 'a');
  writeFiles(dir, { 'deploy/b.yaml': 'b: 1\n' });
  commitAll(dir, 'b');
  git(dir, 'tag', '-a', 'v1', '-m', 'release');
  writeFiles(dir, { 'deploy/c.yaml': 'c: 1\n' });
  commitAll(dir, 'c');
  git(dir, 'checkout', '-q', '-b', 'side', 'HEAD~1');
  writeFiles(dir, { 'deploy/s1.yaml': 's: 1\n' });
  commitAll(dir, 's1');
  writeFiles(dir, { 'deploy/s2.yaml': 's: 2\n' });
  commitAll(dir, 's2');
  git(dir, 'checkout', '-q', 'main');
  git(dir, 'merge', '-q', '--no-ff', '-m', 'merge side', 'side');
  writeFiles(dir, { 'deploy/d.yaml': 'd: 1\n' });
  commitAll(dir, 'd');
  return dir;
}

describe('revisions', () => {
  it('resolve as git rev-parse resolves them', async () => {
    const dir = history();
    const repo = openRepo(dir)!;
    try {
      const revs = ['HEAD', 'main', 'side', 'v1', 'HEAD~1', 'HEAD^', 'HEAD~1^2', 'HEAD^^2~1', 'HEAD~2', 'HEAD~3', 'main~1^1', 'v1~1', 'v1^0', 'side~2', 'HEAD^1^2^'];
      for (const rev of revs) expect(await resolveCommit(repo, rev), rev).toBe(git(dir, 'rev-parse', `${rev}^{commit}`));
      const short = git(dir, 'rev-parse', '--short', 'HEAD~1');
      expect(await resolveCommit(repo, `${short}~1`)).toBe(git(dir, 'rev-parse', 'HEAD~2'));
      // Past the root, a parent that is not there, a ref that is not there.
      expect(await resolveCommit(repo, 'HEAD~9')).toBeUndefined();
      expect(await resolveCommit(repo, 'HEAD~1^3')).toBeUndefined();
      expect(await resolveCommit(repo, 'nope~1')).toBeUndefined();
    } finally {
      closeRepo(repo);
    }
  });

  it('work in --changed-since', async () => {
    const dir = history();
    expect([...(await changedFiles(dir, 'HEAD~1'))].sort()).toEqual(['deploy/d.yaml']);
    expect([...(await changedFiles(dir, 'HEAD^1~1'))].sort()).toEqual(['deploy/d.yaml', 'deploy/s1.yaml', 'deploy/s2.yaml']);
    fs.writeFileSync(path.join(dir, 'deploy/a.yaml'), 'a: 2\n');
    expect([...(await changedFiles(dir, 'HEAD'))].sort()).toEqual(['deploy/a.yaml']);
    await expect(changedFiles(dir, 'HEAD~9')).rejects.toThrow(/HEAD~9: no such revision/);
  });
});
