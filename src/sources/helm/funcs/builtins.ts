// Go text/template's builtin functions.
import type { FuncDef } from '../template/exec.js';
import { sprint, sprintf, sprintln } from '../template/format.js';
import { GoStruct, isMap, isNil, isTrue, typeName } from '../template/values.js';
import { byteLen, def } from './convert.js';

type Kind = 'bool' | 'int' | 'float' | 'string' | 'nil' | 'other';

function basicKind(v: unknown): Kind {
  if (isNil(v)) return 'nil';
  switch (typeof v) {
    case 'boolean': return 'bool';
    case 'bigint': return 'int';
    case 'number': return 'float';
    case 'string': return 'string';
  }
  return 'other';
}

/** Go's eq: basic kinds must match (ints of any size compare); nil compares with anything. */
export function goEq(a: unknown, b: unknown): boolean {
  const ka = basicKind(a);
  const kb = basicKind(b);
  if (ka !== kb) {
    if (ka !== 'nil' && kb !== 'nil') throw new Error('incompatible types for comparison');
    return false;
  }
  if (ka === 'other') {
    if (Array.isArray(a) || isMap(a) || Array.isArray(b) || isMap(b)) throw new Error(`non-comparable type ${typeName(a)}`);
    return a === b;
  }
  return a === b || (ka === 'nil');
}

function goLess(a: unknown, b: unknown): boolean {
  const ka = basicKind(a);
  const kb = basicKind(b);
  if (ka === 'bool' || ka === 'nil' || ka === 'other' || kb === 'bool' || kb === 'nil' || kb === 'other') throw new Error('invalid type for comparison');
  if (ka !== kb) throw new Error('incompatible types for comparison');
  return (a as any) < (b as any);
}

function index(item: unknown, ...indexes: unknown[]): unknown {
  let v = item;
  if (isNil(v)) throw new Error('index of untyped nil');
  for (const ix of indexes) {
    if (isNil(v)) throw new Error('index of nil pointer');
    if (Array.isArray(v) || typeof v === 'string' || v instanceof Uint8Array) {
      if (typeof ix !== 'bigint') throw new Error(`cannot index slice/array with type ${typeName(ix)}`);
      const len = typeof v === 'string' ? byteLen(v) : v.length;
      if (ix < 0n || ix >= BigInt(len)) throw new Error(`index out of range: ${ix}`);
      if (typeof v === 'string') v = BigInt(Buffer.from(v, 'utf8')[Number(ix)]);
      else if (v instanceof Uint8Array) v = BigInt(v[Number(ix)]);
      else v = v[Number(ix)];
    } else if (isMap(v)) {
      if (isNil(ix)) throw new Error('value is nil; should be of type string');
      if (typeof ix !== 'string') throw new Error(`value has type ${typeName(ix)}; should be string`);
      v = Object.prototype.hasOwnProperty.call(v, ix) ? v[ix] : undefined;
    } else {
      throw new Error(`can't index item of type ${typeName(v)}`);
    }
  }
  return v;
}

function goSlice(item: unknown, ...idx: unknown[]): unknown {
  if (isNil(item)) throw new Error('slice of untyped nil');
  if (idx.length > 3) throw new Error(`too many slice indexes: ${idx.length}`);
  const n = idx.map((i) => {
    if (typeof i !== 'bigint') throw new Error(`cannot index slice/array with type ${typeName(i)}`);
    return Number(i);
  });
  if (typeof item === 'string') {
    if (idx.length === 3) throw new Error('cannot 3-index slice a string');
    const b = Buffer.from(item, 'utf8');
    const [i = 0, j = b.length] = n;
    if (i < 0 || j < i || j > b.length) throw new Error(`index out of range: ${j > b.length ? j : i}`);
    return b.subarray(i, j).toString('utf8');
  }
  if (Array.isArray(item)) {
    const [i = 0, j = item.length] = n;
    if (i < 0 || j < i || j > item.length) throw new Error(`index out of range: ${j > item.length ? j : i}`);
    return item.slice(i, j);
  }
  throw new Error(`can't slice item of type ${typeName(item)}`);
}

function len(v: unknown): bigint {
  if (typeof v === 'string') return BigInt(byteLen(v));
  if (Array.isArray(v) || v instanceof Uint8Array) return BigInt(v.length);
  if (isMap(v)) return BigInt(Object.keys(v).length);
  if (isNil(v)) throw new Error('len of nil pointer');
  throw new Error(`len of type ${typeName(v)}`);
}

function htmlEscape(s: string): string {
  return s.replace(/[\0"'&<>]/g, (c) => ({ '\0': '\uFFFD', '"': '&#34;', "'": '&#39;', '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c]!);
}

function jsEscape(s: string): string {
  let out = '';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    switch (ch) {
      case '\\': out += '\\\\'; continue;
      case "'": out += "\\'"; continue;
      case '"': out += '\\"'; continue;
      case '<': out += '\\u003C'; continue;
      case '>': out += '\\u003E'; continue;
      case '&': out += '\\u0026'; continue;
      case '=': out += '\\u003D'; continue;
      case '\n': out += '\\n'; continue;
      case '\r': out += '\\r'; continue;
      case '\t': out += '\\t'; continue;
    }
    if (c < 0x20) out += '\\u' + c.toString(16).toUpperCase().padStart(4, '0');
    else out += ch;
  }
  return out;
}

/** url.QueryEscape. */
export function queryEscape(s: string): string {
  return encodeURIComponent(s).replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase()).replace(/%20/g, '+').replace(/~/g, '%7E');
}

/** Arguments of html/js/urlquery are joined the way fmt.Sprint joins them. */
function evalArgs(args: unknown[]): string {
  if (args.length === 1 && typeof args[0] === 'string') return args[0];
  return sprint(args);
}

export const builtins: Record<string, FuncDef> = {
  and: { params: ['any'], variadic: 'any', lazy: true, fn: (_c, ...thunks: (() => unknown)[]) => {
    let v: unknown;
    for (const t of thunks) { v = t(); if (!isTrue(v)) return v; }
    return v;
  } },
  or: { params: ['any'], variadic: 'any', lazy: true, fn: (_c, ...thunks: (() => unknown)[]) => {
    let v: unknown;
    for (const t of thunks) { v = t(); if (isTrue(v)) return v; }
    return v;
  } },
  not: def(['any'], (_c, v) => !isTrue(v)),
  len: def(['any'], (_c, v) => len(v)),
  index: def(['any'], (_c, item, ...ix) => index(item, ...ix), 'any'),
  slice: def(['any'], (_c, item, ...ix) => goSlice(item, ...ix), 'any'),
  print: def([], (_c, ...a) => sprint(a), 'any'),
  printf: def(['string'], (_c, f, ...a) => sprintf(f, a), 'any'),
  println: def([], (_c, ...a) => sprintln(a), 'any'),
  eq: def(['any'], (_c, a, ...bs) => {
    if (!bs.length) throw new Error('missing argument for comparison');
    return bs.some((b) => goEq(a, b));
  }, 'any'),
  ne: def(['any', 'any'], (_c, a, b) => !goEq(a, b)),
  lt: def(['any', 'any'], (_c, a, b) => goLess(a, b)),
  le: def(['any', 'any'], (_c, a, b) => goLess(a, b) || goEq(a, b)),
  gt: def(['any', 'any'], (_c, a, b) => !goLess(a, b) && !goEq(a, b)),
  ge: def(['any', 'any'], (_c, a, b) => !goLess(a, b)),
  html: def([], (_c, ...a) => htmlEscape(evalArgs(a)), 'any'),
  js: def([], (_c, ...a) => jsEscape(evalArgs(a)), 'any'),
  urlquery: def([], (_c, ...a) => queryEscape(evalArgs(a)), 'any'),
  call: def(['any'], (_c, f) => {
    if (f instanceof GoStruct || typeof f !== 'function') throw new Error(`non-function of type ${typeName(f)}`);
    return undefined;
  }, 'any'),
};
