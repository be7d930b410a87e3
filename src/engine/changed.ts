// `--changed-since REV`: which files differ from a revision (committed, staged or not), so a
// pull request sees findings only on what it touches while rules still see the whole workspace.
import fs from 'node:fs';
import { git, openRepo, resolveCommit } from '../history/repo.js';
import { UsageError } from '../sources/discover.js';

/** Paths relative to `root` ('/' separators) that differ between REV and the work tree. */
export async function changedFiles(root: string, rev: string): Promise<Set<string>> {
  const repo = openRepo(root);
  if (!repo) throw new UsageError(`--changed-since needs a git work tree; ${root} is not in one`);
  const oid = await resolveCommit(repo, rev);
  if (!oid) throw new UsageError(`--changed-since ${rev}: no such revision (a shallow clone may lack it: fetch more history)`);
  const changed = new Set<string>();
  await git.walk({
    fs,
    dir: repo.dir,
    gitdir: repo.gitdir,
    cache: repo.cache,
    trees: [git.TREE({ ref: oid }), git.WORKDIR()],
    map: async (filepath, [base, work]) => {
      if (filepath === '.') return undefined;
      // The work tree walker lists the repository's own folder too: never a change, and costly.
      if (filepath === '.git' || filepath.startsWith('.git/')) return null;
      const dirLike = `${filepath}/`;
      // Only the scan root's part of the repository matters.
      if (repo.prefix && !dirLike.startsWith(repo.prefix) && !repo.prefix.startsWith(dirLike)) return null;
      const baseType = base ? await base.type() : undefined;
      const workType = work ? await work.type() : undefined;
      if (baseType === 'tree' || workType === 'tree') return undefined;
      if (!filepath.startsWith(repo.prefix)) return undefined;
      if (!work) return undefined; // deleted files hold no findings
      if (!base || (await base.oid()) !== (await work.oid())) changed.add(filepath.slice(repo.prefix.length));
      return undefined;
    },
  });
  return changed;
}
