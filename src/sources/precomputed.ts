// Pure per-file results a parse worker computes beside the parse (the credential scan of the
// text, the built-in schema problems of each object), handed to the code that would otherwise
// compute them on the main thread. Keyed by the SourceFile object, so they live as long as it.
import type { SourceFile } from '../model.js';
import type { SchemaProblem } from '../schema/types.js';
import type { RawMatch } from '../secrets/detectors.js';

/** A credential match with its detector named by id (detectors hold functions: not cloneable). */
export interface SentMatch extends RawMatch {
  detectorId: string;
  judgement: 'real' | 'example';
}

export interface FilePrecomputed {
  /** scanText(file.text), in its order. */
  secretMatches?: SentMatch[];
  /** Built-in schema problems before the kustomize filter, by schemaKey(); absent key: not built in. */
  schema?: Record<string, SchemaProblem[]>;
  /** The kubernetesVersion the schema problems were computed for. */
  schemaVersion?: string;
}

/** What a worker should compute. */
export interface PrecomputeOptions {
  secrets?: boolean;
  /** Validate built-in kinds against this Kubernetes version's schemas. */
  schemaVersion?: string;
}

const store = new WeakMap<SourceFile, FilePrecomputed>();

export function attachPrecomputed(file: SourceFile, work: FilePrecomputed | undefined): void {
  if (work) store.set(file, work);
}

export function precomputedOf(file: SourceFile): FilePrecomputed | undefined {
  return store.get(file);
}

/** Identity of an object inside its file: document index and path of a List item. */
export function schemaKey(docIndex: number, basePath: (string | number)[]): string {
  return basePath.length ? `${docIndex}/${basePath.join('/')}` : String(docIndex);
}
