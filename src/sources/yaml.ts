// YAML and JSON manifests: multi-document files with every node's exact position.
import { isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseAllDocuments, type Document, type Node } from 'yaml';
import type { KeyPath, SourceFile, Span } from '../model.js';
import type { YamlDocUnit } from '../workspace/types.js';
import { baseName, registerLoader, type LoadProblem, type LoadResult } from './registry.js';

/** Aliases expanded per document before we call it an alias bomb. */
const MAX_ALIAS_COUNT = 1000;

const SOURCE_COMMENT = /^# Source: (\S.*)$/m;

export function isYamlPath(path: string): boolean {
  return /\.(ya?ml|json)$/i.test(path);
}

class YamlDocument implements YamlDocUnit {
  readonly kind = 'yaml' as const;
  constructor(
    readonly file: SourceFile,
    readonly index: number,
    readonly value: unknown,
    private readonly doc: Document.Parsed,
    readonly helmSource?: string,
  ) {}

  locate(path: KeyPath, target?: 'key' | 'value'): Span {
    return locateInDocument(this.doc, path, target);
  }
}

/** Resolve a key path to the offsets of its key or value; missing keys fall back to the deepest ancestor. */
export function locateInDocument(doc: Document.Parsed, path: KeyPath, target?: 'key' | 'value'): Span {
  let node: unknown = doc.contents;
  let keyNode: Node | undefined;
  const docStart = doc.range[0];
  let best: Span | undefined = rangeOf(node as Node) ?? { start: docStart, end: docStart };
  let anchors = 0;
  for (const seg of path) {
    if (isAlias(node) && anchors++ < 32) node = node.resolve(doc);
    let nextKey: Node | undefined;
    let next: unknown;
    if (isMap(node)) {
      for (const item of node.items) {
        if (isPair(item) && scalarKey(item.key) === String(seg)) {
          nextKey = item.key as Node;
          next = item.value;
        }
      }
      if (!nextKey) return best;
    } else if (isSeq(node) && typeof seg === 'number' && seg < node.items.length) {
      next = node.items[seg];
    } else {
      return best;
    }
    keyNode = nextKey;
    node = next;
    // A key with an empty value (`foo:`) has no value node: point at the key.
    best = (keyNode && !node ? rangeOf(keyNode) : undefined) ?? rangeOf(node as Node) ?? best;
    if (keyNode && (target === 'key' || isMap(node) || isSeq(node))) best = rangeOf(keyNode) ?? best;
  }
  if (target === 'value' && node) return rangeOf(node as Node) ?? best;
  if (target === 'key' && keyNode) return rangeOf(keyNode) ?? best;
  return best;
}

function scalarKey(key: unknown): string | undefined {
  if (isScalar(key)) return key.value == null ? 'null' : String(key.value);
  return undefined;
}

function rangeOf(node: Node | undefined | null): Span | undefined {
  const r = node && (node as any).range;
  return r ? { start: r[0], end: r[1] } : undefined;
}

/** Parse a YAML file into document units, turning syntax errors and duplicate keys into problems. */
export function loadYaml(file: SourceFile): LoadResult {
  const units: YamlDocUnit[] = [];
  const problems: LoadProblem[] = [];
  const text = file.text;
  const docs = parseAllDocuments(text, { uniqueKeys: false, merge: true, prettyErrors: false, lineCounter: new LineCounter() });
  const list = Array.isArray(docs) ? docs : [];
  list.forEach((doc, index) => {
    if (doc.errors.length) {
      for (const err of doc.errors) {
        const pos = err.pos ?? [doc.range[0], doc.range[0] + 1];
        const opener = unclosedOpener(text, err.message, pos[0]);
        const span = opener ?? { start: pos[0], end: Math.max(pos[1], pos[0] + 1) };
        problems.push({ ruleId: 'yaml-syntax', file, span, message: syntaxMessage(err.message) + (opener ? ' (opened here, never closed)' : '') });
      }
      return;
    }
    findDuplicateKeys(doc.contents, file, problems);
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (err) {
      const start = doc.range[0];
      problems.push({ ruleId: 'yaml-syntax', file, span: { start, end: start + 1 }, message: `document cannot be expanded: ${(err as Error).message}` });
      return;
    }
    if (doc.contents == null) return;
    const head = text.slice(doc.range[0], (doc.contents as Node).range?.[0] ?? doc.range[0]);
    const source = SOURCE_COMMENT.exec(head)?.[1]?.trim();
    units.push(new YamlDocument(file, index, value, doc, source));
  });
  return { units, problems };
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
