// `--staged`: the content of the index for files whose staged version differs from HEAD, so a
// pre-commit hook scans exactly what is about to be committed.
import fs from 'node:fs';
import path from 'node:path';
import type { SourceFile } from '../model.js';
import { closeRepo, git, openRepo, readBlobText, type Repo } from './repo.js';

export async function readStagedFiles(root: string): Promise<SourceFile[]> {
  const repo = openRepo(root);
  if (!repo) return [];
  try {
    return await readStaged(repo);
  } finally {
    closeRepo(repo);
  }
}

async function readStaged(repo: Repo): Promise<SourceFile[]> {
  let hasHead = true;
  try {
    await git.resolveRef({ fs, gitdir: repo.gitdir, ref: 'HEAD' });
  } catch {
    hasHead = false;
  }
  const trees = hasHead ? [git.TREE({ ref: 'HEAD' }), git.STAGE()] : [git.STAGE()];
  const changed: { path: string; oid: string }[] = await git.walk({
    fs,
    dir: repo.dir,
    gitdir: repo.gitdir,
    cache: repo.cache,
    trees,
    map: async (filepath, entries) => {
      const [head, stage] = hasHead ? entries : [null, entries[0]];
      if (filepath === '.') return undefined;
      // Prune directories outside the scan root.
      const dirLike = `${filepath}/`;
      if (repo.prefix && !dirLike.startsWith(repo.prefix) && !repo.prefix.startsWith(dirLike)) return null;
      if (!stage) return undefined;
      if ((await stage.type()) !== 'blob') return undefined;
      if (!filepath.startsWith(repo.prefix)) return undefined;
      const stagedOid = await stage.oid();
      const headOid = head && (await head.type()) === 'blob' ? await head.oid() : undefined;
      return stagedOid === headOid ? undefined : { path: filepath, oid: stagedOid };
    },
  });
  const out: SourceFile[] = [];
  for (const entry of changed.filter(Boolean)) {
    const blob = await readBlobText(repo, entry.oid);
    if (!blob || (blob.bytes > 0 && blob.text === '')) continue;
    const rel = entry.path.slice(repo.prefix.length);
    out.push({ path: rel, absPath: path.join(repo.dir, ...entry.path.split('/')), text: blob.text, origin: 'staged' });
  }
  return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
