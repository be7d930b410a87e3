// Locating a repository and reading its objects with isomorphic-git (no `git` binary needed).
import fs from 'node:fs';
import path from 'node:path';
import * as git from 'isomorphic-git';
import { cachedReadFs } from './read-fs.js';
import { PackReader, parseCommit, parseTree } from './pack.js';

export interface Repo {
  /** Work tree root (the directory holding .git). */
  dir: string;
  gitdir: string;
  /** The scan root relative to `dir`, '' or ending in '/'. Only paths under it are scanned. */
  prefix: string;
  /** Shared pack/object cache for isomorphic-git: without it every read re-parses pack indexes. */
  cache: object;
  /** File-system client for reading objects (caches listings and misses; see read-fs.ts). */
  fs: ReturnType<typeof cachedReadFs>;
  /** Use the fast path for packed objects (pack.ts); isomorphic-git reads everything else. */
  packReader: boolean;
  /** Opened on the first object read; null when the repository has no readable pack. */
  packs?: PackReader | null;
  /** Objects present but unreadable (corrupt), oid -> reason. Missing ones (shallow, partial clones) are not listed. */
  unreadable?: Map<string, string>;
}

/** Remember a corrupt object; a missing one (NotFoundError) is expected in shallow and partial clones. */
function noteUnreadable(repo: Repo, oid: string, err: unknown): void {
  if ((err as { code?: string } | undefined)?.code === 'NotFoundError') return;
  const message = (err as Error | undefined)?.message ?? String(err);
  // isomorphic-git wraps the cause in a paragraph addressed to developers: keep the cause.
  const cause = /error message: ([^\n]+)/.exec(message)?.[1] ?? message.split('\n')[0];
  (repo.unreadable ??= new Map()).set(oid, cause.slice(0, 200));
}

function packsOf(repo: Repo): PackReader | undefined {
  if (!repo.packReader) return undefined;
  if (repo.packs === undefined) repo.packs = PackReader.open(repo.gitdir) ?? null;
  return repo.packs ?? undefined;
}

function findRepoDir(start: string): string | undefined {
  let dir = path.resolve(start);
  for (;;) {
    if (fs.existsSync(path.join(dir, '.git'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** The git directory of a work tree: `.git/`, or the target of a `.git` file (`gitdir: ...`). */
function gitDirOf(dir: string): string | undefined {
  const dotGit = path.join(dir, '.git');
  const stat = fs.statSync(dotGit, { throwIfNoEntry: false });
  if (!stat) return undefined;
  if (stat.isDirectory()) return dotGit;
  const m = /^gitdir:\s*(.+)$/m.exec(fs.readFileSync(dotGit, 'utf8'));
  return m ? path.resolve(dir, m[1].trim()) : undefined;
}

/** Is `root` inside a git work tree? */
export function isGitWorkTree(root: string): boolean {
  const dir = findRepoDir(root);
  return !!dir && !!gitDirOf(dir);
}

/** Release the pack files a scan opened. */
export function closeRepo(repo: Repo): void {
  repo.packs?.close();
  repo.packs = undefined;
}

/** Open a repository; `packReader: false` reads every object through isomorphic-git. */
export function openRepo(root: string, opts: { packReader?: boolean } = {}): Repo | undefined {
  const dir = findRepoDir(root);
  if (!dir) return undefined;
  const gitdir = gitDirOf(dir);
  if (!gitdir) return undefined;
  const rel = path.relative(dir, path.resolve(root)).split(path.sep).join('/');
  return { dir, gitdir, prefix: rel ? `${rel}/` : '', cache: {}, fs: cachedReadFs(gitdir), packReader: opts.packReader !== false };
}

/** Linked work trees keep objects in a common directory isomorphic-git does not follow. */
export function unsupportedLayout(repo: Repo): string | undefined {
  if (fs.existsSync(path.join(repo.gitdir, 'commondir'))) {
    return `${repo.dir} is a linked work tree (git worktree); its history is not scanned, run kubelint from the main work tree`;
  }
  return undefined;
}

/** Commits whose parents a shallow clone does not have. */
export function shallowCommits(repo: Repo): Set<string> {
  try {
    return new Set(fs.readFileSync(path.join(repo.gitdir, 'shallow'), 'utf8').split(/\s+/).filter(Boolean));
  } catch {
    return new Set();
  }
}

export interface CommitMeta {
  oid: string;
  tree: string;
  parents: string[];
  /** Author time, seconds since the epoch. */
  authorTime: number;
  /** Committer time, for ordering. */
  commitTime: number;
  author: string;
}

export async function readCommitMeta(repo: Repo, oid: string): Promise<CommitMeta | undefined> {
  const packed = packsOf(repo)?.read(oid);
  const parsed = packed?.type === 'commit' ? parseCommit(packed.data) : undefined;
  if (parsed) return { oid, ...parsed };
  try {
    const { commit } = await git.readCommit({ fs: repo.fs, gitdir: repo.gitdir, oid, cache: repo.cache });
    return {
      oid,
      tree: commit.tree,
      parents: commit.parent,
      authorTime: commit.author.timestamp,
      commitTime: commit.committer.timestamp,
      author: `${commit.author.name} <${commit.author.email}>`,
    };
  } catch (err) {
    noteUnreadable(repo, oid, err);
    return undefined;
  }
}

export interface TreeItem {
  name: string;
  mode: string;
  oid: string;
  type: 'blob' | 'tree' | 'commit';
}

export async function readTreeItems(repo: Repo, oid: string): Promise<TreeItem[]> {
  const packed = packsOf(repo)?.read(oid);
  if (packed?.type === 'tree') return parseTree(packed.data);
  try {
    const { tree } = await git.readTree({ fs: repo.fs, gitdir: repo.gitdir, oid, cache: repo.cache });
    return tree.map((e) => ({ name: e.path, mode: e.mode, oid: e.oid, type: e.type }));
  } catch (err) {
    // A corrupt tree is reported and read as empty, so the rest of the history is still scanned.
    if ((err as { code?: string }).code === 'NotFoundError') throw err;
    noteUnreadable(repo, oid, err);
    return [];
  }
}

export async function readBlobText(repo: Repo, oid: string): Promise<{ text: string; bytes: number } | undefined> {
  try {
    const packed = packsOf(repo)?.read(oid);
    const blob = packed?.type === 'blob' ? packed.data : (await git.readBlob({ fs: repo.fs, gitdir: repo.gitdir, oid, cache: repo.cache })).blob;
    const head = blob.subarray(0, 8192);
    if (head.includes(0)) return { text: '', bytes: blob.length };
    return { text: Buffer.from(blob.buffer, blob.byteOffset, blob.byteLength).toString('utf8'), bytes: blob.length };
  } catch (err) {
    noteUnreadable(repo, oid, err);
    return undefined;
  }
}

/**
 * Resolve a revision to a commit oid: a ref name or a full or abbreviated sha, peeling annotated
 * tags, then git's ancestry suffixes (`HEAD~2`, `main^`, `v1.2^2`: `~N` follows first parents N
 * times, `^N` takes the Nth parent, `^0` the commit itself). Git forbids `~` and `^` in ref names.
 */
export async function resolveCommit(repo: Repo, rev: string): Promise<string | undefined> {
  const ancestry = /^([^~^]+)((?:[~^]\d*)+)$/.exec(rev);
  if (!ancestry) return resolveNamedCommit(repo, rev);
  let oid = await resolveNamedCommit(repo, ancestry[1]);
  for (const [, op, digits] of ancestry[2].matchAll(/([~^])(\d*)/g)) {
    const n = digits === '' ? 1 : Number(digits);
    if (op === '~') {
      for (let i = 0; oid && i < n; i++) oid = (await parentsOf(repo, oid))?.[0];
    } else if (oid && n > 0) {
      oid = (await parentsOf(repo, oid))?.[n - 1];
    }
  }
  return oid;
}

async function parentsOf(repo: Repo, oid: string): Promise<string[] | undefined> {
  try {
    return (await git.readCommit({ fs: repo.fs, gitdir: repo.gitdir, oid, cache: repo.cache })).commit.parent;
  } catch (err) {
    noteUnreadable(repo, oid, err);
    return undefined;
  }
}

async function resolveNamedCommit(repo: Repo, rev: string): Promise<string | undefined> {
  let oid: string | undefined;
  try {
    oid = await git.resolveRef({ fs: repo.fs, gitdir: repo.gitdir, ref: rev });
  } catch {
    if (/^[0-9a-f]{4,40}$/i.test(rev)) {
      try {
        oid = await git.expandOid({ fs: repo.fs, gitdir: repo.gitdir, oid: rev.toLowerCase(), cache: repo.cache });
      } catch {
        return undefined;
      }
    }
  }
  for (let depth = 0; oid && depth < 10; depth++) {
    // kubelint's pack reader first: isomorphic-git refuses a whole pack when any byte of it is damaged.
    if (packsOf(repo)?.read(oid)?.type === 'commit') return oid;
    const at: string = oid;
    const obj = await git.readObject({ fs: repo.fs, gitdir: repo.gitdir, oid, cache: repo.cache, format: 'parsed' }).catch((err) => {
      noteUnreadable(repo, at, err);
      return undefined;
    });
    if (!obj) return undefined;
    if (obj.type === 'commit') return oid;
    if (obj.type !== 'tag') return undefined;
    oid = (obj.object as { object: string }).object;
  }
  return undefined;
}

/** Commits at the tips of every local and remote-tracking branch and every tag. */
export async function allRefTips(repo: Repo): Promise<string[]> {
  const refs: string[] = [];
  const opts = { fs: repo.fs, gitdir: repo.gitdir };
  for (const b of await git.listBranches(opts).catch(() => [] as string[])) refs.push(`refs/heads/${b}`);
  for (const r of await git.listRemotes(opts).catch(() => [] as { remote: string }[])) {
    for (const b of await git.listBranches({ ...opts, remote: r.remote }).catch(() => [] as string[])) {
      if (b !== 'HEAD') refs.push(`refs/remotes/${r.remote}/${b}`);
    }
  }
  for (const t of await git.listTags(opts).catch(() => [] as string[])) refs.push(`refs/tags/${t}`);
  const tips: string[] = [];
  for (const ref of refs) {
    const oid = await resolveCommit(repo, ref);
    if (oid) tips.push(oid);
  }
  return tips;
}

export { git };
