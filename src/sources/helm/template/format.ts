// Go's fmt formatting of template values: %v of maps, slices, floats and nil, and a
// Sprintf with the verbs and flags templates use.
import { GoStruct, isMap, isNil, sortedKeys, typeName } from './values.js';

/** strconv.FormatFloat(f, 'g', -1, 64): shortest digits, exponent form when exp < -4 || exp >= 6. */
export function formatFloatG(x: number, eprec = 6): string {
  if (Number.isNaN(x)) return 'NaN';
  if (x === Infinity) return '+Inf';
  if (x === -Infinity) return '-Inf';
  if (x === 0) return Object.is(x, -0) ? '-0' : '0';
  const [mant, expStr] = x.toExponential().split('e');
  const exp = Number(expStr);
  if (exp < -4 || exp >= eprec) return `${mant}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
  return toPlainDecimal(x);
}

/** Decimal notation without exponent (JS switches to exponents at 1e21 and 1e-7). */
function toPlainDecimal(x: number): string {
  const s = String(x);
  if (!/e/i.test(s)) return s;
  const neg = x < 0;
  const [m, e] = Math.abs(x).toExponential().split('e');
  const exp = Number(e);
  const digits = m.replace('.', '');
  let out: string;
  if (exp < 0) out = '0.' + '0'.repeat(-exp - 1) + digits;
  else out = digits.length > exp + 1 ? digits.slice(0, exp + 1) + '.' + digits.slice(exp + 1) : digits + '0'.repeat(exp + 1 - digits.length);
  return (neg ? '-' : '') + out;
}

/** %v of a float64 as fmt prints it (precision 6 decides the exponent form). */
export function formatFloatV(x: number): string {
  return formatFloatG(x, 6);
}

/** Go's %v. `top` is false inside composites, where nil prints as <nil> too. */
export function formatV(v: unknown): string {
  if (isNil(v)) return '<nil>';
  switch (typeof v) {
    case 'string': return v;
    case 'boolean': return v ? 'true' : 'false';
    case 'bigint': return v.toString();
    case 'number': return formatFloatV(v);
    case 'function': return '0x0';
  }
  if (v instanceof Uint8Array) return `[${Array.from(v).join(' ')}]`;
  if (Array.isArray(v)) return `[${v.map(formatV).join(' ')}]`;
  if (v instanceof GoStruct) {
    if (v.stringer) return v.stringer();
    return `{${Object.values(v.fields).map(formatV).join(' ')}}`;
  }
  if (isMap(v)) return `map[${sortedKeys(v).map((k) => `${k}:${formatV(v[k])}`).join(' ')}]`;
  return String(v);
}

/** strconv.Quote: Go-syntax double-quoted string. */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    switch (ch) {
      case '"': out += '\\"'; continue;
      case '\\': out += '\\\\'; continue;
      case '\n': out += '\\n'; continue;
      case '\t': out += '\\t'; continue;
      case '\r': out += '\\r'; continue;
      case '\x07': out += '\\a'; continue;
      case '\b': out += '\\b'; continue;
      case '\f': out += '\\f'; continue;
      case '\v': out += '\\v'; continue;
    }
    if (c < 0x20 || c === 0x7f) out += '\\x' + c.toString(16).padStart(2, '0');
    else if (c >= 0x80 && c < 0xa0) out += '\\u' + c.toString(16).padStart(4, '0');
    else if (c === 0xfffd && ch !== '\ufffd') out += '\\ufffd';
    else out += ch;
  }
  return out + '"';
}

interface Spec {
  minus: boolean; plus: boolean; sharp: boolean; space: boolean; zero: boolean;
  width?: number; prec?: number; verb: string;
}

function pad(s: string, sp: Spec, numeric = false): string {
  if (sp.width === undefined || s.length >= sp.width) return s;
  const n = sp.width - s.length;
  if (sp.minus) return s + ' '.repeat(n);
  if (sp.zero && numeric) {
    const sign = /^[+-]/.test(s) ? s[0] : '';
    return sign + '0'.repeat(n) + s.slice(sign.length);
  }
  return ' '.repeat(n) + s;
}

function badVerb(sp: Spec, v: unknown): string {
  if (isNil(v)) return `%!${sp.verb}(<nil>)`;
  return `%!${sp.verb}(${typeName(v)}=${formatV(v)})`;
}

function signed(s: string, sp: Spec, neg: boolean): string {
  if (neg) return '-' + s;
  if (sp.plus) return '+' + s;
  if (sp.space) return ' ' + s;
  return s;
}

function fmtInt(n: bigint, sp: Spec): string {
  const neg = n < 0n;
  const a = neg ? -n : n;
  let s: string;
  switch (sp.verb) {
    case 'd': case 'v': s = a.toString(10); break;
    case 'b': s = a.toString(2); break;
    case 'o': s = a.toString(8); if (sp.sharp) s = '0' + s; break;
    case 'O': s = '0o' + a.toString(8); break;
    case 'x': s = a.toString(16); if (sp.sharp) s = '0x' + s; break;
    case 'X': s = a.toString(16).toUpperCase(); if (sp.sharp) s = '0X' + s; break;
    case 'c': return pad(String.fromCodePoint(Number(n)), sp);
    case 'q': return pad(`'${String.fromCodePoint(Number(n))}'`, sp);
    case 'U': s = 'U+' + a.toString(16).toUpperCase().padStart(4, '0'); break;
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': return fmtFloat(Number(n), sp, n);
    default: return badVerb(sp, n);
  }
  if (sp.prec !== undefined) s = s.padStart(sp.prec, '0');
  return pad(signed(s, sp, neg), sp, sp.prec === undefined);
}

function fmtFloat(x: number, sp: Spec, orig: unknown = x): string {
  if (typeof orig === 'bigint' && !'eEfFgG'.includes(sp.verb)) return badVerb(sp, orig);
  if (typeof orig === 'bigint') return badVerb(sp, orig);
  const neg = x < 0 || Object.is(x, -0);
  const a = Math.abs(x);
  let s: string;
  if (!Number.isFinite(a)) s = Number.isNaN(a) ? 'NaN' : 'Inf';
  else switch (sp.verb) {
    case 'v': case 'g': case 'G':
      s = sp.prec === undefined ? formatFloatG(a) : precG(a, sp.prec);
      if (sp.verb === 'G') s = s.toUpperCase();
      break;
    case 'e': case 'E': s = expForm(a.toExponential(sp.prec ?? 6)); if (sp.verb === 'E') s = s.toUpperCase(); break;
    case 'f': case 'F': s = a.toFixed(sp.prec ?? 6); break;
    default: return badVerb(sp, orig);
  }
  if (Number.isNaN(x)) return pad(sp.plus ? '+NaN' : sp.space ? ' NaN' : 'NaN', sp);
  return pad(signed(s, sp, neg), sp, Number.isFinite(a));
}

function expForm(js: string): string {
  const [m, e] = js.split('e');
  const n = Number(e);
  return `${m}e${n < 0 ? '-' : '+'}${String(Math.abs(n)).padStart(2, '0')}`;
}

function precG(a: number, prec: number): string {
  const p = prec === 0 ? 1 : prec;
  const exp = a === 0 ? 0 : Math.floor(Math.log10(a));
  if (exp < -4 || exp >= p) return expForm(a.toExponential(p - 1).replace(/\.?0+e/, 'e'));
  const s = a.toPrecision(p);
  return s.includes('.') ? s.replace(/\.?0+$/, '') : s;
}

function fmtString(s: string, sp: Spec): string {
  switch (sp.verb) {
    case 'v': case 's': return pad(sp.prec !== undefined ? [...s].slice(0, sp.prec).join('') : s, sp);
    case 'q': return pad(sp.sharp && !s.includes('`') ? '`' + s + '`' : goQuote(s), sp);
    case 'x': case 'X': {
      let h = Array.from(Buffer.from(s, 'utf8')).map((b) => b.toString(16).padStart(2, '0')).join(sp.space ? ' ' : '');
      if (sp.verb === 'X') h = h.toUpperCase();
      return pad(h, sp);
    }
    default: return badVerb(sp, s);
  }
}

/** Format one argument with a verb, recursing into composites as fmt does. */
export function formatArg(v: unknown, sp: Spec): string {
  if (sp.verb === 'T') return pad(typeName(v), sp);
  if (isNil(v)) return sp.verb === 'v' ? pad('<nil>', sp) : badVerb(sp, v);
  if (typeof v === 'string') return fmtString(v, sp);
  if (typeof v === 'bigint') return fmtInt(v, sp);
  if (typeof v === 'number') return fmtFloat(v, sp);
  if (typeof v === 'boolean') return sp.verb === 'v' || sp.verb === 't' ? pad(String(v), sp) : badVerb(sp, v);
  if (v instanceof GoStruct && v.stringer && 'vsq'.includes(sp.verb)) return fmtString(v.stringer(), sp);
  if (Array.isArray(v)) return `[${v.map((e) => formatArg(e, { ...sp, width: undefined })).join(' ')}]`;
  if (isMap(v)) return `map[${sortedKeys(v).map((k) => `${formatArg(k, { ...sp, width: undefined })}:${formatArg(v[k], { ...sp, width: undefined })}`).join(' ')}]`;
  return pad(formatV(v), sp);
}

/** Go's fmt.Sprintf. */
export function sprintf(format: string, args: unknown[]): string {
  let out = '';
  let argi = 0;
  let i = 0;
  const n = format.length;
  while (i < n) {
    const pct = format.indexOf('%', i);
    if (pct < 0) { out += format.slice(i); break; }
    out += format.slice(i, pct);
    i = pct + 1;
    if (i >= n) { out += '%!(NOVERB)'; break; }
    const sp: Spec = { minus: false, plus: false, sharp: false, space: false, zero: false, verb: '' };
    for (; i < n; i++) {
      const c = format[i];
      if (c === '-') { sp.minus = true; sp.zero = false; } else if (c === '+') sp.plus = true;
      else if (c === '#') sp.sharp = true;
      else if (c === ' ') sp.space = true;
      else if (c === '0') sp.zero = !sp.minus;
      else break;
    }
    if (format[i] === '*') {
      const w = args[argi++];
      sp.width = typeof w === 'bigint' ? Number(w) : undefined;
      if (sp.width !== undefined && sp.width < 0) { sp.minus = true; sp.width = -sp.width; }
      i++;
    } else {
      let w = '';
      while (i < n && format[i] >= '0' && format[i] <= '9') w += format[i++];
      if (w) sp.width = Number(w);
    }
    if (format[i] === '.') {
      i++;
      if (format[i] === '*') {
        const p = args[argi++];
        sp.prec = typeof p === 'bigint' ? Number(p) : 0;
        i++;
      } else {
        let p = '';
        while (i < n && format[i] >= '0' && format[i] <= '9') p += format[i++];
        sp.prec = p ? Number(p) : 0;
      }
    }
    if (i >= n) { out += '%!(NOVERB)'; break; }
    const verb = String.fromCodePoint(format.codePointAt(i)!);
    i += verb.length;
    if (verb === '%') { out += '%'; continue; }
    sp.verb = verb;
    if (argi >= args.length) { out += `%!${verb}(MISSING)`; continue; }
    out += formatArg(args[argi++], sp);
  }
  if (argi < args.length) {
    out += '%!(EXTRA ' + args.slice(argi).map((a) => (isNil(a) ? '<nil>' : `${typeName(a)}=${formatV(a)}`)).join(', ') + ')';
  }
  return out;
}

/** fmt.Sprint: spaces between operands when neither side is a string. */
export function sprint(args: unknown[]): string {
  let out = '';
  for (let k = 0; k < args.length; k++) {
    const isStr = typeof args[k] === 'string';
    if (k > 0 && !isStr && typeof args[k - 1] !== 'string') out += ' ';
    out += formatV(args[k]);
  }
  return out;
}

/** fmt.Sprintln: always spaces, and a newline. */
export function sprintln(args: unknown[]): string {
  return args.map(formatV).join(' ') + '\n';
}
