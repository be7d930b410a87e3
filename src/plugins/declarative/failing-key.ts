// Which key a schema failure points at. ajv's instancePath names the node that failed; for
// `required` that is the parent of the missing key (the key is not there to point at), for
// `additionalProperties` / `propertyNames` the offending key itself is one level deeper.
import type { KeyPath } from '../../model.js';

export interface SchemaError {
  instancePath: string;
  keyword: string;
  params: Record<string, unknown>;
  message?: string;
}

export interface FailingKey {
  path: KeyPath;
  /** Point at the key itself rather than its value. */
  target?: 'key';
  error: SchemaError;
}

/** Keywords whose instancePath is the object holding an offending key, named in params. */
const KEY_PARAM: Record<string, string> = {
  additionalProperties: 'additionalProperty',
  unevaluatedProperties: 'unevaluatedProperty',
  propertyNames: 'propertyName',
};

/** Keywords that only summarise failures of their branches, reported at the branches. */
const SUMMARY_KEYWORDS = new Set(['if', 'anyOf', 'oneOf', 'allOf']);

/** The deepest failing key among the errors (ties go to the first, in schema order). */
export function deepestFailingKey(errors: SchemaError[], data: unknown): FailingKey | undefined {
  const detailed = errors.filter((e) => !SUMMARY_KEYWORDS.has(e.keyword));
  const candidates = (detailed.length ? detailed : errors).map((e) => failingKey(e, data));
  let best: FailingKey | undefined;
  for (const c of candidates) if (!best || c.path.length > best.path.length) best = c;
  return best;
}

export function failingKey(error: SchemaError, data: unknown): FailingKey {
  const path = pointerToKeyPath(error.instancePath, data);
  const param = KEY_PARAM[error.keyword];
  const key = param ? error.params[param] : undefined;
  if (typeof key === 'string') return { path: [...path, key], target: 'key', error };
  return { path, error };
}

/** JSON pointer (`/spec/containers/0/name`) to a key path; numeric segments index arrays. */
export function pointerToKeyPath(pointer: string, data: unknown): KeyPath {
  if (!pointer) return [];
  const out: KeyPath = [];
  let cur: any = data;
  for (const raw of pointer.slice(1).split('/')) {
    const seg = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    const isIndex = Array.isArray(cur) && /^\d+$/.test(seg);
    out.push(isIndex ? Number(seg) : seg);
    cur = cur == null || typeof cur !== 'object' ? undefined : cur[isIndex ? Number(seg) : seg];
  }
  return out;
}
