// Which commits to scan, and which blobs each one introduced.
import { readCommitMeta, readTreeItems, shallowCommits, type CommitMeta, type Repo, type TreeItem } from './repo.js';

export interface WalkOptions {
  tips: string[];
  /** Commits reachable from these are excluded (`--since REV` means REV..HEAD). */
  exclude?: string[];
  /** Only commits made at or after this time (seconds), for `--since DATE`. */
  sinceTime?: number;
  maxCommits?: number;
}

export interface WalkResult {
  /** Newest first. */
  commits: CommitMeta[];
  /** The walk reached a commit whose parents a shallow clone does not hold. */
  hitShallowBoundary: boolean;
  /** maxCommits cut the walk short. */
  truncated: boolean;
}

/** Every ancestor of `tips` (inclusive). */
async function ancestors(repo: Repo, tips: string[], shallow: Set<string>): Promise<Set<string>> {
  const seen = new Set<string>();
  const stack = [...tips];
  while (stack.length) {
    const oid = stack.pop()!;
    if (seen.has(oid)) continue;
    const meta = await readCommitMeta(repo, oid);
    if (!meta) continue;
    seen.add(oid);
    if (!shallow.has(oid)) stack.push(...meta.parents);
  }
  return seen;
}

/** Walk newest-first by committer time, like `git log`, so maxCommits keeps the most recent ones. */
export async function walkCommits(repo: Repo, opts: WalkOptions): Promise<WalkResult> {
  const shallow = shallowCommits(repo);
  const excluded = opts.exclude?.length ? await ancestors(repo, opts.exclude, shallow) : new Set<string>();
  const queue: CommitMeta[] = [];
  const queued = new Set<string>();
  const enqueue = async (oid: string) => {
    if (queued.has(oid) || excluded.has(oid)) return;
    queued.add(oid);
    const meta = await readCommitMeta(repo, oid);
    if (!meta) return;
    // Keep the queue sorted by commit time, newest last (pop takes it).
    let lo = 0;
    let hi = queue.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (queue[mid].commitTime <= meta.commitTime) lo = mid + 1;
      else hi = mid;
    }
    queue.splice(lo, 0, meta);
  };
  for (const tip of opts.tips) await enqueue(tip);
  const commits: CommitMeta[] = [];
  let hitShallowBoundary = false;
  let truncated = false;
  while (queue.length) {
    const meta = queue.pop()!;
    if (opts.sinceTime !== undefined && meta.commitTime < opts.sinceTime) continue;
    if (opts.maxCommits !== undefined && commits.length >= opts.maxCommits) {
      truncated = true;
      break;
    }
    commits.push(meta);
    if (shallow.has(meta.oid)) {
      if (meta.parents.length) hitShallowBoundary = true;
      continue;
    }
    for (const p of meta.parents) await enqueue(p);
  }
  return { commits, hitShallowBoundary, truncated };
}

export interface IntroducedBlob {
  path: string;
  oid: string;
}

/** Small cache of parsed trees: a commit's tree is read again as its child's parent tree. */
export class TreeReader {
  private readonly cache = new Map<string, Map<string, TreeItem>>();
  constructor(private readonly repo: Repo, private readonly limit = 2000) {}

  async read(oid: string): Promise<Map<string, TreeItem>> {
    const hit = this.cache.get(oid);
    if (hit) return hit;
    const items = new Map((await readTreeItems(this.repo, oid)).map((i) => [i.name, i]));
    if (this.cache.size >= this.limit) this.cache.delete(this.cache.keys().next().value!);
    this.cache.set(oid, items);
    return items;
  }
}

/** Can a directory at `dir` ('' or 'a/b/') hold paths under `prefix`? */
function relevant(dir: string, prefix: string): boolean {
  return prefix === '' || dir.startsWith(prefix) || prefix.startsWith(dir);
}

/**
 * Blobs in `tree` that none of the parent trees holds at the same path: what the commit added or
 * changed. Unchanged subtrees are skipped by oid, so the cost follows the size of the change.
 */
export async function introducedBlobs(trees: TreeReader, tree: string, parentTrees: string[], prefix: string, dir = ''): Promise<IntroducedBlob[]> {
  const out: IntroducedBlob[] = [];
  const items = await trees.read(tree);
  const parents = await Promise.all(parentTrees.map((t) => trees.read(t)));
  for (const item of items.values()) {
    const before = parents.map((p) => p.get(item.name));
    if (before.some((b) => b?.oid === item.oid)) continue;
    const path = dir + item.name;
    if (item.type === 'tree') {
      const sub = `${path}/`;
      if (!relevant(sub, prefix)) continue;
      const parentSubtrees = before.filter((b): b is TreeItem => b?.type === 'tree').map((b) => b.oid);
      out.push(...(await introducedBlobs(trees, item.oid, parentSubtrees, prefix, sub)));
    } else if (item.type === 'blob' && item.mode !== '120000' && path.startsWith(prefix)) {
      out.push({ path, oid: item.oid });
    }
  }
  return out;
}

/** Every blob of a tree (HEAD's), by path. */
export async function allBlobs(trees: TreeReader, tree: string, prefix: string, dir = ''): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const item of (await trees.read(tree)).values()) {
    const path = dir + item.name;
    if (item.type === 'tree') {
      if (!relevant(`${path}/`, prefix)) continue;
      for (const [p, o] of await allBlobs(trees, item.oid, prefix, `${path}/`)) out.set(p, o);
    } else if (item.type === 'blob' && path.startsWith(prefix)) {
      out.set(path, item.oid);
    }
  }
  return out;
}
