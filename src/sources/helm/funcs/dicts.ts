// sprig's dict functions. Dicts are map[string]interface{}; merge follows mergo.
import type { FuncDef } from '../template/exec.js';
import { compareStrings, deepCopy, GoStruct, hasOwn, isEmpty, isMap, isNil, setKey, sortedKeys, type GoMap } from '../template/values.js';
import { copyValueOrigin } from '../sourcemap.js';
import { def, strval } from './convert.js';

export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (isNil(a) || isNil(b)) return isNil(a) && isNil(b);
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, k) => deepEqual(v, b[k]));
  if (isMap(a) && isMap(b)) {
    const ka = Object.keys(a);
    return ka.length === Object.keys(b).length && ka.every((k) => hasOwn(b, k) && deepEqual(a[k], b[k]));
  }
  if (a instanceof GoStruct || b instanceof GoStruct) return false;
  return typeof a === typeof b && a === b;
}

function dict(args: unknown[]): GoMap {
  const m: GoMap = {};
  for (let k = 0; k < args.length; k += 2) setKey(m, strval(args[k]), k + 1 < args.length ? args[k + 1] : '');
  return m;
}

/** mergo.Merge / mergo.Merge(WithOverride) of src into dst. */
export function mergeInto(dst: GoMap, src: GoMap, overwrite: boolean): GoMap {
  for (const k of Object.keys(src)) {
    const s = src[k];
    const has = hasOwn(dst, k);
    const d = dst[k];
    if (isMap(s) && isMap(d)) {
      mergeInto(d, s, overwrite);
      continue;
    }
    if (isNil(s)) {
      if (overwrite) setKey(dst, k, s);
      continue;
    }
    if (Array.isArray(s)) {
      if (s.length && (overwrite || !has || isEmpty(d))) setKey(dst, k, s);
      else if (!has || isNil(d)) setKey(dst, k, []);
      else continue;
      copyValueOrigin(src, dst, k);
      continue;
    }
    if (isMap(s) && has && !isEmpty(d)) continue;
    if (overwrite || !has || isEmpty(d)) {
      setKey(dst, k, s);
      copyValueOrigin(src, dst, k);
    }
  }
  return dst;
}

function mergeAll(dst: GoMap | null, srcs: (GoMap | null)[], overwrite: boolean): GoMap {
  if (!dst) throw new Error('assignment to entry in nil map');
  for (const s of srcs) if (s) mergeInto(dst, s, overwrite);
  return dst;
}

function pick(m: GoMap | null, keys: string[]): GoMap {
  const out: GoMap = {};
  if (!m) return out;
  for (const k of keys) if (hasOwn(m, k)) { setKey(out, k, m[k]); copyValueOrigin(m, out, k); }
  return out;
}

function omit(m: GoMap | null, keys: string[]): GoMap {
  const out: GoMap = {};
  if (!m) return out;
  const drop = new Set(keys);
  for (const k of Object.keys(m)) if (!drop.has(k)) { setKey(out, k, m[k]); copyValueOrigin(m, out, k); }
  return out;
}

function dig(args: unknown[]): unknown {
  if (args.length < 3) throw new Error('dig needs at least three arguments');
  const m = args[args.length - 1];
  const dflt = args[args.length - 2];
  const keys = args.slice(0, -2).map((k) => {
    if (typeof k !== 'string') throw new Error(`interface conversion: interface {} is ${typeof k}, not string`);
    return k;
  });
  if (!isMap(m) && !isNil(m)) throw new Error('interface conversion: value is not map[string]interface {}');
  let cur: unknown = m;
  for (let i = 0; i < keys.length; i++) {
    if (!isMap(cur) || !hasOwn(cur, keys[i])) return dflt;
    cur = cur[keys[i]];
    if (i < keys.length - 1 && !isMap(cur)) {
      if (isNil(cur)) return dflt;
      throw new Error(`interface conversion: interface {} is not map[string]interface {}`);
    }
  }
  return cur;
}

function needMap(m: unknown): GoMap {
  if (!isMap(m)) throw new Error('assignment to entry in nil map');
  return m;
}

export const dictFuncs: Record<string, FuncDef> = {
  dict: def([], (_c, ...a) => dict(a), 'any'),
  get: def(['map', 'string'], (_c, m, k) => (m && hasOwn(m, k) ? m[k] : '')),
  set: def(['map', 'string', 'any'], (_c, m, k, v) => { setKey(needMap(m), k, v); return m; }),
  unset: def(['map', 'string'], (_c, m, k) => { if (m) delete m[k]; return m; }),
  hasKey: def(['map', 'string'], (_c, m, k) => !!m && hasOwn(m, k)),
  pluck: def(['string'], (_c, k, ...ms) => ms.filter((m) => m && hasOwn(m, k)).map((m) => m[k]), 'map'),
  keys: def([], (_c, ...ms) => ms.flatMap((m) => (m ? sortedKeys(m) : [])), 'map'),
  values: def(['map'], (_c, m) => (m ? sortedKeys(m).map((k) => m[k]) : [])),
  pick: def(['map'], (_c, m, ...ks) => pick(m, ks), 'string'),
  omit: def(['map'], (_c, m, ...ks) => omit(m, ks), 'string'),
  merge: def(['map'], (_c, d, ...s) => mergeAll(d, s, false), 'map'),
  mergeOverwrite: def(['map'], (_c, d, ...s) => mergeAll(d, s, true), 'map'),
  mustMerge: def(['map'], (_c, d, ...s) => mergeAll(d, s, false), 'map'),
  mustMergeOverwrite: def(['map'], (_c, d, ...s) => mergeAll(d, s, true), 'map'),
  deepCopy: def(['any'], (_c, v) => deepCopy(v)),
  mustDeepCopy: def(['any'], (_c, v) => { if (isNil(v)) throw new Error('copy: cannot copy nil'); return deepCopy(v); }),
  dig: def([], (_c, ...a) => dig(a), 'any'),
  deepEqual: def(['any', 'any'], (_c, a, b) => deepEqual(a, b)),
};

export { sortedKeys, compareStrings };
