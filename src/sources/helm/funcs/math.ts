// sprig's integer and float math. Float functions use decimal arithmetic like sprig
// (shopspring/decimal), so `mulf 1.1 3` is 3.3, not 3.3000000000000003.
import type { FuncDef } from '../template/exec.js';
import { isNil } from '../template/values.js';
import { formatV } from '../template/format.js';
import { def, toFloat64, toInt64 } from './convert.js';

interface Dec { m: bigint; e: number } // value = m * 10^-e

function toDec(x: number): Dec {
  if (!Number.isFinite(x)) throw new Error(`cannot convert ${x} to decimal`);
  const s = String(x);
  const [mant, expPart] = s.split('e');
  const exp = expPart ? Number(expPart) : 0;
  const [ip, fp = ''] = mant.split('.');
  let m = BigInt(ip + fp);
  let e = fp.length - exp;
  if (e < 0) { m *= 10n ** BigInt(-e); e = 0; }
  return { m, e };
}

function decToNumber(d: Dec): number {
  const neg = d.m < 0n;
  let s = (neg ? -d.m : d.m).toString();
  if (d.e > 0) {
    s = s.padStart(d.e + 1, '0');
    s = s.slice(0, s.length - d.e) + '.' + s.slice(s.length - d.e);
  }
  return Number((neg ? '-' : '') + s);
}

function align(a: Dec, b: Dec): [bigint, bigint, number] {
  const e = Math.max(a.e, b.e);
  return [a.m * 10n ** BigInt(e - a.e), b.m * 10n ** BigInt(e - b.e), e];
}

function decOp(op: '+' | '-' | '*' | '/', xs: unknown[]): number {
  let acc = toDec(toFloat64(xs[0]));
  for (const x of xs.slice(1)) {
    const b = toDec(toFloat64(x));
    if (op === '*') acc = { m: acc.m * b.m, e: acc.e + b.e };
    else if (op === '/') {
      if (b.m === 0n) throw new Error('decimal division by 0');
      const prec = 16;
      const [am, bm] = align(acc, b);
      acc = { m: (am * 10n ** BigInt(prec)) / bm, e: prec };
    } else {
      const [am, bm, e] = align(acc, b);
      acc = { m: op === '+' ? am + bm : am - bm, e };
    }
  }
  return decToNumber(acc);
}

function intDiv(a: bigint, b: bigint): bigint {
  if (b === 0n) throw new Error('runtime error: integer divide by zero');
  return a / b;
}

function round(v: unknown, p: unknown, r?: unknown): number {
  const val = toFloat64(v);
  const places = Number(toInt64(p));
  const rOpt = isNil(r) ? 0.5 : toFloat64(r);
  const pow = 10 ** places;
  const intermed = val * pow;
  let ip = Math.trunc(intermed);
  const frac = intermed - ip;
  if (Math.abs(frac) >= rOpt) ip += Math.sign(intermed) || 1;
  return ip / pow;
}

export const mathFuncs: Record<string, FuncDef> = {
  add: def([], (_c, ...a) => a.reduce((s: bigint, x) => s + toInt64(x), 0n), 'any'),
  add1: def(['any'], (_c, a) => toInt64(a) + 1n),
  sub: def(['any', 'any'], (_c, a, b) => toInt64(a) - toInt64(b)),
  div: def(['any', 'any'], (_c, a, b) => intDiv(toInt64(a), toInt64(b))),
  mod: def(['any', 'any'], (_c, a, b) => { const d = toInt64(b); if (d === 0n) throw new Error('runtime error: integer divide by zero'); return toInt64(a) % d; }),
  mul: def(['any'], (_c, a, ...r) => r.reduce((p: bigint, x) => p * toInt64(x), toInt64(a)), 'any'),
  max: def(['any'], (_c, a, ...r) => r.reduce((m: bigint, x) => { const v = toInt64(x); return v > m ? v : m; }, toInt64(a)), 'any'),
  min: def(['any'], (_c, a, ...r) => r.reduce((m: bigint, x) => { const v = toInt64(x); return v < m ? v : m; }, toInt64(a)), 'any'),
  biggest: def(['any'], (_c, a, ...r) => r.reduce((m: bigint, x) => { const v = toInt64(x); return v > m ? v : m; }, toInt64(a)), 'any'),
  addf: def([], (_c, ...a) => (a.length ? decOp('+', a) : 0), 'any'),
  add1f: def(['any'], (_c, a) => decOp('+', [a, 1])),
  subf: def(['any'], (_c, a, ...r) => decOp('-', [a, ...r]), 'any'),
  mulf: def(['any'], (_c, a, ...r) => decOp('*', [a, ...r]), 'any'),
  divf: def(['any'], (_c, a, ...r) => decOp('/', [a, ...r]), 'any'),
  maxf: def(['any'], (_c, a, ...r) => Math.max(toFloat64(a), ...r.map(toFloat64)), 'any'),
  minf: def(['any'], (_c, a, ...r) => Math.min(toFloat64(a), ...r.map(toFloat64)), 'any'),
  floor: def(['any'], (_c, a) => Math.floor(toFloat64(a))),
  ceil: def(['any'], (_c, a) => Math.ceil(toFloat64(a))),
  round: def(['any', 'int'], (_c, a, p, ...r) => round(a, p, r[0]), 'any'),
  int: def(['any'], (_c, a) => toInt64(a)),
  int64: def(['any'], (_c, a) => toInt64(a)),
  float64: def(['any'], (_c, a) => toFloat64(a)),
  // Parses the value's text as an octal number (a file mode such as "0755").
  toDecimal: def(['any'], (_c, a) => {
    const s = formatV(a);
    if (!/^[+-]?[0-7]+$/.test(s)) return 0n;
    const n = BigInt('0o' + s.replace(/^[+-]/, ''));
    return s.startsWith('-') ? -n : n;
  }),
};
