// Walks a JSON Schema along a key path, to name the fields an object may hold.
import type { KeyPath } from '../model.js';
import type { JsonSchema, RefResolver } from './types.js';

/** A schema plus how to follow its `$ref`s. */
export interface SchemaView {
  root: JsonSchema;
  resolve: RefResolver;
}

function deref(view: SchemaView, schema: JsonSchema | undefined): JsonSchema | undefined {
  let s = schema;
  for (let i = 0; s && typeof s.$ref === 'string' && i < 32; i++) s = s.$ref === '#' ? view.root : view.resolve(s.$ref);
  return s;
}

/** Branches of a schema that describe the same value (CRD schemas use allOf/anyOf/oneOf). */
function branches(view: SchemaView, schema: JsonSchema | undefined): JsonSchema[] {
  const s = deref(view, schema);
  if (!s) return [];
  const out = [s];
  for (const k of ['allOf', 'anyOf', 'oneOf']) if (Array.isArray(s[k])) for (const b of s[k]) out.push(...branches(view, b));
  return out;
}

/** The schema of the child `seg` of a value described by `schema`. */
function child(view: SchemaView, schema: JsonSchema | undefined, seg: string | number): JsonSchema | undefined {
  for (const s of branches(view, schema)) {
    if (typeof seg === 'number') {
      if (s.items && typeof s.items === 'object' && !Array.isArray(s.items)) return deref(view, s.items);
      continue;
    }
    if (s.properties && Object.hasOwn(s.properties, seg)) return deref(view, s.properties[seg]);
    if (s.additionalProperties && typeof s.additionalProperties === 'object') return deref(view, s.additionalProperties);
  }
  return undefined;
}

/** Schema at `path` inside the root schema, or undefined when the path leaves it. */
export function schemaAt(view: SchemaView, path: KeyPath): JsonSchema | undefined {
  let s: JsonSchema | undefined = deref(view, view.root);
  for (const seg of path) {
    s = child(view, s, seg);
    if (!s) return undefined;
  }
  return s;
}

/** Field names a mapping described by `schema` may hold. */
export function fieldNames(view: SchemaView, schema: JsonSchema | undefined): string[] {
  const names = new Set<string>();
  for (const s of branches(view, schema)) if (s.properties) for (const k of Object.keys(s.properties)) names.add(k);
  return [...names];
}

/**
 * Where a field named `name` is valid below `schema` (breadth first, a few levels down):
 * ['containers', '[]'] for `imagePullPolicy` under a PodSpec. Undefined when nowhere near.
 */
export function findFieldBelow(view: SchemaView, schema: JsonSchema | undefined, name: string, maxDepth = 3): string[] | undefined {
  let frontier: { schema: JsonSchema; path: string[] }[] = schema ? [{ schema, path: [] }] : [];
  const seen = new Set<JsonSchema>();
  for (let depth = 0; depth < maxDepth && frontier.length; depth++) {
    const next: { schema: JsonSchema; path: string[] }[] = [];
    for (const { schema: s, path } of frontier) {
      for (const [field, sub] of fieldEntries(view, s)) {
        let target = deref(view, sub);
        const childPath = [...path, field];
        if (target?.type === 'array' && target.items) {
          target = deref(view, target.items);
          childPath.push('[]');
        }
        if (!target || seen.has(target)) continue;
        seen.add(target);
        if (fieldNames(view, target).includes(name)) return childPath;
        next.push({ schema: target, path: childPath });
      }
    }
    frontier = next;
  }
  return undefined;
}

function fieldEntries(view: SchemaView, schema: JsonSchema): [string, JsonSchema][] {
  const out: [string, JsonSchema][] = [];
  for (const s of branches(view, schema)) if (s.properties) out.push(...(Object.entries(s.properties) as [string, JsonSchema][]));
  return out;
}
