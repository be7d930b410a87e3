// A file-system client for isomorphic-git that caches what a read-only history scan asks again
// and again: the stat of the git directory (every API call re-discovers it), the listing of
// objects/pack (read before every packed object), and the loose-object directories (a miss costs
// a failed open and a thrown error per object). Without it a packed repository spends most of its
// time in failed syscalls. Only for reading: nothing here sees writes.
import fs from 'node:fs';
import path from 'node:path';
import type { FsClient } from 'isomorphic-git';

function notFound(p: string): NodeJS.ErrnoException {
  const err: NodeJS.ErrnoException = new Error(`ENOENT: no such file or directory, open '${p}'`);
  err.code = 'ENOENT';
  return err;
}

export function cachedReadFs(gitdir: string): FsClient {
  const objects = path.join(gitdir, 'objects');
  const listings = new Map<string, Promise<string[] | null>>();
  const stats = new Map<string, Promise<fs.Stats>>();
  const list = (dir: string): Promise<string[] | null> => {
    let entry = listings.get(dir);
    if (!entry) {
      entry = fs.promises.readdir(dir).catch(() => null);
      listings.set(dir, entry);
    }
    return entry;
  };
  const p = fs.promises;
  const promises = {
    async readFile(file: string, options?: any) {
      // Loose objects: objects/ab/cdef... Answer misses from the directory listing.
      const dir = path.dirname(file);
      if (path.dirname(dir) === objects && /^[0-9a-f]{2}$/.test(path.basename(dir))) {
        const names = await list(dir);
        if (!names || !names.includes(path.basename(file))) throw notFound(file);
      }
      return p.readFile(file, options);
    },
    async readdir(dir: string) {
      const names = await list(dir);
      if (!names) throw notFound(dir);
      return names;
    },
    stat(file: string) {
      let entry = stats.get(file);
      if (!entry) {
        entry = p.stat(file);
        stats.set(file, entry);
        entry.catch(() => stats.delete(file));
      }
      return entry;
    },
    lstat: (file: string) => p.lstat(file),
    readlink: (file: string) => p.readlink(file),
    writeFile: (file: string, data: any, options?: any) => p.writeFile(file, data, options),
    mkdir: (dir: string, options?: any) => p.mkdir(dir, options),
    rmdir: (dir: string) => p.rmdir(dir),
    unlink: (file: string) => p.unlink(file),
    symlink: (target: string, file: string) => p.symlink(target, file),
  };
  return { promises } as unknown as FsClient;
}
