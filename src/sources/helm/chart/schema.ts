// values.schema.json validation (Helm validates the coalesced values of each chart against
// its schema before rendering). Each violation becomes a problem at the values line that
// holds the offending value, when known.
import { createRequire } from 'node:module';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { valueOrigin, type Origin } from '../sourcemap.js';
import { isMap } from '../template/values.js';

const lazyRequire = createRequire(import.meta.url);

export interface SchemaViolation {
  message: string;
  /** Where the value (or its closest present parent) was set. */
  origin?: Origin;
}

const cache = new Map<string, ValidateFunction | Error>();
let ajvs: Record<string, any> | undefined;

function ajvFor(schema: any): any {
  if (!ajvs) {
    const Ajv = lazyRequire('ajv').default;
    const Ajv2019 = lazyRequire('ajv/dist/2019').default;
    const Ajv2020 = lazyRequire('ajv/dist/2020').default;
    const addFormats = lazyRequire('ajv-formats').default ?? lazyRequire('ajv-formats');
    const opts = { allErrors: true, strict: false, validateFormats: true, logger: false };
    ajvs = { 7: new Ajv(opts), 2019: new Ajv2019(opts), 2020: new Ajv2020(opts) };
    for (const a of Object.values(ajvs)) addFormats(a);
  }
  const id = String(schema?.$schema ?? '');
  if (id.includes('2020-12')) return ajvs[2020];
  if (id.includes('2019-09')) return ajvs[2019];
  return ajvs[7];
}

/** JSON-compatible copy: ints as numbers. */
function jsonValue(v: unknown): unknown {
  if (typeof v === 'bigint') return Number(v);
  if (Array.isArray(v)) return v.map(jsonValue);
  if (isMap(v)) {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v)) out[k] = jsonValue(v[k]);
    return out;
  }
  return v;
}

function compile(schemaText: string): ValidateFunction | Error {
  let fn = cache.get(schemaText);
  if (fn) return fn;
  try {
    const schema = JSON.parse(schemaText);
    // draft-04 style `id` and unknown $schema URIs: let ajv ignore them.
    const clean = { ...schema };
    if (typeof clean.$schema === 'string' && /draft-0[346]/.test(clean.$schema)) delete clean.$schema;
    fn = ajvFor(clean).compile(clean) as ValidateFunction;
  } catch (err) {
    fn = new Error(`invalid values.schema.json: ${(err as Error).message}`);
  }
  cache.set(schemaText, fn);
  return fn;
}

function locate(values: unknown, instancePath: string): Origin | undefined {
  const parts = instancePath.split('/').slice(1).map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  let cur: unknown = values;
  let best: Origin | undefined;
  for (const p of parts) {
    const key = Array.isArray(cur) ? Number(p) : p;
    const o = valueOrigin(cur, key);
    if (o) best = o;
    if (cur === null || typeof cur !== 'object') break;
    cur = (cur as any)[key];
  }
  return best;
}

function describe(e: ErrorObject): string {
  const where = e.instancePath ? e.instancePath.slice(1).replace(/\//g, '.') : '(root)';
  if (e.keyword === 'additionalProperties') return `${where}: Additional property ${(e.params as any).additionalProperty} is not allowed`;
  if (e.keyword === 'required') return `${where}: ${(e.params as any).missingProperty} is required`;
  if (e.keyword === 'enum') return `${where}: ${e.message}: ${JSON.stringify((e.params as any).allowedValues)}`;
  return `${where}: ${e.message}`;
}

/** Validate values against a schema; returns violations (empty when valid). */
export function validateValues(schemaText: string, values: unknown): SchemaViolation[] {
  const fn = compile(schemaText);
  if (fn instanceof Error) return [{ message: fn.message }];
  if (fn(jsonValue(values))) return [];
  return (fn.errors ?? []).map((e) => {
    const missing = e.keyword === 'required' || e.keyword === 'additionalProperties';
    const path = e.keyword === 'additionalProperties' ? `${e.instancePath}/${(e.params as any).additionalProperty}` : e.instancePath;
    return { message: describe(e), origin: locate(values, missing ? path : e.instancePath) };
  });
}
