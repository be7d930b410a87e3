// Worker thread: prepare YAML files taken from the shared queue (read, fast parse, pure per-file
// work) so big scans use every core. It sends back plain data; units are built on the main thread.
import { parentPort } from 'node:worker_threads';
import type { KeyPath } from '../model.js';
import type { PrecomputeOptions } from './precomputed.js';
import { prepareFile, warmUp, type PreparedFile } from './prepare-file.js';
import { subtreesOf } from './yaml.js';
import { readDiskSlice, type DiskSlice } from './release-text.js';
import type { JsonSchema } from '../schema/types.js';

/**
 * A worker takes files from the queue through the shared index `job.next` until it is empty,
 * then says `finished`. Kept by the scan after that, it reads deferred subtrees (CRD schemas) on request.
 */
export type ToWorker =
  | { precompute: PrecomputeOptions; job: { files: { absPath: string; relPath: string }[]; next: SharedArrayBuffer } }
  | { subtrees: { id: number; source: SubtreeSource; paths: KeyPath[] } };
export type ToMain =
  | { ready: true }
  | { result: PreparedFile }
  | { finished: true; busyMs: number; files: number }
  | { subtrees: { id: number; read?: ReadSubtrees; error?: string } };

/** A document's text, sent along, or where the worker reads it on disk. */
export type SubtreeSource = { body: string } | { onDisk: DiskSlice };

/** Subtrees of a document, each with its JSON Schema form when it is a CRD's openAPIV3Schema (crd.ts). */
export interface ReadSubtrees {
  values: unknown[];
  jsonSchemas: (JsonSchema | undefined)[];
}

// Load what the per-file work needs before the first file arrives, then say so.
// (A module that fails to load fails the per-file work, and the main thread then does it.)
const started = warmUp()
  .catch(() => undefined)
  .then(() => post({ ready: true }));
// Requests for subtrees may arrive while the queue is still being worked: one after the other.
let chain: Promise<void> = Promise.resolve();

parentPort?.on('message', (msg: ToWorker) => {
  // An unexpected failure ends the worker: the main thread reads the files it took.
  chain = chain
    .then(() => started)
    .then(() => handle(msg))
    .catch(() => process.exit(1));
});

async function handle(msg: ToWorker): Promise<void> {
  if ('job' in msg) {
    const { files } = msg.job;
    const next = new Int32Array(msg.job.next);
    const t0 = performance.now();
    let prepared = 0;
    for (let i = Atomics.add(next, 0, 1); i < files.length; i = Atomics.add(next, 0, 1)) {
      const f = files[i];
      // Lets the tests check that a worker that dies loses no file.
      if (process.env.KUBELINT_TEST_WORKER_CRASH && f.relPath.includes(process.env.KUBELINT_TEST_WORKER_CRASH)) process.exit(70);
      post({ result: await prepareFile(f.absPath, f.relPath, msg.precompute) });
      prepared++;
    }
    // (KUBELINT_TIMING prints how busy the worker was.)
    post({ finished: true, busyMs: performance.now() - t0, files: prepared });
  } else {
    // Lets the tests check that the main thread reads the schemas itself when a worker dies here.
    if (process.env.KUBELINT_TEST_WORKER_CRASH === 'subtrees') process.exit(70);
    const { id, source, paths } = msg.subtrees;
    try {
      // Read here, the text of a released file costs the main thread nothing; converted here, a
      // schema is one conversion less for it while it runs the other rules.
      const values = subtreesOf('onDisk' in source ? readDiskSlice(source.onDisk) : source.body, paths);
      const { toJsonSchema } = await import('../schema/crd.js');
      const jsonSchemas = values.map((v) => (v !== null && typeof v === 'object' ? toJsonSchema(v as JsonSchema) : undefined));
      post({ subtrees: { id, read: { values, jsonSchemas } } });
    } catch (err) {
      post({ subtrees: { id, error: (err as Error).message } });
    }
  }
}

function post(msg: ToMain): void {
  parentPort!.postMessage(msg);
}
