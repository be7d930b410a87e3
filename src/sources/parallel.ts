// Spread the read-and-parse of YAML files over worker threads (both cores on a 2-core runner).
// Results arrive in any order; the caller restores a deterministic one, so findings are the same
// byte for byte with one worker or many.
import fs from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { DiscoveredFile } from './discover.js';
import type { ParseResult } from './parse-worker.js';

/** Below this many bytes of YAML, starting threads costs more than it saves. */
const MIN_PARALLEL_BYTES = 4 * 1024 * 1024;

/** Worker threads to use: KUBELINT_WORKERS, else one per core (at most 4). 1 means in-process. */
export function workerCount(): number {
  const env = Number(process.env.KUBELINT_WORKERS);
  if (Number.isInteger(env) && env >= 1) return env;
  return Math.max(1, Math.min(4, os.availableParallelism?.() ?? os.cpus().length));
}

/** The bundled worker script, next to this chunk or one folder up; absent when running from sources. */
function workerScript(): URL | undefined {
  for (const rel of ['./parse-worker.js', '../parse-worker.js']) {
    const url = new URL(rel, import.meta.url);
    if (url.protocol === 'file:' && fs.existsSync(fileURLToPath(url))) return url;
  }
  return undefined;
}

/** Partition files into `n` groups of similar total size (largest first, into the lightest group). */
function partition(files: (DiscoveredFile & { size: number })[], n: number): DiscoveredFile[][] {
  const groups = Array.from({ length: n }, () => ({ size: 0, files: [] as DiscoveredFile[] }));
  for (const f of [...files].sort((a, b) => b.size - a.size || (a.relPath < b.relPath ? -1 : 1))) {
    const lightest = groups.reduce((min, g) => (g.size < min.size ? g : min));
    lightest.size += f.size;
    lightest.files.push(f);
  }
  return groups.map((g) => g.files).filter((g) => g.length);
}

export interface ParallelPlan {
  /** The share the main thread parses itself, while the workers parse theirs. */
  mainShare: DiscoveredFile[];
  /** Resolves when every worker has sent all its results. */
  done: Promise<void>;
}

/**
 * Parse `files` with worker threads beside the main thread (one share each), calling `onResult`
 * for each worker result as it arrives. Undefined when parallelism would not pay: one worker
 * asked for, small input, or no bundle (running from sources).
 */
export function parseInWorkers(files: DiscoveredFile[], onResult: (r: ParseResult) => void): ParallelPlan | undefined {
  const n = workerCount();
  const script = workerScript();
  if (n < 2 || !script || files.length < 2) return undefined;
  const sized = files.map((f) => ({ ...f, size: fs.statSync(f.absPath, { throwIfNoEntry: false })?.size ?? 0 }));
  if (sized.reduce((sum, f) => sum + f.size, 0) < MIN_PARALLEL_BYTES) return undefined;
  // The main thread is one of the n parsers: it would otherwise only wait.
  const [mainShare, ...workerShares] = partition(sized, n);
  return { mainShare, done: runWorkers(script, workerShares, onResult) };
}

async function runWorkers(script: URL, shares: DiscoveredFile[][], onResult: (r: ParseResult) => void): Promise<void> {
  await Promise.all(
    shares.map(
      (group) =>
        new Promise<void>((resolve, reject) => {
          const worker = new Worker(script);
          worker.on('message', (msg: ParseResult | null) => {
            if (msg === null) {
              void worker.terminate();
              resolve();
            } else onResult(msg);
          });
          worker.on('error', reject);
          worker.postMessage({ files: group.map(({ absPath, relPath }) => ({ absPath, relPath })) });
        }),
    ),
  );
}
