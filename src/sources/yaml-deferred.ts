// Bulky subtrees that rules rarely read (a CRD's OpenAPI schemas are ~90% of the bytes of real
// manifest sets) are cut out of a document's value once its per-file work is done, so a worker
// does not copy them to the main thread and no thread keeps them. A null stays in their place and
// their paths are listed; the loader turns each into a getter that parses the document again the
// first time a rule reads it, unless parse workers have filled it ahead (deferredSubtrees, used by
// schema/crd-prefetch.ts). Readers see the same value either way, and the key keeps its place, so
// Object.keys order is unchanged.
import type { KeyPath } from '../model.js';
import { readDiskSlice, type DiskSlice } from './release-text.js';

/** Paths of the subtrees to defer, per document shape. */
export function deferrablePaths(value: unknown): KeyPath[] {
  if (!isRecord(value) || value.kind !== 'CustomResourceDefinition' || !isRecord(value.spec)) return [];
  const spec = value.spec;
  const paths: KeyPath[] = [];
  if (isRecord(spec.validation) && spec.validation.openAPIV3Schema !== undefined) paths.push(['spec', 'validation', 'openAPIV3Schema']);
  if (Array.isArray(spec.versions)) {
    spec.versions.forEach((v, i) => {
      if (isRecord(v) && isRecord(v.schema) && v.schema.openAPIV3Schema !== undefined) paths.push(['spec', 'versions', i, 'schema', 'openAPIV3Schema']);
    });
  }
  return paths;
}

/** Replace the deferrable subtrees by null and return their paths. */
export function punchHoles(value: unknown): KeyPath[] | undefined {
  const paths = deferrablePaths(value);
  for (const p of paths) {
    const parent = walk(value, p.slice(0, -1)) as Record<string | number, unknown>;
    parent[p[p.length - 1]] = null;
  }
  return paths.length ? paths : undefined;
}

/** The text of a document whose holes are deferred: at hand, or where it is on disk. */
export interface DeferredBody {
  text(): string;
  /** Where the text is on disk when the file's text is released (a worker reads it there). */
  onDisk?(): DiskSlice | undefined;
}

/** A document whose holes have not all been read yet: what a parse worker needs to read them ahead. */
export interface DeferredSubtrees {
  /** The document's text. */
  body(): string;
  /** Where that text is on disk, when reading it there spares the main thread a read. */
  onDisk(): DiskSlice | undefined;
  /** The holes not read yet. */
  paths: KeyPath[];
  /** Fill those holes with subtrees parsed elsewhere (in `paths` order); holes read since stay as they are. */
  settle(values: unknown[]): void;
}

const registry = new WeakMap<object, { holes: KeyPath[]; body: DeferredBody; settle: (p: KeyPath, v: unknown) => void; open: (p: KeyPath) => boolean }>();

/** The unread holes of a document value, or undefined when it has none. */
export function deferredSubtrees(value: unknown): DeferredSubtrees | undefined {
  const entry = value !== null && typeof value === 'object' ? registry.get(value) : undefined;
  const paths = entry?.holes.filter(entry.open);
  if (!entry || !paths?.length) return undefined;
  return {
    body: () => entry.body.text(),
    onDisk: () => entry.body.onDisk?.(),
    paths,
    settle: (values) => paths.forEach((p, i) => entry.open(p) && entry.settle(p, values[i])),
  };
}

/**
 * Make each hole a getter that reads the subtree from a full parse of the body (readBody), done
 * once; a parse worker may fill them ahead instead (deferredSubtrees).
 */
export function fillHolesLazily(value: unknown, holes: KeyPath[], body: DeferredBody, parse: (body: string) => unknown): void {
  let full: unknown;
  let parsed = false;
  const lazy = new Set<KeyPath>();
  const settle = (p: KeyPath, sub: unknown) => {
    lazy.delete(p);
    const parent = walk(value, p.slice(0, -1)) as Record<string | number, unknown>;
    Object.defineProperty(parent, p[p.length - 1], { value: sub, writable: true, enumerable: true, configurable: true });
  };
  for (const p of holes) {
    const parent = walk(value, p.slice(0, -1));
    if (!isRecord(parent) && !Array.isArray(parent)) continue;
    lazy.add(p);
    Object.defineProperty(parent, p[p.length - 1], {
      enumerable: true,
      configurable: true,
      get() {
        if (!parsed) {
          full = parse(readBody(body));
          parsed = true;
        }
        const sub = walk(full, p);
        settle(p, sub);
        return sub;
      },
      set(v: unknown) {
        settle(p, v);
      },
    });
  }
  if (lazy.size && value !== null && typeof value === 'object') registry.set(value, { holes: [...lazy], body, settle, open: (p) => lazy.has(p) });
}

/**
 * The body from disk when its file's text is released, so that reading a schema does not bring
 * the whole text back into memory; the text at hand otherwise, or when the file changed on disk
 * (the text getter then says so).
 */
function readBody(body: DeferredBody): string {
  const onDisk = body.onDisk?.();
  if (onDisk) {
    try {
      return readDiskSlice(onDisk);
    } catch {
      // Changed or gone since the scan read it: read through the text, which notes it.
    }
  }
  return body.text();
}

/** The subtree of `value` at `path`, or undefined. */
export function walk(value: unknown, path: KeyPath): unknown {
  let cur = value;
  for (const k of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string | number, unknown>)[k];
  }
  return cur;
}

function isRecord(v: unknown): v is Record<string, any> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}
