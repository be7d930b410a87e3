// sprig's string functions.
import type { FuncDef } from '../template/exec.js';
import { goQuote } from '../template/format.js';
import { isNil, setKey } from '../template/values.js';
import { def, strslice, strval, toInt64 } from './convert.js';

function trunc(c: bigint, s: string): string {
  const n = Number(c);
  if (n < 0 && s.length + n > 0) return s.slice(s.length + n);
  if (n >= 0 && s.length > n) return s.slice(0, n);
  return s;
}

function substr(start: bigint, end: bigint, s: string): string {
  const a = Number(start);
  const b = Number(end);
  if (a < 0) return s.slice(0, b);
  if (b < 0 || b > s.length) return s.slice(a);
  return s.slice(a, b);
}

function indent(spaces: bigint, v: string): string {
  const pad = ' '.repeat(Math.max(0, Number(spaces)));
  return pad + v.split('\n').join('\n' + pad);
}

/** strings.Title: upper-case the first letter of each word. */
function title(s: string): string {
  return s.replace(/(^|[^\p{L}\p{N}_'])(\p{L})/gu, (_m, sep: string, ch: string) => sep + ch.toUpperCase());
}

function untitle(s: string): string {
  return s.replace(/(^|\s)(\p{L})/gu, (_m, sep: string, ch: string) => sep + ch.toLowerCase());
}

function words(s: string): string[] {
  return s
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean);
}

function camelcase(s: string): string {
  return s.split(/[_]+/).filter(Boolean).map((w) => w[0].toUpperCase() + w.slice(1)).join('');
}

function snakecase(s: string): string {
  return words(s).map((w) => w.toLowerCase()).join('_');
}

function kebabcase(s: string): string {
  return words(s).map((w) => w.toLowerCase()).join('-');
}

function swapcase(s: string): string {
  return [...s].map((c) => (c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase())).join('');
}

function wrap(width: number, s: string, sep = '\n'): string {
  const out: string[] = [];
  for (const line of s.split('\n')) {
    let cur = '';
    for (const w of line.split(' ')) {
      if (cur && cur.length + 1 + w.length > width) {
        out.push(cur);
        cur = w;
      } else cur = cur ? cur + ' ' + w : w;
    }
    out.push(cur);
  }
  return out.join(sep);
}

function abbrev(width: bigint, s: string): string {
  const w = Number(width);
  if (w < 4 || s.length <= w) return s;
  return s.slice(0, w - 3) + '...';
}

function abbrevboth(left: bigint, right: bigint, s: string): string {
  const l = Number(left);
  const r = Number(right);
  if (r < 4 || (l > 0 && r < 7) || s.length <= r) return s;
  let str = s;
  let off = l;
  if (off > str.length) off = str.length;
  if (str.length - off < r - 3) off = str.length - (r - 3);
  if (off <= 4) return str.slice(0, r - 3) + '...';
  if (r < 7) return s;
  if (off + r - 3 < str.length) return '...' + abbrev(BigInt(r - 3), str.slice(off));
  return '...' + str.slice(str.length - (r - 3));
}

function initials(s: string): string {
  return s.split(/\s+/).filter(Boolean).map((w) => w[0]).join('');
}

function splitToMap(parts: string[]): Record<string, unknown> {
  const m: Record<string, unknown> = {};
  parts.forEach((p, k) => setKey(m, `_${k}`, p));
  return m;
}

/** Go's strings.SplitN. */
function splitN(s: string, sep: string, n: number): string[] {
  if (n === 0) return [];
  if (sep === '') {
    const chars = [...s];
    if (n < 0 || n >= chars.length) return chars;
    return [...chars.slice(0, n - 1), chars.slice(n - 1).join('')];
  }
  const parts = s.split(sep);
  if (n < 0 || parts.length <= n) return parts;
  return [...parts.slice(0, n - 1), parts.slice(n - 1).join(sep)];
}

function trimCutset(s: string, cutset: string, left: boolean, right: boolean): string {
  const set = new Set([...cutset]);
  const chars = [...s];
  let a = 0;
  let b = chars.length;
  if (left) while (a < b && set.has(chars[a])) a++;
  if (right) while (b > a && set.has(chars[b - 1])) b--;
  return chars.slice(a, b).join('');
}

function plural(one: string, many: string, count: bigint): string {
  return count === 1n ? one : many;
}

export const stringFuncs: Record<string, FuncDef> = {
  quote: def([], (_c, ...a) => a.filter((x) => !isNil(x)).map((x) => goQuote(strval(x))).join(' '), 'any'),
  squote: def([], (_c, ...a) => a.filter((x) => !isNil(x)).map((x) => `'${strval(x)}'`).join(' '), 'any'),
  cat: def([], (_c, ...a) => a.filter((x) => !isNil(x)).map(strval).join(' '), 'any'),
  upper: def(['string'], (_c, s) => s.toUpperCase()),
  lower: def(['string'], (_c, s) => s.toLowerCase()),
  title: def(['string'], (_c, s) => title(s)),
  untitle: def(['string'], (_c, s) => untitle(s)),
  camelcase: def(['string'], (_c, s) => camelcase(s)),
  snakecase: def(['string'], (_c, s) => snakecase(s)),
  kebabcase: def(['string'], (_c, s) => kebabcase(s)),
  swapcase: def(['string'], (_c, s) => swapcase(s)),
  trim: def(['string'], (_c, s) => s.replace(/^[\s\u0085\u00a0]+|[\s\u0085\u00a0]+$/g, '')),
  trimAll: def(['string', 'string'], (_c, cut, s) => trimCutset(s, cut, true, true)),
  trimall: def(['string', 'string'], (_c, cut, s) => trimCutset(s, cut, true, true)),
  trimSuffix: def(['string', 'string'], (_c, suf, s) => (suf && s.endsWith(suf) ? s.slice(0, s.length - suf.length) : s)),
  trimPrefix: def(['string', 'string'], (_c, pre, s) => (s.startsWith(pre) ? s.slice(pre.length) : s)),
  nospace: def(['string'], (_c, s) => s.replace(/\s+/g, '')),
  trunc: def(['int', 'string'], (_c, n, s) => trunc(n, s)),
  substr: def(['int', 'int', 'string'], (_c, a, b, s) => substr(a, b, s)),
  abbrev: def(['int', 'string'], (_c, w, s) => abbrev(w, s)),
  abbrevboth: def(['int', 'int', 'string'], (_c, l, r, s) => abbrevboth(l, r, s)),
  initials: def(['string'], (_c, s) => initials(s)),
  wrap: def(['int', 'string'], (_c, w, s) => wrap(Number(w), s)),
  wrapWith: def(['int', 'string', 'string'], (_c, w, sep, s) => wrap(Number(w), s, sep)),
  contains: def(['string', 'string'], (_c, sub, s) => s.includes(sub)),
  hasPrefix: def(['string', 'string'], (_c, pre, s) => s.startsWith(pre)),
  hasSuffix: def(['string', 'string'], (_c, suf, s) => s.endsWith(suf)),
  repeat: def(['int', 'string'], (_c, n, s) => {
    if (n < 0n) throw new Error('strings: negative Repeat count');
    return s.repeat(Number(n));
  }),
  replace: def(['string', 'string', 'string'], (_c, o, n, s) => (o === '' ? [...s].join(n).replace(/^/, n) + (s ? n : '') : s.split(o).join(n))),
  indent: def(['int', 'string'], (_c, n, s) => indent(n, s)),
  nindent: def(['int', 'string'], (_c, n, s) => '\n' + indent(n, s)),
  plural: def(['string', 'string', 'int'], (_c, one, many, n) => plural(one, many, n)),
  toString: def(['any'], (_c, v) => strval(v)),
  toStrings: def(['any'], (_c, v) => strslice(v)),
  join: def(['string', 'any'], (_c, sep, v) => strslice(v).join(sep)),
  split: def(['string', 'string'], (_c, sep, s) => splitToMap(splitN(s, sep, -1))),
  splitList: def(['string', 'string'], (_c, sep, s) => splitN(s, sep, -1)),
  splitn: def(['string', 'int', 'string'], (_c, sep, n, s) => splitToMap(splitN(s, sep, Number(n)))),
  atoi: def(['string'], (_c, s) => (/^[+-]?\d+$/.test(s.trim()) && s.trim() === s ? BigInt(s) : 0n)),
  seq: def([], (_c, ...a) => seq(a.map(toInt64)), 'any'),
};

function seq(p: bigint[]): string {
  let start = 1n;
  let step = 1n;
  let end: bigint;
  if (p.length === 1) end = p[0];
  else if (p.length === 2) [start, end] = p;
  else if (p.length === 3) [start, step, end] = p;
  else return '';
  if (p.length < 3 && end < start) step = -1n;
  if (step === 0n || (step > 0n && end < start) || (step < 0n && end > start)) return '';
  const out: string[] = [];
  for (let i = start; step > 0n ? i <= end : i >= end; i += step) out.push(i.toString());
  return out.join(' ');
}
