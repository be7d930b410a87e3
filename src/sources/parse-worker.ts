// Worker thread: prepare batches of YAML files (read, fast parse, pure per-file work) so big scans
// use every core. It sends back plain data; units are built on the main thread.
import { parentPort } from 'node:worker_threads';
import type { KeyPath } from '../model.js';
import type { PrecomputeOptions } from './precomputed.js';
import { prepareFile, warmUp, type PreparedFile } from './prepare-file.js';
import { subtreesOf } from './yaml.js';

/** After `end`, a worker kept by the scan reads deferred subtrees (CRD schemas) on request. */
export type ToWorker =
  | { precompute: PrecomputeOptions }
  | { files: { absPath: string; relPath: string }[] }
  | { end: true }
  | { subtrees: { id: number; body: string; paths: KeyPath[] } };
export type ToMain =
  | { ready: true }
  | { result: PreparedFile }
  | { need: true }
  | { finished: true; busyMs: number; files: number }
  | { subtrees: { id: number; values?: unknown[]; error?: string } };

let precompute: PrecomputeOptions = {};
/** Time spent preparing files, and how many (KUBELINT_TIMING prints them). */
let busyMs = 0;
let prepared = 0;
// Load what the per-file work needs before the first file arrives, then say so.
// (A module that fails to load fails the per-file work, and the main thread then does it.)
const started = warmUp()
  .catch(() => undefined)
  .then(() => post({ ready: true }));
// Batches arrive while an earlier one is still being prepared: run them one after the other.
let chain: Promise<void> = Promise.resolve();

parentPort?.on('message', (msg: ToWorker) => {
  // An unexpected failure ends the worker: the main thread reads the files it held.
  chain = chain
    .then(() => started)
    .then(() => handle(msg))
    .catch(() => process.exit(1));
});

async function handle(msg: ToWorker): Promise<void> {
  if ('precompute' in msg) {
    precompute = msg.precompute;
  } else if ('files' in msg) {
    const t0 = performance.now();
    for (const f of msg.files) {
      // Lets the tests check that a worker that dies loses no file.
      if (process.env.KUBELINT_TEST_WORKER_CRASH && f.relPath.includes(process.env.KUBELINT_TEST_WORKER_CRASH)) process.exit(70);
      post({ result: await prepareFile(f.absPath, f.relPath, precompute) });
      prepared++;
    }
    busyMs += performance.now() - t0;
    post({ need: true });
  } else if ('subtrees' in msg) {
    // Lets the tests check that the main thread reads the schemas itself when a worker dies here.
    if (process.env.KUBELINT_TEST_WORKER_CRASH === 'subtrees') process.exit(70);
    const { id, body, paths } = msg.subtrees;
    try {
      post({ subtrees: { id, values: subtreesOf(body, paths) } });
    } catch (err) {
      post({ subtrees: { id, error: (err as Error).message } });
    }
  } else {
    post({ finished: true, busyMs, files: prepared });
  }
}

function post(msg: ToMain): void {
  parentPort!.postMessage(msg);
}
