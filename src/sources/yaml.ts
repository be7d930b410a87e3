// YAML and JSON manifests: multi-document files with every node's exact position.
import jsYaml from 'js-yaml';
import { isMap, isScalar, isSeq, parseAllDocuments, parseDocument, type Document, type Node } from 'yaml';
import { locateInDocument, quickLocator, type QuickLocator } from './yaml-locate.js';
import { ownString } from '../util/own-strings.js';
import { textCache } from '../util/text-caches.js';
import type { KeyPath, SourceFile, Span } from '../model.js';
import type { YamlDocUnit } from '../workspace/types.js';
import { baseName, registerLoader, type LoadProblem, type LoadResult } from './registry.js';
import { fillHolesLazily, walk } from './yaml-deferred.js';
import { diskSlice } from './release-text.js';
import { MAX_YAML_NESTING, yamlNestingDepth } from './yaml-depth.js';

/**
 * Documents longer than this never go to the position-keeping parser: its syntax tree of a 10 MB
 * flow sequence takes gigabytes and tens of seconds. They are read by js-yaml, which reports the
 * first error with its position, and located line by line.
 */
const CAREFUL_MAX_CHARS = 2 * 1024 * 1024;

/** Syntax errors reported per document; the rest are counted in one more finding. */
const MAX_SYNTAX_ERRORS_PER_DOCUMENT = 5;

/** Aliases expanded per document before we call it an alias bomb. */
const MAX_ALIAS_COUNT = 1000;

const SOURCE_COMMENT = /^# Source: (\S.*)$/m;

export function isYamlPath(path: string): boolean {
  return /\.(ya?ml|json)$/i.test(path);
}

/**
 * A document of a YAML file. Its value comes from the fast parser (js-yaml); the position-keeping
 * parse (`yaml`) runs only when a finding needs a position inside it.
 */
class YamlDocument implements YamlDocUnit {
  readonly kind = 'yaml' as const;
  /** Documents the line reader must not read (syntax errors, duplicate keys...) were parsed carefully while loading. */
  private readonly careful: boolean;
  private loadedParse?: Document.Parsed;
  constructor(
    readonly file: SourceFile,
    readonly index: number,
    readonly value: unknown,
    private readonly chunk: Chunk,
    readonly helmSource?: string,
    parsed?: Document.Parsed,
  ) {
    this.careful = parsed !== undefined;
    this.loadedParse = parsed;
  }

  locate(path: KeyPath, target?: 'key' | 'value'): Span {
    // Most documents are plain block YAML: read the position off the text, no second parse.
    const cache = this.positionCache();
    if (!this.careful && !cache.parsed) {
      cache.quick ??= quickLocator(this.file.text, this.chunk.start, this.chunk.end);
      const quick = cache.quick(path, target);
      if (quick) return quick;
    }
    // Too large for the position-keeping parser: the deepest part of the path the line reader finds.
    if (!this.careful && !cache.parsed && this.chunk.end - this.chunk.start > CAREFUL_MAX_CHARS) return this.locateAncestor(path);
    try {
      cache.parsed ??= parseChunk(this.file.text, this.chunk);
    } catch {
      // Nesting too deep for the position parser (js-yaml coped): point at the document.
      return { start: this.chunk.start, end: this.chunk.start };
    }
    const span = locateInDocument(cache.parsed, this.file.text.slice(this.chunk.start, this.chunk.end), path, target);
    return { start: span.start + this.chunk.start, end: span.end + this.chunk.start };
  }

  /** Built from the file's text, so dropped with it (text-caches.ts); a careful parse made while loading seeds it. */
  private positionCache(): { quick?: QuickLocator; parsed?: Document.Parsed } {
    return textCache(this.file, this, () => {
      const seed = this.loadedParse;
      this.loadedParse = undefined;
      return { parsed: seed };
    });
  }

  private locateAncestor(path: KeyPath): Span {
    const cache = this.positionCache();
    cache.quick ??= quickLocator(this.file.text, this.chunk.start, this.chunk.end);
    // (The whole path was tried already; an ancestor is pointed at by its key.)
    for (let n = path.length - 1; n >= 0; n--) {
      const span = cache.quick(path.slice(0, n), 'key');
      if (span) return span;
    }
    return { start: this.chunk.start, end: this.chunk.start };
  }
}

function scalarKey(key: unknown): string | undefined {
  if (isScalar(key)) return key.value == null ? 'null' : String(key.value);
  return undefined;
}

function rangeOf(node: Node | undefined | null): Span | undefined {
  const r = node && (node as any).range;
  return r ? { start: r[0], end: r[1] } : undefined;
}

/** A document's slice of its file. */
interface Chunk {
  start: number;
  end: number;
}

/**
 * Split a file at `---` / `...` marker lines. A marker at column 0 always ends a document (YAML
 * forbids it inside any scalar), so each chunk parses on its own.
 */
export function splitDocuments(text: string): Chunk[] {
  const chunks: Chunk[] = [];
  const marker = /^(?:---|\.\.\.)(?=[ \t\r\n]|$)/gm;
  let start = 0;
  for (let m = marker.exec(text); m; m = marker.exec(text)) {
    if (m.index > start || chunks.length === 0) chunks.push({ start, end: m.index });
    start = m.index;
    if (m[0] === '...') {
      // `...` ends the document; what follows up to the next marker is only comments.
      chunks.push({ start, end: m.index + 3 });
      start = m.index + 3;
    }
  }
  chunks.push({ start, end: text.length });
  return chunks.filter((c, i) => i === 0 || c.end > c.start);
}

/**
 * Aliases can expand exponentially: documents that may use them go through the guarded parser.
 * An alias `*name` needs an anchor `&name` before it; look for the names of the anchors only.
 */
// Found with indexOf and read in place, in one linear pass: a regex over the whole text that starts
// with an alternation cost ten times as much on big CRD files (V8 cannot skip ahead to the '&').
const ANCHOR_BEFORE = /[\s[{,:-]/;
const NAME_END = /[\s,[\]{}]/g;
const ANCHOR_AFTER = /[\s,\]}]/;

export function mayUseAliases(body: string): boolean {
  for (let i = body.indexOf('&'); i >= 0; i = body.indexOf('&', i + 1)) {
    if (i > 0 && !ANCHOR_BEFORE.test(body[i - 1])) continue;
    NAME_END.lastIndex = i + 1;
    const end = NAME_END.exec(body)?.index ?? body.length;
    if (end > i + 1 && (end === body.length || ANCHOR_AFTER.test(body[end])) && body.includes(`*${body.slice(i + 1, end)}`)) return true;
    // Any '&' before `end` is inside this token: the name it starts would end there too.
    i = end - 1;
  }
  return false;
}

/** A `%` directive line (`%YAML`, `%TAG`). `%` is rare: found with indexOf, its line start is checked. */
function hasDirective(text: string): boolean {
  for (let i = text.indexOf('%'); i >= 0; i = text.indexOf('%', i + 1)) {
    if (i === 0 || text[i - 1] === '\n' || text[i - 1] === '\r') return true;
  }
  return false;
}

function parseChunk(text: string, chunk: Chunk): Document.Parsed {
  return parseDocument(text.slice(chunk.start, chunk.end), { uniqueKeys: false, merge: true, prettyErrors: false, logLevel: 'error' });
}

/**
 * A document after the fast parse: its value, or `careful` when it needs the yaml package
 * (syntax errors, duplicate keys, aliases, directives). Plain data, so a worker thread can
 * compute it and send it back.
 */
export interface PreparedChunk {
  start: number;
  end: number;
  careful: boolean;
  value?: unknown;
  /** Subtrees cut out of `value` once the per-file work was done (yaml-deferred.ts): read lazily from the text. */
  holes?: KeyPath[];
}

/** Split a YAML file into documents and parse each fast (the part worth doing in parallel). */
export function prepareYaml(text: string): PreparedChunk[] {
  // Directives belong to the next document: rare enough to parse such files the careful way only.
  const directive = hasDirective(text);
  const chunks = directive ? [{ start: 0, end: text.length }] : splitDocuments(text);
  return chunks.map((chunk) => {
    const body = text.slice(chunk.start, chunk.end);
    const fast = directive ? undefined : fastLoad(body);
    // js-yaml shares aliased nodes instead of copying them; a document whose aliases would
    // expand past the budget (an alias bomb) goes to the guarded parser, which reports it.
    const bomb = fast?.ok && mayUseAliases(body) && expandedSize(fast.value, MAX_EXPANDED_NODES) > MAX_EXPANDED_NODES;
    return fast?.ok && !bomb ? { ...chunk, careful: false, value: fast.value } : { ...chunk, careful: true };
  });
}

/** Parse a YAML file into document units, turning syntax errors and duplicate keys into problems. */
export function loadYaml(file: SourceFile, prepared: PreparedChunk[] = prepareYaml(file.text)): LoadResult {
  const units: YamlDocUnit[] = [];
  const problems: LoadProblem[] = [];
  const text = file.text;
  let index = 0;
  for (const chunk of prepared) {
    if (!chunk.careful) {
      const body = text.slice(chunk.start, chunk.end);
      // (The getter slices the text when it runs: a released file's text is read again then.)
      if (chunk.holes) {
        const { start, end } = chunk;
        fillHolesLazily(chunk.value, chunk.holes, { text: () => file.text.slice(start, end), onDisk: () => diskSlice(file, start, end) }, parseFast);
      }
      if ((chunk.value !== undefined && chunk.value !== null) || hasContent(body)) {
        units.push(new YamlDocument(file, index, chunk.value ?? null, { start: chunk.start, end: chunk.end }, helmSourceOf(body)));
      }
      index++;
      continue;
    }
    const span = { start: chunk.start, end: chunk.end };
    index += span.end - span.start > CAREFUL_MAX_CHARS ? loadLarge(file, span, index, units, problems) : loadCarefully(file, span, index, units, problems);
  }
  return { units, problems };
}

/** YAML 1.2 core types plus merge keys (`<<: *defaults`), which Kubernetes' YAML reader honours. */
// (js-yaml exports its built-in types at run time; its type declarations omit them.)
const FAST_SCHEMA = jsYaml.CORE_SCHEMA.extend({ implicit: [(jsYaml as unknown as { types: { merge: jsYaml.Type } }).types.merge] });

/** A document's value as the fast parse reads it. */
export const parseFast = (body: string): unknown => jsYaml.load(body, { schema: FAST_SCHEMA });

/** The subtrees at `paths` of a document (a parse worker reads deferred CRD schemas this way). */
export function subtreesOf(body: string, paths: KeyPath[]): unknown[] {
  const full = parseFast(body);
  return paths.map((p) => walk(full, p));
}

/** Nodes a document would have with every alias copied out, counted up to `limit`. */
const MAX_EXPANDED_NODES = 1_000_000;

function expandedSize(value: unknown, limit: number, memo = new Map<object, number>()): number {
  if (value === null || typeof value !== 'object') return 1;
  const known = memo.get(value);
  if (known !== undefined) return known;
  let size = 1;
  for (const child of Array.isArray(value) ? value : Object.values(value)) {
    size += expandedSize(child, limit, memo);
    if (size > limit) break;
  }
  memo.set(value, size);
  return size;
}

/** js-yaml: duplicate keys and unknown tags throw and take the careful path. */
function fastLoad(body: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: parseFast(body) };
  } catch {
    return { ok: false };
  }
}

function hasContent(body: string): boolean {
  return /^(?![ \t]*(#|$)|---|\.\.\.)/m.test(body);
}

function helmSourceOf(body: string): string | undefined {
  const head = body.slice(0, 4096);
  const source = SOURCE_COMMENT.exec(head)?.[1]?.trim();
  return source === undefined ? undefined : ownString(source);
}

/** A document too large for the careful parser (CAREFUL_MAX_CHARS): js-yaml's first error. Returns documents consumed. */
function loadLarge(file: SourceFile, chunk: Chunk, index: number, units: YamlDocUnit[], problems: LoadProblem[]): number {
  const body = file.text.slice(chunk.start, chunk.end);
  const at = (offset: number): Span => ({ start: chunk.start + offset, end: chunk.start + offset + 1 });
  const add = (value: unknown, i = index) => {
    if (value !== undefined && value !== null) units.push(new YamlDocument(file, i, value, chunk, helmSourceOf(body)));
  };
  try {
    // Directives (the only way a large chunk holds several documents) are js-yaml's to handle.
    const values = hasDirective(body) ? jsYaml.loadAll(body, undefined, { schema: FAST_SCHEMA }) : [parseFast(body)];
    const bomb = mayUseAliases(body) && values.some((v) => expandedSize(v, MAX_EXPANDED_NODES) > MAX_EXPANDED_NODES);
    if (bomb) {
      problems.push({ ruleId: 'yaml-syntax', file, span: at(0), message: `document cannot be expanded: its aliases expand to more than ${MAX_EXPANDED_NODES} nodes` });
      return Math.max(1, values.length);
    }
    values.forEach((v, i) => add(v, index + i));
    return Math.max(1, values.length);
  } catch (err) {
    const e = err as JsYamlError;
    const offset = errorOffset(e, body);
    if (e.reason !== 'duplicated mapping key') {
      problems.push({ ruleId: 'yaml-syntax', file, span: at(offset), message: syntaxMessage(e.reason ?? e.message) });
      return 1;
    }
    problems.push({ ruleId: 'yaml-duplicate-key', file, span: at(offset), message: `Duplicate key "${keyOnLine(body, offset)}": only the last value is used, the earlier one is silently lost` });
    // The document is still checked, with the last value of each key, as Kubernetes reads it.
    try {
      add(jsYaml.load(body, { schema: FAST_SCHEMA, json: true }));
    } catch (again) {
      const e2 = again as JsYamlError;
      problems.push({ ruleId: 'yaml-syntax', file, span: at(errorOffset(e2, body)), message: syntaxMessage(e2.reason ?? e2.message) });
    }
    return 1;
  }
}

type JsYamlError = { reason?: string; message: string; mark?: { position?: number } };

/** Where js-yaml stopped, inside the document. */
function errorOffset(e: JsYamlError, body: string): number {
  return Math.min(e.mark?.position ?? 0, Math.max(0, body.length - 1));
}

/** The mapping key written on the line of `offset` (`  - "name": x` gives name). */
function keyOnLine(text: string, offset: number): string {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  const end = text.indexOf('\n', offset);
  const line = text.slice(start, end < 0 ? undefined : end).replace(/^[ \t]*(?:-[ \t]+)*/, '');
  const colon = line.indexOf(':');
  const raw = (colon < 0 ? line : line.slice(0, colon)).trim();
  return /^(["']).*\1$/.test(raw) ? raw.slice(1, -1) : raw;
}

/** The `yaml` parser with exact errors, duplicate-key detection and an alias budget. Returns documents consumed. */
function loadCarefully(file: SourceFile, chunk: Chunk, index: number, units: YamlDocUnit[], problems: LoadProblem[]): number {
  const text = file.text;
  const body = text.slice(chunk.start, chunk.end);
  const shift = (span: Span): Span => ({ start: span.start + chunk.start, end: span.end + chunk.start });
  const deep = yamlNestingDepth(body, MAX_YAML_NESTING);
  if (deep.at >= 0) {
    const span = shift({ start: deep.at, end: deep.at + 1 });
    problems.push({ ruleId: 'yaml-syntax', file, span, message: `YAML nested more than ${MAX_YAML_NESTING} levels deep: too deep to parse safely, the document is not checked` });
    return 1;
  }
  let docs: Document.Parsed[] | ReturnType<typeof parseAllDocuments>;
  try {
    docs = parseAllDocuments(body, { uniqueKeys: false, merge: true, prettyErrors: false, logLevel: 'error' });
  } catch (err) {
    // The parser recurses per nesting level: thousands of levels exhaust the stack.
    problems.push({ ruleId: 'yaml-syntax', file, span: shift({ start: 0, end: Math.min(1, body.length) }), message: syntaxMessage((err as Error).message) });
    return 1;
  }
  const list = (Array.isArray(docs) ? docs : []) as Document.Parsed[];
  list.forEach((doc, i) => {
    if (doc.errors.length) {
      // After the first error the parser is guessing: one unclosed `{` can yield hundreds of
      // follow-on errors. The first few are reported, the rest counted.
      const seen = new Set<string>();
      let more = 0;
      for (const err of doc.errors) {
        const pos = err.pos ?? [doc.range[0], doc.range[0] + 1];
        const opener = unclosedOpener(body, err.message, pos[0]);
        const span = opener ?? { start: pos[0], end: Math.max(pos[1], pos[0] + 1) };
        const message = syntaxMessage(err.message) + (opener ? ' (opened here, never closed)' : '');
        const key = `${span.start}\u0000${message}`;
        if (seen.has(key)) continue;
        if (seen.size >= MAX_SYNTAX_ERRORS_PER_DOCUMENT) {
          more++;
          continue;
        }
        seen.add(key);
        problems.push({ ruleId: 'yaml-syntax', file, span: shift(span), message });
      }
      if (more) {
        const last = problems[problems.length - 1];
        problems.push({ ...last, message: `${more} more YAML error${more === 1 ? '' : 's'} in this document, most likely caused by the ones above` });
      }
      return;
    }
    const dupes: LoadProblem[] = [];
    findDuplicateKeys(doc.contents, file, dupes);
    problems.push(...dupes.map((p) => ({ ...p, span: shift(p.span) })));
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (err) {
      const start = doc.range[0];
      problems.push({ ruleId: 'yaml-syntax', file, span: shift({ start, end: start + 1 }), message: `document cannot be expanded: ${(err as Error).message}` });
      return;
    }
    if (doc.contents == null) return;
    // Only a single-document chunk can be re-parsed lazily with the same offsets.
    const sub: Chunk = list.length === 1 ? chunk : { start: chunk.start + doc.range[0], end: chunk.start + doc.range[2] };
    units.push(new YamlDocument(file, index + i, value, sub, helmSourceOf(body.slice(doc.range[0], doc.range[2])), list.length === 1 ? doc : undefined));
  });
  return Math.max(1, list.length);
}

/**
 * The parser notices an unclosed quote or bracket where the text runs out; the mistake is where
 * it was opened, so point there.
 */
function unclosedOpener(text: string, message: string, pos: number): Span | undefined {
  const quote = /Missing closing (["'])quote/.exec(message)?.[1];
  const bracket = /end with an? ([\]}])/.exec(message)?.[1];
  const open = quote ?? (bracket === ']' ? '[' : bracket === '}' ? '{' : undefined);
  if (!open) return undefined;
  const close = quote ?? bracket!;
  let depth = 0;
  for (let i = Math.min(pos, text.length) - 1; i >= 0 && pos - i < 65536; i--) {
    const ch = text[i];
    if (!quote && ch === close) depth++;
    else if (ch === open) {
      if (depth === 0) return { start: i, end: i + 1 };
      depth--;
    }
  }
  return undefined;
}

function syntaxMessage(message: string): string {
  if (/Maximum call stack size exceeded/.test(message)) return 'YAML nested too deeply to parse (thousands of levels): the document is not checked';
  const first = message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
  return `YAML syntax error: ${first}`;
}

function findDuplicateKeys(node: unknown, file: SourceFile, problems: LoadProblem[]): void {
  const stack: unknown[] = [node];
  while (stack.length) {
    const n = stack.pop();
    if (isMap(n)) {
      const seen = new Map<string, number>();
      for (const item of n.items) {
        const key = scalarKey(item.key);
        if (key !== undefined && key !== '<<') {
          const count = seen.get(key) ?? 0;
          seen.set(key, count + 1);
          if (count === 1 || count > 1) {
            const r = rangeOf(item.key as Node);
            if (r) problems.push({ ruleId: 'yaml-duplicate-key', file, span: r, message: `Duplicate key "${key}": only the last value is used, the earlier one is silently lost` });
          }
        }
        if (item.value) stack.push(item.value);
      }
    } else if (isSeq(n)) {
      for (const item of n.items) stack.push(item);
    }
  }
}

registerLoader({
  name: 'yaml',
  matches: (path) => isYamlPath(path) && baseName(path) !== 'Chart.lock',
  load: loadYaml,
});
