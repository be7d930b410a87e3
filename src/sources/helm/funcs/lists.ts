// sprig's list functions. Lists are []interface{}; functions that return lists copy.
import type { FuncDef } from '../template/exec.js';
import { compareStrings, isEmpty, isNil, typeName } from '../template/values.js';
import { asList, def, strslice, toInt64 } from './convert.js';
import { deepEqual } from './dicts.js';

function nonNilList(v: unknown, op: string): unknown[] {
  if (isNil(v)) throw new Error(`Cannot ${op} on type ${typeName(v)}`);
  return asList(v, op);
}

function listOrNil(v: unknown, op: string): unknown[] | null {
  return isNil(v) ? null : asList(v, op);
}

function until(n: bigint): bigint[] {
  return untilStep(0n, n, n < 0n ? -1n : 1n);
}

function untilStep(start: bigint, stop: bigint, step: bigint): bigint[] {
  const out: bigint[] = [];
  if (step === 0n) return out;
  if (step > 0n) for (let i = start; i < stop; i += step) out.push(i);
  else for (let i = start; i > stop; i += step) out.push(i);
  return out;
}

function uniq(l: unknown[]): unknown[] {
  const out: unknown[] = [];
  for (const v of l) if (!out.some((o) => deepEqual(o, v))) out.push(v);
  return out;
}

function sliceList(list: unknown, idx: unknown[]): unknown[] {
  if (!Array.isArray(list)) throw new Error(`list should be type of slice or array but ${isNil(list) ? 'invalid' : typeof list === 'string' ? 'string' : typeName(list)}`);
  const n = list.length;
  if (!idx.length) return list.slice();
  const a = Number(toInt64(idx[0]));
  const b = idx.length > 1 ? Number(toInt64(idx[1])) : n;
  if (a < 0 || b > n || a > b) throw new Error(`runtime error: slice bounds out of range [${a}:${b}] with capacity ${n}`);
  return list.slice(a, b);
}

function chunk(size: bigint, list: unknown): unknown[][] {
  const l = nonNilList(list, 'chunk');
  const n = Number(size);
  const out: unknown[][] = [];
  for (let i = 0; i < l.length; i += n) out.push(l.slice(i, i + n));
  return out;
}

export const listFuncs: Record<string, FuncDef> = {
  list: def([], (_c, ...a) => a, 'any'),
  tuple: def([], (_c, ...a) => a, 'any'),
  first: def(['any'], (_c, l) => { const v = listOrNil(l, 'find first'); return v?.length ? v[0] : null; }),
  last: def(['any'], (_c, l) => { const v = listOrNil(l, 'find last'); return v?.length ? v[v.length - 1] : null; }),
  rest: def(['any'], (_c, l) => { const v = listOrNil(l, 'find rest'); return v?.length ? v.slice(1) : null; }),
  initial: def(['any'], (_c, l) => { const v = listOrNil(l, 'find initial'); return v?.length ? v.slice(0, -1) : null; }),
  append: def(['any', 'any'], (_c, l, v) => [...nonNilList(l, 'append'), v]),
  push: def(['any', 'any'], (_c, l, v) => [...nonNilList(l, 'push'), v]),
  prepend: def(['any', 'any'], (_c, l, v) => [v, ...nonNilList(l, 'prepend')]),
  concat: def([], (_c, ...ls) => ls.flatMap((l) => (isNil(l) ? [] : asList(l, 'concat'))), 'any'),
  reverse: def(['any'], (_c, l) => nonNilList(l, 'reverse').slice().reverse()),
  uniq: def(['any'], (_c, l) => uniq(nonNilList(l, 'uniq'))),
  without: def(['any'], (_c, l, ...omit) => nonNilList(l, 'without').filter((v) => !omit.some((o) => deepEqual(o, v))), 'any'),
  has: def(['any', 'any'], (_c, needle, hay) => (isNil(hay) ? false : asList(hay, 'has').some((v) => deepEqual(v, needle)))),
  compact: def(['any'], (_c, l) => nonNilList(l, 'compact').filter((v) => !isEmpty(v))),
  slice: def(['any'], (_c, l, ...ix) => sliceList(l, ix), 'any'),
  sortAlpha: def(['any'], (_c, l) => strslice(l).sort(compareStrings)),
  until: def(['int'], (_c, n) => until(n)),
  untilStep: def(['int', 'int', 'int'], (_c, a, b, s) => untilStep(a, b, s)),
  chunk: def(['int', 'any'], (_c, n, l) => chunk(n, l)),
};
