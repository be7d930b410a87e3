// How Go values are represented in JavaScript, and the Go-side facts about them
// (type names, kinds, truth) that templates can observe.
//
//   nil (and a missing map key)  -> null / undefined
//   int, int64                   -> bigint
//   float64                      -> number   (everything YAML/JSON decodes to, as in Helm)
//   string, bool                 -> string, boolean
//   map[string]interface{}       -> plain object
//   []interface{}                -> array
//   []byte                       -> Uint8Array
//   structs with fields/methods  -> GoStruct

export type GoMethod = (...args: unknown[]) => unknown;

/** A Go struct (or named type with methods) exposed to templates: `.Chart`, `.Capabilities`, `.Files`. */
export class GoStruct {
  constructor(
    readonly typeName: string,
    readonly fields: Record<string, unknown>,
    readonly methods: Record<string, GoMethod> = {},
    /** Go's String() method, used when the value is printed. */
    readonly stringer?: () => string,
  ) {}
}

export type GoMap = Record<string, unknown>;

export function isNil(v: unknown): v is null | undefined {
  return v === null || v === undefined;
}

export function isMap(v: unknown): v is GoMap {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof GoStruct) && !(v instanceof Uint8Array);
}

export function hasOwn(m: object, k: string): boolean {
  return Object.prototype.hasOwnProperty.call(m, k);
}

/** Set a key on a map, safe for "__proto__". */
export function setKey(m: GoMap, k: string, v: unknown): void {
  if (k === '__proto__') Object.defineProperty(m, k, { value: v, enumerable: true, writable: true, configurable: true });
  else m[k] = v;
}

export function sortedKeys(m: GoMap): string[] {
  return Object.keys(m).sort(compareStrings);
}

/** Go compares strings bytewise; for UTF-16 that matches code-point order except surrogates, close enough. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Go's reflect.Kind name of a value, as sprig's kindOf reports it. */
export function kindOf(v: unknown): string {
  if (isNil(v)) return 'invalid';
  switch (typeof v) {
    case 'string': return 'string';
    case 'boolean': return 'bool';
    case 'bigint': return 'int';
    case 'number': return 'float64';
    case 'function': return 'func';
  }
  if (Array.isArray(v) || v instanceof Uint8Array) return 'slice';
  if (v instanceof GoStruct) return v.typeName.startsWith('*') ? 'ptr' : 'struct';
  return 'map';
}

/** Go's %T name of a value. */
export function typeName(v: unknown): string {
  if (isNil(v)) return '<nil>';
  switch (typeof v) {
    case 'string': return 'string';
    case 'boolean': return 'bool';
    case 'bigint': return 'int';
    case 'number': return 'float64';
    case 'function': return 'func(...interface {}) interface {}';
  }
  if (v instanceof Uint8Array) return '[]uint8';
  if (Array.isArray(v)) return '[]interface {}';
  if (v instanceof GoStruct) return v.typeName;
  return 'map[string]interface {}';
}

/** Go template truth: false, 0, nil, and empty strings, slices and maps are false. */
export function isTrue(v: unknown): boolean {
  if (isNil(v)) return false;
  switch (typeof v) {
    case 'boolean': return v;
    case 'string': return v.length > 0;
    case 'bigint': return v !== 0n;
    case 'number': return v !== 0;
  }
  if (Array.isArray(v) || v instanceof Uint8Array) return v.length > 0;
  if (v instanceof GoStruct) return true;
  if (typeof v === 'object') return Object.keys(v as object).length > 0;
  return true;
}

/** sprig's `empty`: like !isTrue (structs are never empty). */
export function isEmpty(v: unknown): boolean {
  return !isTrue(v);
}

/** Deep copy of plain data (maps, slices); structs and scalars are shared. */
export function deepCopy<T>(v: T): T {
  if (Array.isArray(v)) return v.map(deepCopy) as unknown as T;
  if (isMap(v)) {
    const out: GoMap = {};
    for (const k of Object.keys(v)) setKey(out, k, deepCopy(v[k]));
    return out as T;
  }
  return v;
}
