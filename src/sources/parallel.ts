// Spread the reading and preparing of YAML files over worker threads (both cores on a 2-core
// runner). Files wait in one queue, largest first; the main thread and every worker take the next
// one as they go, through a counter in shared memory, so no thread ever waits for another to hand
// out work, and a worker that starts late or a busy core never leaves the others waiting.
// Results arrive in any order; the caller restores a deterministic one, so findings are the same
// byte for byte with one worker or many.
import fs from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { KeyPath } from '../model.js';
import type { DiscoveredFile } from './discover.js';
import type { ReadSubtrees, SubtreeSource, ToMain, ToWorker } from './parse-worker.js';
import type { PreparedFile } from './prepare-file.js';
import type { PrecomputeOptions } from './precomputed.js';

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

export interface ParallelPlan {
  /** The next file for the main thread to prepare itself; undefined when the queue is empty. */
  next(): DiscoveredFile | undefined;
  /** Resolves when every worker has sent all its results, or stopped. */
  done: Promise<void>;
  /** After `done`: files a worker took but gave no result for (it crashed), and why. */
  leftovers(): { files: DiscoveredFile[]; reasons: string[] };
  /** After `done`, when asked to keep them: the workers that finished, as a helper; else undefined. */
  helper(): ParseHelper | undefined;
}

/**
 * Workers kept after loading, to parse again what the main thread left deferred (CRD schemas a
 * custom resource needs) while the main thread runs other rules. Idle, they never keep the
 * process alive; `close` stops them.
 */
export interface ParseHelper {
  /** subtreesOf(body, paths) on a worker thread, with their JSON Schema forms; rejects if the worker fails or stops. */
  subtrees(source: SubtreeSource, paths: KeyPath[]): Promise<ReadSubtrees>;
  close(): void;
}

interface PooledWorker {
  worker: Worker;
  /** Resolves when the worker has loaded its modules. */
  ready: Promise<void>;
  /** Why it stopped, once it has (an error, or its exit code). */
  gone?: string;
  /** Messages after `ready` go here once the worker has a job. */
  onMessage?: (msg: ToMain) => void;
}

/** Workers started ahead of need, taken by parseInWorkers. */
let pool: PooledWorker[] | undefined;

/**
 * A worker holds one file's data at a time: capping its young generation at 16 MB took about
 * 10 MB off the scan's peak memory on the corpus, at no measurable cost in speed.
 */
const WORKER_LIMITS = { maxYoungGenerationSizeMb: 16 };

function spawn(script: URL): PooledWorker {
  const worker = new Worker(script, { resourceLimits: WORKER_LIMITS });
  const pooled: PooledWorker = { worker, ready: Promise.resolve() };
  pooled.ready = new Promise<void>((resolve, reject) => {
    worker.on('message', (msg: ToMain) => ('ready' in msg ? resolve() : pooled.onMessage?.(msg)));
    worker.on('error', (err) => {
      pooled.gone ??= err.message;
      reject(err);
    });
    worker.on('exit', (code) => {
      pooled.gone ??= `exited with code ${code}`;
      reject(new Error(pooled.gone));
    });
  });
  pooled.ready.catch(() => undefined);
  // An idle pooled worker never keeps the process alive; one with a job is ref()'d. (After the
  // listeners: adding a 'message' listener refs the worker again.)
  worker.unref();
  return pooled;
}

/**
 * Start the parse workers now, so they load their modules while the main thread reads config and
 * discovers files. Called by the CLI for scans of folders; unused workers are released.
 */
export function prestartParseWorkers(): void {
  const script = workerScript();
  const n = workerCount();
  if (pool || n < 2 || !script) return;
  pool = Array.from({ length: n - 1 }, () => spawn(script));
}

/** Stop workers started ahead of need that no scan took. */
export function releaseParseWorkers(): void {
  for (const p of pool ?? []) void p.worker.terminate();
  pool = undefined;
}

/**
 * Prepare `files` with worker threads beside the main thread, calling `onResult` for each worker
 * result as it arrives. Undefined when parallelism would not pay: one worker asked for, small
 * input, or no bundle (running from sources).
 */
export function parseInWorkers(
  files: DiscoveredFile[],
  precompute: PrecomputeOptions,
  onResult: (r: PreparedFile) => void,
  keepWorkers = false,
): ParallelPlan | undefined {
  const n = workerCount();
  const script = workerScript();
  // Files are sized only when workers could run at all (one worker stats nothing).
  const sized = n < 2 || !script || files.length < 2 ? [] : files.map((f) => ({ file: f, size: fs.statSync(f.absPath, { throwIfNoEntry: false })?.size ?? 0 }));
  if (!script || sized.reduce((sum, f) => sum + f.size, 0) < MIN_PARALLEL_BYTES) {
    releaseParseWorkers();
    return undefined;
  }
  // Largest first: the last files taken are small, so every thread finishes at about the same time.
  const queue = sized.sort((a, b) => b.size - a.size || (a.file.relPath < b.file.relPath ? -1 : 1)).map((f) => f.file);
  const next = new Int32Array(new SharedArrayBuffer(4));
  const take = () => {
    const i = Atomics.add(next, 0, 1);
    return i < queue.length ? queue[i] : undefined;
  };
  // The main thread is one of the n preparers: it would otherwise only wait.
  const workers = pool ?? Array.from({ length: n - 1 }, () => spawn(script));
  pool = undefined;
  const received = new Set<string>();
  const takenHere = new Set<string>();
  const reasons: string[] = [];
  const kept: PooledWorker[] = [];
  const keep = keepWorkers ? (w: PooledWorker) => kept.push(w) : undefined;
  const job: Job = { files: queue.map(({ absPath, relPath }) => ({ absPath, relPath })), next: next.buffer as SharedArrayBuffer };
  const collect = (r: PreparedFile) => {
    received.add(r.relPath);
    onResult(r);
  };
  return {
    next: () => {
      const f = take();
      if (f) takenHere.add(f.relPath);
      return f;
    },
    done: Promise.all(workers.map((w) => runWorker(w, precompute, job, collect, (reason) => reasons.push(reason), keep))).then(() => undefined),
    // Every worker has finished or stopped: a file taken by no one here and never sent back was
    // held by a worker that stopped.
    leftovers: () => ({ files: reasons.length ? queue.filter((f) => !takenHere.has(f.relPath) && !received.has(f.relPath)) : [], reasons }),
    helper: () => (kept.length ? helperOf(kept) : undefined),
  };
}

/** What every worker is given: the whole queue, and the shared index of the next file to take. */
interface Job {
  files: { absPath: string; relPath: string }[];
  next: SharedArrayBuffer;
}

function helperOf(workers: PooledWorker[]): ParseHelper {
  let nextId = 0;
  const pending = new Map<number, { worker: PooledWorker; resolve: (read: ReadSubtrees) => void; reject: (err: Error) => void }>();
  const alive = new Set(workers);
  const outstanding = (w: PooledWorker) => [...pending.values()].filter((p) => p.worker === w).length;
  // A worker with requests in flight keeps the process alive until it answers.
  const refresh = (w: PooledWorker) => (outstanding(w) ? w.worker.ref() : w.worker.unref());
  const failAll = (w: PooledWorker, reason: string) => {
    alive.delete(w);
    for (const [id, p] of pending) {
      if (p.worker !== w) continue;
      pending.delete(id);
      p.reject(new Error(reason));
    }
  };
  for (const w of workers) {
    w.onMessage = (msg) => {
      if (!('subtrees' in msg)) return;
      const p = pending.get(msg.subtrees.id);
      if (!p) return;
      pending.delete(msg.subtrees.id);
      refresh(w);
      if (msg.subtrees.read) p.resolve(msg.subtrees.read);
      else p.reject(new Error(msg.subtrees.error ?? 'no result'));
    };
    w.worker.once('error', (err) => failAll(w, err.message));
    w.worker.once('exit', (code) => failAll(w, `exited with code ${code}`));
    refresh(w);
  }
  return {
    subtrees(source, paths) {
      const least = [...alive].sort((a, b) => outstanding(a) - outstanding(b))[0];
      if (!least) return Promise.reject(new Error('no parse worker left'));
      const id = nextId++;
      const answer = new Promise<ReadSubtrees>((resolve, reject) => pending.set(id, { worker: least, resolve, reject }));
      refresh(least);
      least.worker.postMessage({ subtrees: { id, source, paths } } satisfies ToWorker);
      return answer;
    },
    close() {
      for (const w of workers) {
        failAll(w, 'closed');
        void w.worker.terminate();
      }
    },
  };
}

/** Let one worker take files from the queue until it is empty, and collect its results. */
async function runWorker(
  pooled: PooledWorker,
  precompute: PrecomputeOptions,
  job: Job,
  onResult: (r: PreparedFile) => void,
  stopped: (reason: string) => void,
  keep?: (w: PooledWorker) => void,
): Promise<void> {
  const { worker } = pooled;
  worker.ref();
  /** It sent `finished`: all its results are in. */
  let completed = false;
  // The job goes out now: the worker starts on it as soon as its modules are loaded, even while
  // the main thread is busy with a big file (until then, the main thread takes from the queue alone).
  await new Promise<void>((resolve) => {
    let finished = false;
    pooled.onMessage = (msg) => {
      if ('result' in msg) onResult(msg.result);
      else if ('finished' in msg) {
        finished = true;
        completed = true;
        if (process.env.KUBELINT_TIMING) process.stderr.write(`worker prepared ${msg.files} files in ${Math.round(msg.busyMs)} ms\n`);
        resolve();
      }
    };
    const fail = (reason: string) => {
      if (finished) return;
      finished = true;
      stopped(reason);
      resolve();
    };
    worker.once('error', (err) => fail(err.message));
    worker.once('exit', (code) => fail(`exited with code ${code}`));
    // It may have stopped before this job came: then it took nothing.
    if (pooled.gone) fail(pooled.gone);
    else worker.postMessage({ precompute, job } satisfies ToWorker);
  });
  // A worker that finished its part may stay, as a helper; any other stops here.
  if (completed && keep) keep(pooled);
  else void worker.terminate();
}
