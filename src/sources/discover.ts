// Find the files of a scan: fast-glob over each path, honouring .gitignore, .kubelintignore and config ignores.
import fs from 'node:fs';
import path from 'node:path';
import fg from 'fast-glob';
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
  const files: DiscoveredFile[] = [];
  const matcher = await buildIgnore(opts.root, opts.ignore);
  for (const p of opts.paths) {
    const abs = path.resolve(p);
    let stat: fs.Stats;
    try {
      stat = await fs.promises.stat(abs);
    } catch (err) {
      throw new UsageError(`cannot read ${p}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
    }
    if (stat.isFile()) {
      addFile(abs);
      continue;
    }
    const entries = await fg('**/*', {
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
        const target = await fs.promises.stat(full).catch((err) => err as NodeJS.ErrnoException);
        if (target instanceof Error) notes.push(`${rel(full)}: broken or looping symlink (${target.code ?? target.message}), skipped`);
        else if (target.isDirectory()) notes.push(`${rel(full)}: symlink to a directory, not followed`);
        else addFile(full);
        continue;
      }
      if (e.dirent.isFile()) addFile(full);
      else if (!e.dirent.isDirectory()) notes.push(`${rel(full)}: not a regular file (FIFO, socket or device), skipped`);
    }
  }
  files.sort((a, b) => (a.relPath < b.relPath ? -1 : a.relPath > b.relPath ? 1 : 0));
  return { files, notes };

  function rel(abs: string): string {
    return toPosix(path.relative(opts.root, abs)) || path.basename(abs);
  }
  function addFile(abs: string): void {
    const relPath = rel(abs);
    if (seen.has(abs)) return;
    if (relPath && !relPath.startsWith('..') && matcher.ignores(relPath)) return;
    seen.add(abs);
    files.push({ absPath: abs, relPath });
  }
}

async function buildIgnore(root: string, extra: string[]): Promise<Ignore> {
  const ig = ignore().add(ALWAYS_IGNORED);
  for (const name of ['.gitignore', '.kubelintignore']) {
    const text = await fs.promises.readFile(path.join(root, name), 'utf8').catch(() => '');
    if (text) ig.add(text);
  }
  // Nested .gitignore files apply below their folder.
  const nested = await fg('**/.gitignore', { cwd: root, dot: true, ignore: ['**/node_modules/**', '**/.git/**', '.gitignore'], suppressErrors: true });
  for (const rel of nested) {
    const dir = path.posix.dirname(rel);
    const text = await fs.promises.readFile(path.join(root, rel), 'utf8').catch(() => '');
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
