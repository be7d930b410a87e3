// Conversions sprig applies to interface{} arguments (spf13/cast semantics), and the
// small helpers every function group shares.
import type { CallContext, FuncDef, ParamType } from '../template/exec.js';
import { formatV } from '../template/format.js';
import { GoStruct, isMap, isNil, typeName } from '../template/values.js';

export type Fn = (ctx: CallContext, ...args: any[]) => unknown;

/** Declare a function: fixed parameter types, optional variadic type. */
export function def(params: ParamType[], fn: Fn, variadic?: ParamType): FuncDef {
  return { params, fn, variadic };
}

/** sprig's strval: strings as they are, everything else with %v. */
export function strval(v: unknown): string {
  if (typeof v === 'string') return v;
  if (v instanceof Uint8Array) return Buffer.from(v).toString('utf8');
  if (v instanceof GoStruct && v.stringer) return v.stringer();
  return formatV(v);
}

/** cast.ToInt64: numbers truncate, strings parse (base prefixes allowed), anything else is 0. */
export function toInt64(v: unknown): bigint {
  if (typeof v === 'bigint') return v;
  if (typeof v === 'number') return Number.isFinite(v) ? BigInt(Math.trunc(v)) : 0n;
  if (typeof v === 'boolean') return v ? 1n : 0n;
  if (typeof v === 'string') {
    let s = v.trim();
    if (/^[+-]?\d+\.0*$/.test(s)) s = s.replace(/\.0*$/, '');
    const neg = s.startsWith('-');
    const body = s.replace(/^[+-]/, '').replace(/_/g, '');
    try {
      let n: bigint;
      if (/^0[xX][0-9a-fA-F]+$/.test(body) || /^0[bB][01]+$/.test(body) || /^0[oO][0-7]+$/.test(body)) n = BigInt(body.toLowerCase());
      else if (/^0[0-7]+$/.test(body)) n = BigInt('0o' + body.slice(1));
      else if (/^\d+$/.test(body)) n = BigInt(body);
      else return 0n;
      return neg ? -n : n;
    } catch {
      return 0n;
    }
  }
  return 0n;
}

/** cast.ToFloat64. */
export function toFloat64(v: unknown): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'string') {
    const s = v.trim();
    if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(s)) return Number(s);
    if (/^[+-]?(inf|infinity)$/i.test(s)) return s.startsWith('-') ? -Infinity : Infinity;
    return 0;
  }
  return 0;
}

/** sprig's strslice: a list of strings from a slice (nil elements dropped) or a single value. */
export function strslice(v: unknown): string[] {
  if (Array.isArray(v)) return v.filter((e) => !isNil(e)).map(strval);
  if (isNil(v)) return [];
  return [strval(v)];
}

/** A slice argument; anything else is Go's "Cannot <op> on type X". */
export function asList(v: unknown, op: string): unknown[] {
  if (Array.isArray(v)) return v;
  if (v instanceof Uint8Array) return Array.from(v, (b) => BigInt(b));
  throw new Error(`Cannot ${op} on type ${typeName(v)}`);
}

export function asListOrNil(v: unknown, op: string): unknown[] | null {
  if (isNil(v)) return null;
  return asList(v, op);
}

export function isMapValue(v: unknown): v is Record<string, unknown> {
  return isMap(v);
}

/** Number of bytes of a string in UTF-8 (Go's len). */
export function byteLen(s: string): number {
  return Buffer.byteLength(s, 'utf8');
}
