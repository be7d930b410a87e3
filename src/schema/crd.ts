// Custom resources: validated against the openAPIV3Schema of their CustomResourceDefinition
// when the CRD is part of the scan. That schema is user data: it is converted once per CRD
// version and interpreted (structural.ts), which beats compiling big CRD schemas with ajv.
import type { K8sObject, Workspace } from '../workspace/workspace.js';
import { structuralValidator } from './structural.js';
import type { JsonSchema, ValidateFn } from './types.js';
import type { SchemaView } from './walk.js';

export interface CrdVersion {
  crd: K8sObject;
  /** `metadata.name` of the CRD, e.g. widgets.example.com. */
  crdName: string;
  group: string;
  version: string;
  kind: string;
  served: boolean;
  /** The openAPIV3Schema as written in the CRD (undefined when it has none). */
  schema?: JsonSchema;
}

export interface CrdIndex {
  /** By `apiVersion\0kind`. */
  byApiVersionKind: Map<string, CrdVersion>;
  /** Every version a CRD declares, by `group\0kind`. */
  byGroupKind: Map<string, CrdVersion[]>;
}

function isObject(v: unknown): v is Record<string, any> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** CRDs of the scan, indexed by the apiVersion/kind they serve. Handles v1 and v1beta1 CRDs. */
export function crdIndex(ws: Workspace): CrdIndex {
  return ws.memo('schema:crd-index', () => {
    const byApiVersionKind = new Map<string, CrdVersion>();
    const byGroupKind = new Map<string, CrdVersion[]>();
    for (const crd of ws.ofKind('CustomResourceDefinition')) {
      if (!/^apiextensions\.k8s\.io\//.test(crd.apiVersion)) continue;
      const spec = isObject(crd.obj.spec) ? crd.obj.spec : {};
      const group = typeof spec.group === 'string' ? spec.group : '';
      const kind = isObject(spec.names) && typeof spec.names.kind === 'string' ? spec.names.kind : '';
      if (!group || !kind) continue;
      const versions: Record<string, any>[] = Array.isArray(spec.versions) ? spec.versions.filter(isObject) : [];
      if (!versions.length && typeof spec.version === 'string') versions.push({ name: spec.version, served: true });
      for (const v of versions) {
        if (typeof v.name !== 'string') continue;
        const entry: CrdVersion = {
          crd, crdName: crd.name, group, version: v.name, kind, served: v.served !== false,
          // Read only when a custom resource of the scan needs it: a CRD's schemas are cut out of
          // its value after loading and parsed again on first access (yaml-deferred.ts).
          get schema(): JsonSchema | undefined {
            const own = isObject(v.schema) ? v.schema.openAPIV3Schema : undefined;
            const shared = isObject(spec.validation) ? spec.validation.openAPIV3Schema : undefined;
            return isObject(own) ? own : isObject(shared) ? shared : undefined;
          },
        };
        byApiVersionKind.set(`${group}/${v.name}\u0000${kind}`, entry);
        const gk = `${group}\u0000${kind}`;
        byGroupKind.set(gk, [...(byGroupKind.get(gk) ?? []), entry]);
      }
    }
    return { byApiVersionKind, byGroupKind };
  });
}

const OBJECT_META_FIELDS: JsonSchema = { apiVersion: { type: 'string' }, kind: { type: 'string' }, metadata: { type: 'object' } };

/**
 * A Kubernetes structural schema as plain JSON Schema: int-or-string becomes a type
 * union, objects with declared properties reject unknown fields (as `kubectl apply` with
 * strict field validation does) unless they preserve unknown fields, and keywords only the
 * API server understands (CEL rules, list/map types) are dropped.
 */
export function toJsonSchema(schema: JsonSchema, isRoot = true): JsonSchema {
  const out: JsonSchema = {};
  for (const [k, v] of Object.entries(schema)) {
    if (k.startsWith('x-kubernetes-') || k === 'description' || k === 'nullable' || k === 'example' || k === 'externalDocs' || k === 'default' || k === '$schema' || k === 'id') continue;
    if (k === 'properties' && isObject(v)) out.properties = Object.fromEntries(Object.entries(v).map(([p, s]) => [p, isObject(s) ? toJsonSchema(s, false) : s]));
    else if ((k === 'items' || k === 'additionalProperties' || k === 'not') && isObject(v)) out[k] = toJsonSchema(v, false);
    else if ((k === 'allOf' || k === 'anyOf' || k === 'oneOf') && Array.isArray(v)) out[k] = v.map((s) => (isObject(s) ? toJsonSchema(s, false) : s));
    else out[k] = v;
  }
  if (schema['x-kubernetes-int-or-string'] === true) {
    out.type = ['integer', 'string'];
    // The CRD usually spells the same union as anyOf: [{type: integer}, {type: string}].
    if (Array.isArray(out.anyOf) && out.anyOf.every((b: JsonSchema) => isObject(b) && Object.keys(b).length === 1 && typeof b.type === 'string')) delete out.anyOf;
  }
  if (schema['x-kubernetes-embedded-resource'] === true || isRoot) {
    if (isObject(out.properties)) out.properties = { ...OBJECT_META_FIELDS, ...out.properties };
  }
  // The API server validates metadata itself; a CRD's own description of it is ignored there.
  if (isRoot && isObject(out.properties)) out.properties.metadata = { type: 'object' };
  const preserve = schema['x-kubernetes-preserve-unknown-fields'] === true;
  if (isObject(out.properties) && out.additionalProperties === undefined && !preserve) out.additionalProperties = false;
  return out;
}

export interface CompiledCrd {
  validate: ValidateFn;
  view: SchemaView;
}

const compiled = new WeakMap<CrdVersion, CompiledCrd | undefined>();

/** toJsonSchema(schema) of a schema read ahead by a parse worker, which converted it too (crd-prefetch.ts). */
const converted = new WeakMap<object, JsonSchema>();

export function rememberJsonSchema(schema: unknown, jsonSchema: JsonSchema | undefined): void {
  if (schema !== null && typeof schema === 'object' && jsonSchema) converted.set(schema, jsonSchema);
}

/** The validator of one CRD version (built once); undefined when the CRD declares no schema. */
export function crdValidator(entry: CrdVersion): CompiledCrd | undefined {
  if (!compiled.has(entry)) {
    const written = entry.schema;
    const schema = written ? (converted.get(written) ?? toJsonSchema(written)) : undefined;
    compiled.set(entry, schema ? { validate: structuralValidator(schema), view: { root: schema, resolve: () => undefined } } : undefined);
  }
  return compiled.get(entry);
}
