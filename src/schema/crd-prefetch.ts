// The CRD schemas that custom resources of the scan are validated against were cut out of their
// documents after loading (sources/yaml-deferred.ts). Read on first use, they cost the main thread
// a read and a second parse of each such CRD; with parse workers still at hand, the workers read
// them instead (from disk, for a released file) and convert them to JSON Schema as well, while the
// main thread runs the other rules; schema-invalid waits for them.
import type { ParseHelper } from '../sources/parallel.js';
import { deferredSubtrees } from '../sources/yaml-deferred.js';
import type { K8sObject, Workspace } from '../workspace/workspace.js';
import { crdIndex, rememberJsonSchema } from './crd.js';

const PREFETCH = 'schema:crd-prefetch';

/** Start reading, on `helper`'s workers, the deferred schemas of every CRD a custom resource of the scan uses. */
export function prefetchCrdSchemas(ws: Workspace, helper: ParseHelper): void {
  const crds = crdIndex(ws);
  const used = new Set<K8sObject>();
  for (const object of ws.objects) {
    const entry = crds.byApiVersionKind.get(`${object.apiVersion}\u0000${object.kind}`);
    if (entry?.served) used.add(entry.crd);
  }
  const reads = [...used].map((crd) => {
    const deferred = deferredSubtrees(crd.unit.value);
    if (!deferred) return undefined;
    // A released file is read by the worker itself; one whose text is at hand gets it sent.
    const onDisk = deferred.onDisk();
    const source = onDisk ? { onDisk } : { body: deferred.body() };
    // A failed read (the file changed on disk, say) leaves the holes as they were: the main
    // thread parses them on first use.
    return helper.subtrees(source, deferred.paths).then(({ values, jsonSchemas }) => {
      deferred.settle(values);
      values.forEach((v, i) => rememberJsonSchema(v, jsonSchemas[i]));
    }, () => undefined);
  });
  const t0 = performance.now();
  // The workers have nothing else to do: stopping them frees their memory for the rest of the scan.
  const all = Promise.all(reads).then(() => {
    helper.close();
    timing(`CRD schemas: ${reads.length} read ahead by parse workers in ${Math.round(performance.now() - t0)} ms`);
  });
  ws.memo(PREFETCH, () => all);
}

/** Wait for the schemas being read ahead, if any. */
export async function prefetchedCrdSchemas(ws: Workspace): Promise<void> {
  const reading = ws.memo<Promise<unknown> | undefined>(PREFETCH, () => undefined);
  if (!reading) return;
  const t0 = performance.now();
  await reading;
  timing(`schema-invalid waited ${Math.round(performance.now() - t0)} ms for them`);
}

/** KUBELINT_TIMING=1 shows whether the read ahead was in time. */
function timing(line: string): void {
  if (process.env.KUBELINT_TIMING) process.stderr.write(`${line}\n`);
}
