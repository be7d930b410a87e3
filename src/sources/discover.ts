// Find the files of a scan: fast-glob over each path, honouring .gitignore, .kubelintignore and config ignores.
import fs from 'node:fs';
import path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { KubelintError } from '../errors.js';

export interface DiscoveredFile {
  absPath: string;
  /** Relative to the scan root, '/' separators. */
  relPath: string;
}

export interface DiscoverResult {
  files: DiscoveredFile[];
  /** Things not scanned, said out loud (symlinked directories, unreadable folders). */
  notes: string[];
}

export interface DiscoverOptions {
  root: string;
  paths: string[];
  /** Extra gitignore-style patterns (config `ignore`). */
  ignore: string[];
}

/** Always skipped: VCS internals and installed dependencies. Dot-directories are otherwise scanned. */
const ALWAYS_IGNORED = ['.git/', 'node_modules/'];

export async function discover(opts: DiscoverOptions): Promise<DiscoverResult> {
  const notes: string[] = [];
  const seen = new Set<string>();
  const candidates: string[] = [];
  const named = new Set<string>();
  // Nested .gitignore files that can apply: those met while walking a path, and those of the
  // folders between the root and each path. Scanning one file never walks the whole tree.
  const gitignores = new Set<string>();
  for (const p of opts.paths) {
    const abs = path.resolve(p);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(abs);
    } catch (err) {
      throw new UsageError(`cannot read ${p}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
    }
    for (const dir of foldersBetween(opts.root, stat.isFile() ? path.dirname(abs) : abs)) gitignores.add(path.join(dir, '.gitignore'));
    if (stat.isFile()) {
      candidates.push(abs);
      named.add(abs);
      continue;
    }
    // fast-glob loads only for folders: a pre-commit scan names its files.
    const { default: fg } = await import('fast-glob');
    // Synchronous walk: three times faster than the asynchronous one on a tree of manifests, and
    // the scan has nothing else to do meanwhile (parse workers load on their own threads).
    const entries = fg.sync('**/*', {
      cwd: abs,
      dot: true,
      onlyFiles: false,
      markDirectories: true,
      followSymbolicLinks: false,
      suppressErrors: true,
      objectMode: true,
      ignore: ['**/.git/**', '**/node_modules/**'],
    });
    for (const e of entries) {
      const full = path.join(abs, e.path);
      if (e.dirent.isSymbolicLink()) {
        const target = statOrError(full);
        if (target instanceof Error) notes.push(`${rel(full)}: broken or looping symlink (${target.code ?? target.message}), skipped`);
        else if (target.isDirectory()) notes.push(`${rel(full)}: symlink to a directory, not followed`);
        else candidates.push(full);
        continue;
      }
      if (e.dirent.isFile()) {
        candidates.push(full);
        if (e.name === '.gitignore') gitignores.add(full);
      } else if (!e.dirent.isDirectory()) notes.push(`${rel(full)}: not a regular file (FIFO, socket or device), skipped`);
    }
  }
  const matcher = buildIgnore(opts.root, opts.ignore, [...gitignores]);
  const files: DiscoveredFile[] = [];
  for (const abs of candidates) {
    const relPath = rel(abs);
    if (seen.has(abs)) continue;
    if (relPath && !relPath.startsWith('..') && matcher.ignores(relPath)) {
      // As ESLint does: a file named on the command line and then ignored is said out loud.
      if (named.has(abs)) notes.push(`${relPath}: matches an ignore pattern (.gitignore, .kubelintignore or config ignore), skipped`);
      continue;
    }
    seen.add(abs);
    files.push({ absPath: abs, relPath });
  }
  files.sort((a, b) => (a.relPath < b.relPath ? -1 : a.relPath > b.relPath ? 1 : 0));
  return { files, notes };

  function rel(abs: string): string {
    return toPosix(path.relative(opts.root, abs)) || path.basename(abs);
  }
}

/** `from` and its ancestors up to and excluding `root`, when `from` is inside `root`. */
function foldersBetween(root: string, from: string): string[] {
  const out: string[] = [];
  const relative = path.relative(root, from);
  if (!relative || relative.startsWith('..') || path.isAbsolute(relative)) return out;
  for (let dir = from; dir !== root && dir.startsWith(root); dir = path.dirname(dir)) out.push(dir);
  return out;
}

function statOrError(file: string): fs.Stats | NodeJS.ErrnoException {
  try {
    return fs.statSync(file);
  } catch (err) {
    return err as NodeJS.ErrnoException;
  }
}

const readOrEmpty = (file: string): string => {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return '';
  }
};

function buildIgnore(root: string, extra: string[], nested: string[]): Ignore {
  const ig = ignore().add(ALWAYS_IGNORED);
  for (const name of ['.gitignore', '.kubelintignore']) {
    const text = readOrEmpty(path.join(root, name));
    if (text) ig.add(text);
  }
  // Nested .gitignore files apply below their folder; shallow ones first, as git reads them.
  const rels = nested
    .map((abs) => toPosix(path.relative(root, abs)))
    .filter((r) => r !== '.gitignore' && !r.startsWith('..') && !r.split('/').includes('node_modules') && !r.split('/').includes('.git'))
    .sort((a, b) => a.split('/').length - b.split('/').length || (a < b ? -1 : a > b ? 1 : 0));
  for (const relPath of rels) {
    const dir = path.posix.dirname(relPath);
    const text = readOrEmpty(path.join(root, relPath));
    const lines = text.split(/\r?\n/).filter((l) => l.trim() && !l.startsWith('#'));
    ig.add(lines.map((l) => scopePattern(dir, l)));
  }
  ig.add(extra);
  return ig;
}

/** Rewrite a nested .gitignore pattern so it only matches below its own folder. */
function scopePattern(dir: string, pattern: string): string {
  const negate = pattern.startsWith('!');
  let p = negate ? pattern.slice(1) : pattern;
  const anchored = p.startsWith('/') || p.slice(0, -1).includes('/');
  p = p.replace(/^\//, '');
  const scoped = anchored ? `${dir}/${p}` : `${dir}/**/${p}`;
  return (negate ? '!' : '') + scoped;
}

export function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}

/** A problem with how kubelint was called: exit status 2. */
export class UsageError extends KubelintError {}
