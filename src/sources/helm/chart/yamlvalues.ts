// YAML -> Go values as Helm decodes them (sigs.k8s.io/yaml over go-yaml v2): YAML 1.1
// booleans (yes/no/on/off), every number a float64, timestamps kept as strings, keys
// stringified. Optionally records the origin of every map key and list item.
import { isAlias, isMap, isPair, isScalar, isSeq, parseAllDocuments, parseDocument, type Document, type Node } from 'yaml';
import { MAX_YAML_NESTING, yamlNestingDepth } from '../../yaml-depth.js';
import { setValueOrigin, type OriginFile } from '../sourcemap.js';
import { formatFloatG } from '../template/format.js';
import { setKey, type GoMap } from '../template/values.js';

const MAX_ALIASES = 10000;

export class YamlDecodeError extends Error {
  constructor(message: string, readonly offset: number) {
    super(message);
  }
}

interface Ctx {
  doc: Document.Parsed;
  file?: OriginFile;
  aliases: number;
}

function keyString(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : formatFloatG(v);
  return String(v);
}

function scalarValue(node: Node): unknown {
  const v = (node as any).value;
  if (v instanceof Date) return (node as any).source ?? v.toISOString();
  if (typeof v === 'bigint') return Number(v);
  if (v instanceof Uint8Array) return Buffer.from(v).toString('utf8');
  return v ?? null;
}

function convert(node: unknown, ctx: Ctx): unknown {
  if (node === null || node === undefined) return null;
  if (isAlias(node)) {
    if (++ctx.aliases > MAX_ALIASES) throw new YamlDecodeError('yaml: document contains excessive aliasing', node.range?.[0] ?? 0);
    return convert(node.resolve(ctx.doc), ctx);
  }
  if (isScalar(node)) return scalarValue(node);
  if (isSeq(node)) {
    const out: unknown[] = [];
    node.items.forEach((item, k) => {
      out.push(convert(item, ctx));
      const r = (item as Node | null)?.range;
      if (ctx.file && r) setValueOrigin(out, k, { file: ctx.file, offset: r[0] });
    });
    return out;
  }
  if (isMap(node)) {
    const out: GoMap = {};
    const merges: unknown[] = [];
    for (const pair of node.items) {
      if (!isPair(pair)) continue;
      const keyNode = pair.key as Node | null;
      if (isScalar(keyNode) && (typeof keyNode.value === 'symbol' || keyNode.value === '<<') && (keyNode as any).source === '<<') {
        merges.push(pair.value);
        continue;
      }
      const key = keyString(isScalar(keyNode) ? scalarValue(keyNode) : convert(keyNode, ctx));
      setKey(out, key, convert(pair.value, ctx));
      const r = keyNode?.range;
      if (ctx.file && r) setValueOrigin(out, key, { file: ctx.file, offset: r[0] });
    }
    // `<<: *base` merges keys not set explicitly.
    for (const m of merges) {
      const resolved = isAlias(m) ? (m as any).resolve(ctx.doc) : m;
      const sources = isSeq(resolved) ? resolved.items : [resolved];
      for (const s of sources) {
        const v = convert(s, ctx);
        if (v && typeof v === 'object' && !Array.isArray(v)) for (const k of Object.keys(v)) if (!Object.prototype.hasOwnProperty.call(out, k)) setKey(out, k, (v as GoMap)[k]);
      }
    }
    return out;
  }
  return null;
}

function firstError(doc: Document.Parsed): YamlDecodeError | undefined {
  const e = doc.errors[0];
  if (!e) return undefined;
  return new YamlDecodeError(`yaml: ${e.message.split('\n')[0]}`, e.pos?.[0] ?? 0);
}

const PARSE_OPTS = { version: '1.1' as const, uniqueKeys: false, merge: false, strict: false, prettyErrors: false };

/** The yaml parser recurses per nesting level and can exhaust the stack: refuse such input first. */
function guardDepth(text: string): void {
  const deep = yamlNestingDepth(text, MAX_YAML_NESTING);
  if (deep.at >= 0) throw new YamlDecodeError(`yaml: nested more than ${MAX_YAML_NESTING} levels deep`, deep.at);
}

/** Decode one YAML document into Go values. Throws YamlDecodeError. */
export function decodeYaml(text: string, file?: OriginFile): unknown {
  guardDepth(text);
  const doc = parseDocument(text, PARSE_OPTS);
  const err = firstError(doc);
  if (err) throw err;
  return convert(doc.contents, { doc, file, aliases: 0 });
}

/** Decode every document of a stream (Helm's fromYamlArray reads one; this is for values files with `---`). */
export function decodeYamlAll(text: string): unknown[] {
  guardDepth(text);
  return parseAllDocuments(text, PARSE_OPTS).map((doc) => {
    const err = firstError(doc as Document.Parsed);
    if (err) throw err;
    return convert((doc as Document.Parsed).contents, { doc: doc as Document.Parsed, aliases: 0 });
  });
}
