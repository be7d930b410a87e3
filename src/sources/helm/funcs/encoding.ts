// Encodings and serialisations: base64/32, hashes, JSON, YAML and TOML, as Helm and sprig do them.
import { createHash } from 'node:crypto';
import type { FuncDef } from '../template/exec.js';
import { GoStruct, isMap, isNil, setKey, sortedKeys, type GoMap } from '../template/values.js';
import { decodeYaml } from '../chart/yamlvalues.js';
import { def, strval } from './convert.js';
import { toYamlText } from './yamlout.js';
import { toToml } from './toml.js';

/** Go's encoding/json string escaping (HTML-safe unless raw). */
function jsonString(s: string, html: boolean): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (c < 0x20) out += '\\u' + c.toString(16).padStart(4, '0');
    else if (html && (ch === '<' || ch === '>' || ch === '&')) out += '\\u' + c.toString(16).padStart(4, '0');
    else if (c === 0x2028 || c === 0x2029) out += '\\u' + c.toString(16);
    else out += ch;
  }
  return out + '"';
}

/** encoding/json Marshal / MarshalIndent. */
export function toJsonText(v: unknown, opts: { indent?: string; html?: boolean } = {}): string {
  const html = opts.html ?? true;
  const ind = opts.indent;
  const enc = (x: unknown, depth: number): string => {
    if (isNil(x)) return 'null';
    switch (typeof x) {
      case 'boolean': return String(x);
      case 'bigint': return x.toString();
      case 'number':
        if (!Number.isFinite(x)) throw new Error(`json: unsupported value: ${x}`);
        return JSON.stringify(x);
      case 'string': return jsonString(x, html);
      case 'function': throw new Error('json: unsupported type: func(...interface {}) interface {}');
    }
    if (x instanceof Uint8Array) return jsonString(Buffer.from(x).toString('base64'), html);
    const nl = ind === undefined ? '' : '\n' + ind.repeat(depth + 1);
    const end = ind === undefined ? '' : '\n' + ind.repeat(depth);
    const colon = ind === undefined ? ':' : ': ';
    if (Array.isArray(x)) {
      if (!x.length) return '[]';
      return '[' + x.map((e) => nl + enc(e, depth + 1)).join(',') + end + ']';
    }
    let m: GoMap;
    if (x instanceof GoStruct) {
      m = {};
      for (const [k, f] of Object.entries(x.fields)) setKey(m, k[0].toLowerCase() + k.slice(1), f);
    } else m = x as GoMap;
    const keys = sortedKeys(m);
    if (!keys.length) return '{}';
    return '{' + keys.map((k) => nl + jsonString(k, html) + colon + enc(m[k], depth + 1)).join(',') + end + '}';
  };
  return enc(v, 0);
}

/** Parse JSON into Go values: every number a float64. */
export function parseJson(text: string): unknown {
  return JSON.parse(text);
}

function fromYaml(s: string): unknown {
  try {
    const v = decodeYaml(s);
    return isMap(v) ? v : isNil(v) ? {} : { Error: 'error unmarshaling JSON: while decoding JSON: json: cannot unmarshal ' + (Array.isArray(v) ? 'array' : typeof v) + ' into Go value of type map[string]interface {}' };
  } catch (err) {
    return { Error: (err as Error).message };
  }
}

function fromYamlArray(s: string): unknown[] {
  try {
    const v = decodeYaml(s);
    return Array.isArray(v) ? v : isNil(v) ? [] : ['error unmarshaling JSON: while decoding JSON: json: cannot unmarshal object into Go value of type []interface {}'];
  } catch (err) {
    return [(err as Error).message];
  }
}

function fromJson(s: string): unknown {
  try {
    const v = parseJson(s);
    return isMap(v) ? v : isNil(v) ? {} : { Error: `json: cannot unmarshal ${Array.isArray(v) ? 'array' : typeof v} into Go value of type map[string]interface {}` };
  } catch (err) {
    return { Error: (err as Error).message };
  }
}

function fromJsonArray(s: string): unknown[] {
  try {
    const v = parseJson(s);
    return Array.isArray(v) ? v : isNil(v) ? [] : ['json: cannot unmarshal object into Go value of type []interface {}'];
  } catch (err) {
    return [(err as Error).message];
  }
}

function b64dec(s: string): string {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(s) || s.length % 4 === 1) return 'illegal base64 data at input byte ' + Math.max(0, s.search(/[^A-Za-z0-9+/=]/));
  return Buffer.from(s, 'base64').toString('utf8');
}

const B32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
function b32enc(s: string): string {
  const bytes = Buffer.from(s, 'utf8');
  let bits = 0;
  let val = 0;
  let out = '';
  for (const b of bytes) {
    val = (val << 8) | b;
    bits += 8;
    while (bits >= 5) { out += B32[(val >>> (bits - 5)) & 31]; bits -= 5; }
  }
  if (bits > 0) out += B32[(val << (5 - bits)) & 31];
  while (out.length % 8) out += '=';
  return out;
}

function b32dec(s: string): string {
  const clean = s.replace(/=+$/, '');
  let bits = 0;
  let val = 0;
  const out: number[] = [];
  for (const ch of clean) {
    const i = B32.indexOf(ch);
    if (i < 0) return 'illegal base32 data at input byte ' + s.indexOf(ch);
    val = (val << 5) | i;
    bits += 5;
    if (bits >= 8) { out.push((val >>> (bits - 8)) & 255); bits -= 8; }
  }
  return Buffer.from(out).toString('utf8');
}

function adler32(s: string): string {
  let a = 1;
  let b = 0;
  for (const byte of Buffer.from(s, 'utf8')) {
    a = (a + byte) % 65521;
    b = (b + a) % 65521;
  }
  return String(((b << 16) | a) >>> 0);
}

const hash = (alg: string) => (s: string) => createHash(alg).update(s, 'utf8').digest('hex');

export const encodingFuncs: Record<string, FuncDef> = {
  b64enc: def(['string'], (_c, s) => Buffer.from(s, 'utf8').toString('base64')),
  b64dec: def(['string'], (_c, s) => b64dec(s)),
  b32enc: def(['string'], (_c, s) => b32enc(s)),
  b32dec: def(['string'], (_c, s) => b32dec(s)),
  sha1sum: def(['string'], (_c, s) => hash('sha1')(s)),
  sha256sum: def(['string'], (_c, s) => hash('sha256')(s)),
  sha512sum: def(['string'], (_c, s) => hash('sha512')(s)),
  adler32sum: def(['string'], (_c, s) => adler32(s)),
  toJson: def(['any'], (_c, v) => { try { return toJsonText(v); } catch { return ''; } }),
  mustToJson: def(['any'], (_c, v) => toJsonText(v)),
  toPrettyJson: def(['any'], (_c, v) => { try { return toJsonText(v, { indent: '  ' }); } catch { return ''; } }),
  mustToPrettyJson: def(['any'], (_c, v) => toJsonText(v, { indent: '  ' })),
  toRawJson: def(['any'], (_c, v) => { try { return toJsonText(v, { html: false }); } catch { return ''; } }),
  mustToRawJson: def(['any'], (_c, v) => toJsonText(v, { html: false })),
  fromJson: def(['string'], (_c, s) => fromJson(s)),
  mustFromJson: def(['string'], (_c, s) => parseJson(s)),
  fromJsonArray: def(['string'], (_c, s) => fromJsonArray(s)),
  toYaml: def(['any'], (ctx, v) => {
    try {
      const y = toYamlText(v, (c, k) => ctx.originOf(c, k));
      ctx.addLines(y.lines);
      return y.text;
    } catch {
      return '';
    }
  }),
  mustToYaml: def(['any'], (ctx, v) => { const y = toYamlText(v, (c, k) => ctx.originOf(c, k)); ctx.addLines(y.lines); return y.text; }),
  toYamlPretty: def(['any'], (ctx, v) => { try { const y = toYamlText(v, (c, k) => ctx.originOf(c, k)); ctx.addLines(y.lines); return y.text; } catch { return ''; } }),
  fromYaml: def(['string'], (_c, s) => fromYaml(s)),
  fromYamlArray: def(['string'], (_c, s) => fromYamlArray(s)),
  toToml: def(['any'], (_c, v) => { try { return toToml(v); } catch (err) { return (err as Error).message; } }),
  urlParse: def(['string'], (_c, s) => urlParse(s)),
  urlJoin: def(['map'], (_c, m) => urlJoin(m)),
};

function urlParse(s: string): GoMap {
  const m = /^(?:([a-zA-Z][a-zA-Z0-9+.-]*):)?(?:\/\/(?:([^@/?#]*)@)?([^/?#]*))?([^?#]*)(?:\?([^#]*))?(?:#(.*))?$/.exec(s);
  if (!m) throw new Error(`unable to parse url: ${s}`);
  return { scheme: m[1] ?? '', userinfo: m[2] ?? '', host: m[3] ?? '', path: decodeURIComponentSafe(m[4] ?? ''), query: m[5] ?? '', fragment: m[6] ?? '', opaque: '' };
}

function decodeURIComponentSafe(s: string): string {
  try { return decodeURIComponent(s); } catch { return s; }
}

function urlJoin(m: GoMap | null): string {
  const g = (k: string) => (m && !isNil(m[k]) ? strval(m[k]) : '');
  let out = '';
  if (g('scheme')) out += g('scheme') + ':';
  if (g('host') || g('userinfo')) out += '//' + (g('userinfo') ? g('userinfo') + '@' : '') + g('host');
  out += g('path');
  if (g('query')) out += '?' + g('query');
  if (g('fragment')) out += '#' + g('fragment');
  return out;
}
