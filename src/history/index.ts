// Secrets in git history: every commit reachable from HEAD (or every ref), each unique blob
// scanned once, each secret attributed to the commit that introduced it.
import type { CommitInfo, Finding, Severity } from '../model.js';
import { fingerprint } from '../engine/fingerprint.js';
import { allRefTips, closeRepo, openRepo, readBlobText, readCommitMeta, resolveCommit, unsupportedLayout, type Repo } from './repo.js';
import { allBlobs, introducedBlobs, TreeReader, walkCommits } from './walk.js';
import { prepareLoaders } from '../sources/registry.js';
import { blobCacheKey, MAX_BLOB_BYTES, scanBlobText, skipByName, type BlobHit } from './scan-blob.js';
import type { CommitMeta } from './repo.js';

export { isGitWorkTree } from './repo.js';
export { readStagedFiles } from './staged.js';

export const HISTORY_RULE_ID = 'git-history-secret';

export interface HistoryOptions {
  root: string;
  /** A revision (scan REV..HEAD) or a date (commits made since). */
  since?: string;
  /** Every branch (local and remote-tracking) and tag instead of HEAD only. */
  allRefs?: boolean;
  /** Scan at most this many commits, newest first. */
  maxCommits?: number;
  onProgress?: (done: number, total: number) => void;
  /** Read packed objects with kubelint's pack reader (default) or only through isomorphic-git. */
  packReader?: boolean;
}

export interface HistoryResult {
  findings: Finding[];
  /** Commits scanned. */
  commits: number;
  warnings: string[];
  /** Damage that left part of the history unscanned (corrupt objects): the scan exits 2. */
  errors?: string[];
  /** Bytes of blob text scanned (for benchmarks). */
  bytes?: number;
}

/** One appearance of a secret: a blob a commit introduced, and where in it. */
interface Sighting {
  commit: CommitMeta;
  order: number;
  path: string;
  hit: BlobHit;
}

function commitInfo(c: CommitMeta): CommitInfo {
  return { sha: c.oid, date: new Date(c.authorTime * 1000).toISOString(), author: c.author };
}

const short = (sha: string) => sha.slice(0, 7);

async function scope(repo: Repo, opts: HistoryOptions): Promise<{ tips: string[]; exclude: string[]; sinceTime?: number }> {
  const head = await resolveCommit(repo, 'HEAD');
  const tips = opts.allRefs ? [...new Set([...(head ? [head] : []), ...(await allRefTips(repo))])] : head ? [head] : [];
  if (!opts.since) return { tips, exclude: [] };
  const since = await resolveCommit(repo, opts.since);
  if (since) return { tips, exclude: [since] };
  const time = Date.parse(opts.since);
  if (!Number.isNaN(time)) return { tips, exclude: [], sinceTime: Math.floor(time / 1000) };
  throw new Error(`--since ${opts.since}: neither a revision of ${repo.dir} nor a date`);
}

export async function scanGitHistory(opts: HistoryOptions): Promise<HistoryResult> {
  // Past blobs may be any file type: every loader gets what it needs first.
  await prepareLoaders();
  const repo = openRepo(opts.root, { packReader: opts.packReader });
  if (!repo) return { findings: [], commits: 0, warnings: [`${opts.root} is not inside a git work tree; history not scanned`] };
  try {
    const layout = unsupportedLayout(repo);
    if (layout) return { findings: [], commits: 0, warnings: [layout] };
    return await scanRepo(repo, opts);
  } finally {
    closeRepo(repo);
  }
}

async function scanRepo(repo: Repo, opts: HistoryOptions): Promise<HistoryResult> {
  const warnings: string[] = [];

  const { tips, exclude, sinceTime } = await scope(repo, opts);
  if (!tips.length) return { findings: [], commits: 0, warnings: [], ...unreadableErrors(repo) };
  const walk = await walkCommits(repo, { tips, exclude, sinceTime, maxCommits: opts.maxCommits });
  const commits = walk.commits;
  if (walk.hitShallowBoundary) {
    warnings.push(
      `shallow clone: only ${commits.length} commit(s) of history are available and were scanned; older commits may hold secrets. ` +
        'Fetch the full history (`git fetch --unshallow`, or `fetch-depth: 0` in actions/checkout) to scan all of it',
    );
  }
  if (walk.truncated) warnings.push(`history scan stopped after ${commits.length} commits (maxCommits); older commits were not scanned`);

  const trees = new TreeReader(repo);
  const blobResults = new Map<string, BlobHit[]>();
  const sightings = new Map<string, Sighting[]>();
  let bytes = 0;
  let skippedLarge = 0;
  const scanBlob = async (path: string, oid: string): Promise<BlobHit[]> => {
    const key = blobCacheKey(oid, path);
    const cached = blobResults.get(key);
    if (cached) return cached;
    let hits: BlobHit[] = [];
    if (!skipByName(path)) {
      const blob = await readBlobText(repo, oid);
      if (blob && blob.bytes > MAX_BLOB_BYTES) skippedLarge++;
      else if (blob) {
        bytes += blob.bytes;
        hits = scanBlobText(path.slice(repo.prefix.length), blob.text);
      }
    }
    blobResults.set(key, hits);
    return hits;
  };

  // Oldest first, so the first sighting of a secret is the commit that introduced it.
  const ordered = [...commits].reverse();
  const treeOf = new Map(commits.map((c) => [c.oid, c.tree]));
  for (let i = 0; i < ordered.length; i++) {
    const commit = ordered[i];
    const parentTrees: string[] = [];
    for (const p of commit.parents) {
      const tree = treeOf.get(p) ?? (await parentTree(repo, p));
      if (tree) parentTrees.push(tree);
    }
    for (const blob of await introducedBlobs(trees, commit.tree, parentTrees, repo.prefix)) {
      for (const hit of await scanBlob(blob.path, blob.oid)) {
        const list = sightings.get(hit.hash) ?? [];
        list.push({ commit, order: i, path: blob.path, hit });
        sightings.set(hit.hash, list);
      }
    }
    opts.onProgress?.(i + 1, ordered.length);
  }
  if (skippedLarge) warnings.push(`${skippedLarge} blob(s) larger than ${MAX_BLOB_BYTES / 1024 / 1024} MB were not scanned`);

  const head = await resolveCommit(repo, 'HEAD');
  const headTree = head ? (commits.find((c) => c.oid === head) ?? (await readCommitMeta(repo, head)))?.tree : undefined;
  const headBlobs = headTree ? await allBlobs(trees, headTree, repo.prefix) : new Map<string, string>();

  const findings: Finding[] = [];
  for (const [hash, list] of sightings) {
    list.sort((a, b) => a.order - b.order);
    const first = list[0];
    const stillAt: string[] = [];
    for (const path of new Set(list.map((s) => s.path))) {
      const oid = headBlobs.get(path);
      if (oid && (await scanBlob(path, oid)).some((h) => h.hash === hash)) stillAt.push(path);
    }
    findings.push(toFinding(repo, hash, list, first, stillAt));
  }
  findings.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column));
  return { findings, commits: commits.length, warnings, ...unreadableErrors(repo), bytes };
}

function unreadableErrors(repo: Repo): { errors?: string[] } {
  const bad = [...(repo.unreadable ?? [])];
  if (!bad.length) return {};
  const shown = bad.slice(0, 3).map(([oid, why]) => `${oid} (${why})`).join(', ');
  return { errors: [
    `${bad.length} git object(s) in ${repo.gitdir} are corrupt and could not be read: ${shown}${bad.length > 3 ? ', …' : ''}. ` +
      'The history behind them was not scanned for secrets; `git fsck` shows the damage.',
  ] };
}

const parentTrees = new WeakMap<object, Map<string, string | undefined>>();

/** A parent's tree, also for parents outside the scanned range; undefined in a shallow clone. */
async function parentTree(repo: Repo, oid: string): Promise<string | undefined> {
  let byOid = parentTrees.get(repo.cache);
  if (!byOid) parentTrees.set(repo.cache, (byOid = new Map()));
  if (byOid.has(oid)) return byOid.get(oid);
  const tree = (await readCommitMeta(repo, oid))?.tree;
  byOid.set(oid, tree);
  return tree;
}

function toFinding(repo: Repo, hash: string, list: Sighting[], first: Sighting, stillAt: string[]): Finding {
  const file = first.path.slice(repo.prefix.length);
  const commitsSeen = [...new Map(list.map((s) => [s.commit.oid, s.commit])).values()];
  const info = commitInfo(first.commit);
  const otherPaths = [...new Set(list.map((s) => s.path))].filter((p) => p !== first.path).map((p) => p.slice(repo.prefix.length));
  const later = commitsSeen.filter((c) => c.oid !== first.commit.oid);
  const severity: Severity = list.every((s) => s.hit.severity === 'info') ? 'info' : 'error';
  const parts = [
    `${first.hit.message}.`,
    `Introduced in commit ${short(info.sha)} by ${info.author} on ${info.date} in ${file}:${first.hit.line} (found by ${first.hit.ruleId}).`,
  ];
  if (later.length) parts.push(`Also committed in ${later.length} later commit(s): ${later.slice(0, 5).map((c) => short(c.oid)).join(', ')}${later.length > 5 ? ', …' : ''}.`);
  if (otherPaths.length) parts.push(`Also in ${otherPaths.slice(0, 5).join(', ')}${otherPaths.length > 5 ? ', …' : ''}.`);
  parts.push(
    stillAt.length
      ? `Still in HEAD (${stillAt.map((p) => p.slice(repo.prefix.length)).join(', ')}): removing it from the tree is not enough.`
      : 'No longer in HEAD, but every clone can still read it from history.',
  );
  const repoPath = first.path;
  parts.push(`Rotate the credential, then rewrite history: git filter-repo --path ${repoPath} --invert-paths (or --replace-text to remove only the value) and force-push.`);
  return {
    ruleId: HISTORY_RULE_ID,
    severity,
    message: parts.join(' '),
    file,
    line: first.hit.line,
    column: first.hit.column,
    endLine: first.hit.endLine,
    endColumn: first.hit.endColumn,
    ...(first.hit.resource ? { resource: first.hit.resource } : {}),
    fingerprint: fingerprint([HISTORY_RULE_ID, undefined, undefined, `${HISTORY_RULE_ID}:${hash}`]),
    commit: { ...info, commits: commitsSeen.map(commitInfo) },
    fix: 'Rotate the credential first; then remove it from every commit with git filter-repo and force-push all branches and tags.',
    family: 'secrets',
  };
}
