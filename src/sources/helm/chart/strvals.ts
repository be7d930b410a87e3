// Helm's --set / --set-string syntax (helm.sh/helm/v3/pkg/strvals): `a.b=c,d[0].e=f`,
// escaped dots `a\.b=x`, lists `{a,b}`, typed values (ints, bools, null) unless --set-string.
import { setKey, isMap, type GoMap } from '../template/values.js';
import { setValueOrigin, OriginFile } from '../sourcemap.js';

const MAX_INDEX = 65536;

class Reader {
  i = 0;
  constructor(readonly s: string) {}
  /** Read until one of `stops`, handling backslash escapes. Returns the text and the stop (or '' at end). */
  until(stops: string): [string, string] {
    let out = '';
    while (this.i < this.s.length) {
      const c = this.s[this.i++];
      if (c === '\\' && this.i < this.s.length) {
        out += this.s[this.i++];
        continue;
      }
      if (stops.includes(c)) return [out, c];
      out += c;
    }
    return [out, ''];
  }
  peek(): string {
    return this.s[this.i] ?? '';
  }
}

function typed(v: string, asString: boolean): unknown {
  if (asString) return v;
  const l = v.toLowerCase();
  if (l === 'true') return true;
  if (l === 'false') return false;
  if (l === 'null') return null;
  if (v === '0') return 0n;
  if (v && v[0] !== '0' && /^[+-]?\d+$/.test(v)) {
    const n = BigInt(v);
    if (n <= 9223372036854775807n && n >= -9223372036854775808n) return n;
  }
  return v;
}

interface Ctx {
  asString: boolean;
  origin: OriginFile;
}

function parseKey(r: Reader, data: GoMap, ctx: Ctx): void {
  const [key, stop] = r.until('=[,.');
  switch (stop) {
    case '':
      if (!key) return;
      throw new Error(`key "${key}" has no value`);
    case ',':
      if (!key) return;
      throw new Error(`key "${key}" has no value (cannot end with ,)`);
    case '=':
      setKey(data, key, parseValue(r, ctx));
      setValueOrigin(data, key, { file: ctx.origin, offset: 0 });
      return;
    case '.': {
      if (!key) throw new Error('key has no name');
      const inner = isMap(data[key]) ? (data[key] as GoMap) : {};
      setKey(data, key, inner);
      parseKey(r, inner, ctx);
      return;
    }
    case '[': {
      if (!key) throw new Error('key has no name');
      const existing = Array.isArray(data[key]) ? (data[key] as unknown[]) : [];
      setKey(data, key, parseListItem(r, existing, ctx));
      return;
    }
  }
}

function parseIndex(r: Reader): number {
  const [n, stop] = r.until(']');
  if (stop !== ']') throw new Error('unclosed list index');
  if (!/^\d+$/.test(n)) throw new Error(`invalid index "${n}"`);
  const i = Number(n);
  if (i > MAX_INDEX) throw new Error(`index of ${i} is greater than maximum supported index value of ${MAX_INDEX}`);
  return i;
}

function setIndex(list: unknown[], i: number, v: unknown): unknown[] {
  while (list.length <= i) list.push(null);
  list[i] = v;
  return list;
}

/** After `[`: `i]=v`, `i].k=v`, `i][j]...`. */
function parseListItem(r: Reader, list: unknown[], ctx: Ctx): unknown[] {
  const i = parseIndex(r);
  const next = r.s[r.i++] ?? '';
  switch (next) {
    case '=':
      return setIndex(list, i, parseValue(r, ctx));
    case '.': {
      const inner = isMap(list[i]) ? (list[i] as GoMap) : {};
      parseKey(r, inner, ctx);
      return setIndex(list, i, inner);
    }
    case '[': {
      const inner = Array.isArray(list[i]) ? (list[i] as unknown[]) : [];
      return setIndex(list, i, parseListItem(r, inner, ctx));
    }
    default:
      throw new Error(`parse error: unexpected "${next}" after list index`);
  }
}

function parseValue(r: Reader, ctx: Ctx): unknown {
  if (r.peek() === '{') {
    r.i++;
    const items: unknown[] = [];
    for (;;) {
      const [v, stop] = r.until(',}');
      if (stop === '') throw new Error('list must terminate with "}"');
      items.push(typed(v, ctx.asString));
      if (stop === '}') break;
    }
    const [, after] = r.until(',');
    void after;
    return items;
  }
  const [v] = r.until(',');
  return typed(v, ctx.asString);
}

/** Apply one `--set` argument to `base` (in place). */
export function applySet(base: GoMap, arg: string, asString: boolean): void {
  const r = new Reader(arg);
  const origin = new OriginFile(`${asString ? '--set-string' : '--set'} ${arg}`, '');
  while (r.i < arg.length) parseKey(r, base, { asString, origin });
}
