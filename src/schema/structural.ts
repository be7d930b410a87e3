// A small interpreter for the JSON Schema subset CRDs use (Kubernetes "structural schemas":
// no $ref, OpenAPI 3.0 keywords). Compiling a big CRD with ajv takes seconds (an Argo CD
// ApplicationSet schema: ~2 s) for the handful of objects a scan holds; walking the schema
// per object costs microseconds and nothing up front. Errors use ajv's shape, so the same
// code turns them into messages.
import type { AjvError, JsonSchema, ValidateFn } from './types.js';

function typeOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
}

function matchesType(v: unknown, type: string): boolean {
  const actual = typeOf(v);
  return actual === type || (type === 'number' && actual === 'integer');
}

const patternCache = new Map<string, RegExp | null>();

/** Go (RE2) patterns JavaScript cannot compile are skipped, not reported. */
function regex(pattern: string): RegExp | null {
  let re = patternCache.get(pattern);
  if (re === undefined) {
    try {
      re = new RegExp(pattern, 'u');
      // V8 compiles on first use: a pattern too large to compile throws only then.
      re.test('');
    } catch {
      re = null;
    }
    patternCache.set(pattern, re);
  }
  return re;
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return ka.length === kb.length && ka.every((k) => deepEqual((a as any)[k], (b as any)[k]));
}

function escape(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}

function check(schema: JsonSchema, data: unknown, path: string, errors: AjvError[]): void {
  // A CRD may hold anything where a schema belongs (`properties: { size: 3 }`): it constrains nothing.
  if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) return;
  const err = (keyword: string, params: Record<string, unknown>, at = path) => errors.push({ instancePath: at, keyword, params });
  if (schema.type !== undefined) {
    const types: string[] = Array.isArray(schema.type) ? schema.type : [schema.type];
    if (!types.some((t) => matchesType(data, t))) {
      err('type', { type: types.join(',') });
      return; // nothing else about a value of the wrong type is worth saying
    }
  }
  if (Array.isArray(schema.enum) && !schema.enum.some((e: unknown) => deepEqual(e, data))) err('enum', { allowedValues: schema.enum });
  if ('const' in schema && !deepEqual(schema.const, data)) err('const', { allowedValue: schema.const });

  if (typeof data === 'number') {
    // OpenAPI 3.0: exclusiveMinimum/exclusiveMaximum are booleans modifying minimum/maximum.
    if (typeof schema.minimum === 'number') {
      const excl = schema.exclusiveMinimum === true;
      if (excl ? data <= schema.minimum : data < schema.minimum) err('minimum', { comparison: excl ? '>' : '>=', limit: schema.minimum });
    }
    if (typeof schema.maximum === 'number') {
      const excl = schema.exclusiveMaximum === true;
      if (excl ? data >= schema.maximum : data > schema.maximum) err('maximum', { comparison: excl ? '<' : '<=', limit: schema.maximum });
    }
    if (typeof schema.multipleOf === 'number' && schema.multipleOf > 0 && Math.abs(data / schema.multipleOf - Math.round(data / schema.multipleOf)) > 1e-9) err('multipleOf', { multipleOf: schema.multipleOf });
  }
  if (typeof data === 'string') {
    const length = [...data].length;
    if (typeof schema.minLength === 'number' && length < schema.minLength) err('minLength', { limit: schema.minLength });
    if (typeof schema.maxLength === 'number' && length > schema.maxLength) err('maxLength', { limit: schema.maxLength });
    if (typeof schema.pattern === 'string') {
      const re = regex(schema.pattern);
      if (re && !re.test(data)) err('pattern', { pattern: schema.pattern });
    }
  }
  if (Array.isArray(data)) {
    if (typeof schema.minItems === 'number' && data.length < schema.minItems) err('minItems', { limit: schema.minItems });
    if (typeof schema.maxItems === 'number' && data.length > schema.maxItems) err('maxItems', { limit: schema.maxItems });
    if (schema.uniqueItems === true) {
      outer: for (let i = 1; i < data.length; i++) {
        for (let j = 0; j < i; j++) {
          if (deepEqual(data[i], data[j])) {
            err('uniqueItems', { i, j });
            break outer;
          }
        }
      }
    }
    if (schema.items && typeof schema.items === 'object' && !Array.isArray(schema.items)) {
      data.forEach((item, i) => check(schema.items, item, `${path}/${i}`, errors));
    }
  } else if (data !== null && typeof data === 'object') {
    const obj = data as Record<string, unknown>;
    if (Array.isArray(schema.required)) for (const r of schema.required) if (obj[r] === undefined) err('required', { missingProperty: r });
    const count = Object.keys(obj).length;
    if (typeof schema.minProperties === 'number' && count < schema.minProperties) err('minProperties', { limit: schema.minProperties });
    if (typeof schema.maxProperties === 'number' && count > schema.maxProperties) err('maxProperties', { limit: schema.maxProperties });
    const props: Record<string, JsonSchema> | undefined = schema.properties;
    for (const [k, v] of Object.entries(obj)) {
      if (props && Object.hasOwn(props, k)) check(props[k], v, `${path}/${escape(k)}`, errors);
      else if (schema.additionalProperties === false) err('additionalProperties', { additionalProperty: k });
      else if (schema.additionalProperties && typeof schema.additionalProperties === 'object') check(schema.additionalProperties, v, `${path}/${escape(k)}`, errors);
    }
  }

  if (Array.isArray(schema.allOf)) for (const s of schema.allOf) check(s, data, path, errors);
  if (Array.isArray(schema.anyOf) || Array.isArray(schema.oneOf)) {
    const keyword = Array.isArray(schema.anyOf) ? 'anyOf' : 'oneOf';
    const branches: JsonSchema[] = schema[keyword];
    let passing = 0;
    for (const b of branches) {
      const sub: AjvError[] = [];
      check(b, data, path, sub);
      if (!sub.length) passing++;
    }
    if (keyword === 'anyOf' ? passing === 0 : passing !== 1) err(keyword, { passing });
  }
  if (schema.not && typeof schema.not === 'object') {
    const sub: AjvError[] = [];
    check(schema.not, data, path, sub);
    if (!sub.length) err('not', {});
  }
}

/** A validator with ajv's calling convention for a (converted) structural schema. */
export function structuralValidator(schema: JsonSchema): ValidateFn {
  const validate = ((data: unknown) => {
    const errors: AjvError[] = [];
    check(schema, data, '', errors);
    validate.errors = errors.length ? errors : null;
    return errors.length === 0;
  }) as ValidateFn;
  return validate;
}
