// toYaml as Helm produces it: sigs.k8s.io/yaml (JSON round trip, so map keys are sorted and
// integral floats become ints) emitted in go-yaml v2's block style. Each emitted line can
// carry the origin of the values entry it came from.
import type { LineCandidate, Origin } from '../sourcemap.js';
import { formatFloatG } from '../template/format.js';
import { GoStruct, isMap, isNil, sortedKeys } from '../template/values.js';

type OriginOf = (container: object, key: string | number) => Origin | undefined;

const BOOL_LIKE = new Set(['y', 'Y', 'yes', 'Yes', 'YES', 'n', 'N', 'no', 'No', 'NO', 'true', 'True', 'TRUE', 'false', 'False', 'FALSE', 'on', 'On', 'ON', 'off', 'Off', 'OFF']);
const NULL_LIKE = new Set(['', '~', 'null', 'Null', 'NULL']);
const FLOAT_SPECIAL = new Set(['.inf', '.Inf', '.INF', '+.inf', '+.Inf', '+.INF', '-.inf', '-.Inf', '-.INF', '.nan', '.NaN', '.NAN']);

/** Would go-yaml v2 read this plain scalar as something other than a string? */
export function resolvesToNonString(s: string): boolean {
  if (NULL_LIKE.has(s) || BOOL_LIKE.has(s) || FLOAT_SPECIAL.has(s) || s === '<<') return true;
  const c = s[0];
  if (!('+-.0123456789'.includes(c))) return false;
  const plain = s.replace(/_/g, '');
  if (/^[+-]?(0[xX][0-9a-fA-F]+|0[bB][01]+|0[oO]?[0-7]+|\d+)$/.test(plain)) return true;
  if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(plain)) return true;
  if (/^[+-]?(inf|infinity|nan)$/i.test(plain)) return true;
  if (/^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/.test(s)) return true;
  if (/^\d{4}-\d\d?-\d\d?([Tt ]|$)/.test(s)) return true;
  return false;
}

function isPrintable(c: number): boolean {
  return c === 0x09 || c === 0x0a || (c >= 0x20 && c <= 0x7e) || c === 0x85 || (c >= 0xa0 && c <= 0xd7ff) || (c >= 0xe000 && c <= 0xfffd && c !== 0xfeff) || c >= 0x10000;
}

function hasSpecial(s: string): boolean {
  for (const ch of s) if (!isPrintable(ch.codePointAt(0)!)) return true;
  return false;
}

/** Can the string be written plain in block context (libyaml's analysis, simplified)? */
function plainAllowed(s: string): boolean {
  if (s !== s.trim() || /^[\s]/.test(s)) return false;
  const first = s[0];
  if ('#,[]{}&*!|>\'"%@`'.includes(first)) return false;
  if ('-?:'.includes(first) && (s.length === 1 || s[1] === ' ' || s[1] === '\t')) return false;
  if (s.includes(': ') || s.includes(' #') || s.endsWith(':') || s.includes(':\t') || s.includes('\t#')) return false;
  return true;
}

function doubleQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    switch (ch) {
      case '"': out += '\\"'; continue;
      case '\\': out += '\\\\'; continue;
      case '\n': out += '\\n'; continue;
      case '\t': out += '\\t'; continue;
      case '\r': out += '\\r'; continue;
      case '\0': out += '\\0'; continue;
    }
    if (isPrintable(c)) out += ch;
    else if (c <= 0xff) out += '\\x' + c.toString(16).toUpperCase().padStart(2, '0');
    else if (c <= 0xffff) out += '\\u' + c.toString(16).toUpperCase().padStart(4, '0');
    else out += '\\U' + c.toString(16).toUpperCase().padStart(8, '0');
  }
  return out + '"';
}

/** The scalar form of a string, or undefined when it must be a literal block. */
function inlineString(s: string): string | undefined {
  if (s.includes('\n')) {
    // Literal blocks cannot hold trailing spaces on a line or special characters.
    if (/[ \t]\n/.test(s) || /[ \t]$/.test(s) || hasSpecial(s)) return doubleQuote(s);
    return undefined;
  }
  if (hasSpecial(s)) return doubleQuote(s);
  if (resolvesToNonString(s)) return doubleQuote(s);
  if (plainAllowed(s)) return s;
  return `'${s.replace(/'/g, "''")}'`;
}

function literalBlock(s: string, indent: string): string[] {
  let chomp = '-';
  let body = s;
  if (s.endsWith('\n')) {
    const trailing = s.length - s.replace(/\n+$/, '').length;
    chomp = trailing > 1 ? '+' : '';
    body = trailing > 1 ? s.slice(0, -1) : s.slice(0, -1);
  }
  const indicator = /^[ \n]/.test(s) ? '2' : '';
  const lines = body.split('\n').map((l) => (l ? indent + '  ' + l : ''));
  return ['|' + indicator + chomp, ...lines];
}

function scalarText(v: unknown): string | undefined {
  if (isNil(v)) return 'null';
  switch (typeof v) {
    case 'boolean': return v ? 'true' : 'false';
    case 'bigint': return v.toString();
    case 'number':
      if (!Number.isFinite(v)) throw new Error(`json: unsupported value: ${v}`);
      return Number.isInteger(v) && Math.abs(v) < 1e21 ? BigInt(v).toString() : formatFloatG(v);
    case 'string': return inlineString(v);
  }
  return undefined;
}

/** Normalise a value the way the JSON round trip does. */
function normalise(v: unknown): unknown {
  if (v instanceof Uint8Array) return Buffer.from(v).toString('base64');
  if (v instanceof GoStruct) {
    const out: Record<string, unknown> = {};
    for (const [k, f] of Object.entries(v.fields)) if (!isNil(f) && f !== '' && !(Array.isArray(f) && !f.length)) out[k[0].toLowerCase() + k.slice(1)] = f;
    return out;
  }
  if (typeof v === 'function') throw new Error('json: unsupported type: func');
  return v;
}

interface Out {
  lines: string[];
  origins: (Origin | undefined)[];
}

function push(out: Out, line: string, origin: Origin | undefined): void {
  out.lines.push(line);
  out.origins.push(origin);
}

function emitValue(out: Out, prefix: string, value: unknown, indent: string, origin: Origin | undefined, originOf: OriginOf, inSeq: boolean): void {
  const v = normalise(value);
  if (typeof v === 'string' && v.includes('\n') && inlineString(v) === undefined) {
    const block = literalBlock(v, indent);
    push(out, prefix + block[0], origin);
    for (const l of block.slice(1)) push(out, l, origin);
    return;
  }
  const sc = scalarText(v);
  if (sc !== undefined) return push(out, prefix + sc, origin);
  if (Array.isArray(v)) {
    if (!v.length) return push(out, prefix + '[]', origin);
    if (prefix.trim()) push(out, prefix.trimEnd(), origin);
    // go-yaml v2 does not indent a sequence under a mapping key.
    const itemIndent = indent;
    v.forEach((item, k) => {
      const o = originOf(v, k) ?? origin;
      emitItem(out, itemIndent, item, o, originOf, v, k, prefix.trim() ? undefined : prefix);
      prefix = '';
    });
    return;
  }
  if (isMap(v)) {
    const keys = sortedKeys(v);
    if (!keys.length) return push(out, prefix + '{}', origin);
    let first = true;
    if (prefix.trim() && !inSeq) push(out, prefix.trimEnd(), origin);
    for (const k of keys) {
      const ko = originOf(v, k) ?? origin;
      const head = (first && inSeq ? prefix : indent) + keyText(k) + ':';
      first = false;
      emitEntry(out, head, v[k], indent, ko, originOf);
    }
    return;
  }
  throw new Error(`json: unsupported value of type ${typeof v}`);
}

function keyText(k: string): string {
  const s = inlineString(k);
  return s === undefined ? doubleQuote(k) : s;
}

function emitEntry(out: Out, head: string, value: unknown, indent: string, origin: Origin | undefined, originOf: OriginOf): void {
  const v = normalise(value);
  if (Array.isArray(v) && v.length) {
    push(out, head, origin);
    v.forEach((item, k) => emitItem(out, indent, item, originOf(v, k) ?? origin, originOf, v, k));
    return;
  }
  if (isMap(v) && Object.keys(v).length) {
    push(out, head, origin);
    emitValue(out, '', v, indent + '  ', origin, originOf, false);
    return;
  }
  emitValue(out, head + ' ', v, indent, origin, originOf, false);
}

function emitItem(out: Out, indent: string, item: unknown, origin: Origin | undefined, originOf: OriginOf, _list: unknown[], _k: number, firstPrefix?: string): void {
  const v = normalise(item);
  const dash = (firstPrefix ?? indent) + '- ';
  if (isMap(v) && Object.keys(v).length) {
    emitValue(out, dash, v, indent + '  ', origin, originOf, true);
    return;
  }
  if (Array.isArray(v) && v.length) {
    // Nested sequences: `- - a` with the inner items aligned under the first.
    const inner: Out = { lines: [], origins: [] };
    v.forEach((e, j) => emitItem(inner, indent + '  ', e, originOf(v, j) ?? origin, originOf, v, j));
    inner.lines[0] = dash + inner.lines[0].slice(indent.length + 2);
    out.lines.push(...inner.lines);
    out.origins.push(...inner.origins);
    return;
  }
  emitValue(out, dash, v, indent + '  ', origin, originOf, true);
}

export interface YamlText {
  text: string;
  lines: LineCandidate[];
}

/** Helm's toYaml (without the trailing newline, which Helm trims). */
export function toYamlText(value: unknown, originOf: OriginOf = () => undefined): YamlText {
  const out: Out = { lines: [], origins: [] };
  emitValue(out, '', value, '', undefined, originOf, false);
  const lines: LineCandidate[] = [];
  out.lines.forEach((l, k) => {
    const o = out.origins[k];
    if (o && l.trim()) lines.push({ text: l.trim(), origin: o });
  });
  return { text: out.lines.join('\n'), lines };
}
