// Where a key path points inside a YAML document. Two implementations of one definition:
// - `locateInDocument` walks a parsed `yaml` Document (exact for everything YAML allows);
// - `quickLocate` reads block-style text line by line, and flow collections that close on their
//   line, and gives up (undefined) on anything it does not handle exactly (flow collections over
//   several lines, anchors, tags, block scalars, multi-line scalars, tabs, complex keys). The scan tries it first: most documents with a
//   finding are then never parsed a second time. Tests check both agree on every path.
//
// The definition: walk the path; a missing segment stops at the deepest existing ancestor
// (with the default target). At the end, `target: 'key'` gives the key, `target: 'value'` the
// value; by default a scalar gives its value and a collection (or empty value) its key. A
// collection without a key (a sequence item, the root) spans the rest of its first line.
import { isAlias, isMap, isPair, isScalar, isSeq, type Document, type Node } from 'yaml';
import type { KeyPath, Span } from '../model.js';

type ValueKind = 'scalar' | 'empty' | 'collection';

interface Step {
  key?: Span;
  value?: { kind: ValueKind; span: Span; flow?: boolean };
}

function pick(step: Step, target: 'key' | 'value' | undefined, fallback: Span): Span {
  const v = step.value;
  if (target === 'key' && step.key) return step.key;
  if (target === 'value' && v && v.kind !== 'empty') return v.span;
  if (v?.kind === 'scalar') return v.span;
  if (step.key) return step.key;
  if (v && v.kind !== 'empty') return v.span;
  return fallback;
}

/** The rest of the line from `start` (a collection without a key is shown by its first line). */
export function firstLine(text: string, start: number): Span {
  let end = text.indexOf('\n', start);
  if (end < 0) end = text.length;
  if (end > start && text[end - 1] === '\r') end--;
  return { start, end: Math.max(end, start) };
}

// ---------------------------------------------------------------------------------------------
// Exact: over a parsed Document (offsets relative to the text the document was parsed from).

function nodeInfo(node: unknown, text: string): Step['value'] {
  const r = (node as Node | null)?.range;
  if (!node || !r) return undefined;
  if (isScalar(node)) return { kind: r[0] === r[1] ? 'empty' : 'scalar', span: { start: r[0], end: r[1] } };
  return { kind: 'collection', span: firstLine(text, r[0]) };
}

function keyOf(key: unknown): string | undefined {
  if (isScalar(key)) return key.value == null ? 'null' : String(key.value);
  return undefined;
}

export function locateInDocument(doc: Document.Parsed, text: string, path: KeyPath, target?: 'key' | 'value'): Span {
  const fallback = { start: doc.range[0], end: doc.range[0] };
  let node: unknown = doc.contents;
  let step: Step = { value: nodeInfo(node, text) };
  let aliases = 0;
  for (const seg of path) {
    while (isAlias(node) && aliases++ < 32) node = node.resolve(doc);
    let next: Step | undefined;
    let nextNode: unknown;
    if (isMap(node)) {
      for (const item of node.items) {
        if (isPair(item) && keyOf(item.key) === String(seg)) {
          const k = (item.key as Node).range!;
          next = { key: { start: k[0], end: k[1] }, value: nodeInfo(item.value, text) };
          nextNode = item.value;
        }
      }
    } else if (isSeq(node) && typeof seg === 'number' && seg < node.items.length) {
      nextNode = node.items[seg];
      next = { value: nodeInfo(nextNode, text) };
    }
    if (!next) return pick(step, undefined, fallback);
    step = next;
    node = nextNode;
  }
  return pick(step, target, fallback);
}

// ---------------------------------------------------------------------------------------------
// Quick: block-style text, line by line. `undefined` means "not sure, parse it".

interface Line {
  start: number; // offset of the line in the text
  indent: number; // leading spaces
  end: number; // offset of the line end (before \r\n)
}

class Bail extends Error {}
const BAIL = new Bail();

function lines(text: string, from: number, to: number): Line[] {
  const out: Line[] = [];
  let pos = from;
  while (pos < to) {
    let nl = text.indexOf('\n', pos);
    if (nl < 0 || nl > to) nl = to;
    let end = nl;
    if (end > pos && text[end - 1] === '\r') end--;
    let i = pos;
    while (i < end && text[i] === ' ') i++;
    if (text[i] === '\t') throw BAIL;
    out.push({ start: pos, indent: i - pos, end });
    pos = nl + 1;
  }
  return out;
}

/** Blank or comment-only lines carry no structure. */
function isContent(text: string, l: Line): boolean {
  const c = l.start + l.indent;
  return c < l.end && text[c] !== '#';
}

/** A node in the line model: its content starts at `col` on line `line`. */
interface At {
  line: number;
  col: number;
}

/** A plain or quoted scalar starting at `pos` on its line: its end, or bail when not simple. */
function scalarEnd(text: string, pos: number, lineEnd: number): number {
  const c = text[pos];
  if (c === '"' || c === "'") {
    for (let i = pos + 1; i < lineEnd; i++) {
      if (c === '"' && text[i] === '\\') {
        i++;
        continue;
      }
      if (text[i] === c) {
        if (c === "'" && text[i + 1] === "'") {
          i++;
          continue;
        }
        return i + 1;
      }
    }
    throw BAIL; // closes on a later line
  }
  // Plain scalar: ends before ` #` (a comment) or at the line end, without trailing spaces.
  // (Searched within the line only: indexOf would run on through a multi-megabyte file.)
  let end = lineEnd;
  for (let i = pos; i < lineEnd - 1; i++) {
    if (text.charCodeAt(i) === 32 && text.charCodeAt(i + 1) === 35) {
      end = i;
      break;
    }
  }
  while (end > pos && (text[end - 1] === ' ' || text[end - 1] === '\t')) end--;
  return end;
}

/** Characters that start something the quick reader does not model as a scalar or key. */
const SPECIAL_START = /[&*!|>%@`?{[]/;

/** Plain keys YAML would resolve to something other than their text (null, booleans, numbers). */
const NON_STRING_KEY = /^(~|null|Null|NULL|true|True|TRUE|false|False|FALSE|[-+]?[0-9.][0-9a-fA-FxXoO._+-]*)$/;

/** The name a key written as `raw` (quotes included, if any) stands for; bails where YAML would read it otherwise. */
function keyName(raw: string): string {
  const q = raw[0];
  if (q === '"' || q === "'") {
    const inner = raw.slice(1, -1);
    if (q === '"' && inner.includes('\\')) throw BAIL; // escapes: left to the parser
    return q === "'" ? inner.replace(/''/g, "'") : inner;
  }
  if (NON_STRING_KEY.test(raw)) throw BAIL;
  return raw;
}

class QuickDoc {
  private readonly ls: Line[];
  constructor(private readonly text: string, from: number, to: number) {
    this.ls = lines(text, from, to);
  }

  private contentFrom(line: number): number {
    for (let i = line; i < this.ls.length; i++) if (isContent(this.text, this.ls[i])) return i;
    return -1;
  }

  root(): At | undefined {
    let i = this.contentFrom(0);
    // A `---` marker line may open the document: only a bare marker (or with a comment) is simple.
    if (i >= 0 && this.text.startsWith('---', this.ls[i].start + this.ls[i].indent)) {
      const l = this.ls[i];
      const rest = this.text.slice(l.start + l.indent + 3, l.end).trim();
      if (rest && !rest.startsWith('#')) throw BAIL;
      i = this.contentFrom(i + 1);
    }
    if (i < 0) return undefined;
    const l = this.ls[i];
    if (this.text[l.start + l.indent] === '%') throw BAIL;
    if (!this.isSeqItemAt(i, l.indent) && this.keyAt(i, l.indent) === undefined) throw BAIL;
    return { line: i, col: l.indent };
  }

  /** Absolute offset of column `col` on line `i`. */
  private pos(i: number, col: number): number {
    return this.ls[i].start + col;
  }

  private isSeqItemAt(i: number, col: number): boolean {
    const p = this.pos(i, col);
    return this.text[p] === '-' && (p + 1 >= this.ls[i].end || this.text[p + 1] === ' ');
  }

  /** Is the node at `at` a block sequence? (its first content is `- `) */
  private isSeq(at: At): boolean {
    return this.isSeqItemAt(at.line, at.col);
  }

  /** Describe the value that starts after a key's `:` (or after `- `), possibly on following lines. */
  private valueAfter(line: number, from: number, parentCol: number): { info: Step['value']; child?: At } {
    const text = this.text;
    const l = this.ls[line];
    let p = from;
    while (p < l.end && text[p] === ' ') p++;
    if (p < l.end && text[p] !== '#') {
      const c = text[p];
      if (c === '{' || c === '[') return { info: { kind: 'collection', span: firstLine(text, p), flow: true } };
      if (SPECIAL_START.test(c)) throw BAIL;
      if (c === '-' && (p + 1 >= l.end || text[p + 1] === ' ')) throw BAIL; // `- - x` or `key: - x`
      const end = scalarEnd(text, p, l.end);
      // A map inside a sequence item (`- name: x`): the value is that map.
      if (this.keyAt(line, p - l.start) !== undefined) return { info: { kind: 'collection', span: firstLine(text, p) }, child: { line, col: p - l.start } };
      // A scalar continued on more indented lines is multi-line: not modelled.
      const next = this.contentFrom(line + 1);
      if (next >= 0 && this.ls[next].indent > parentCol) throw BAIL;
      return { info: { kind: 'scalar', span: { start: p, end } } };
    }
    // Nothing on the line: the value is the block below (more indented, or a sequence at the same column).
    const next = this.contentFrom(line + 1);
    if (next >= 0) {
      const nl = this.ls[next];
      if (nl.indent > parentCol || (nl.indent === parentCol && this.isSeqItemAt(next, parentCol) && !this.isSeqItemAt(line, parentCol))) {
        const first = this.pos(next, nl.indent);
        // `resources:` with `{}` on the next line (Helm's toYaml of an empty map) is a flow value.
        if (nl.indent > parentCol && (text[first] === '{' || text[first] === '[')) return { info: { kind: 'collection', span: firstLine(text, first), flow: true } };
        if (SPECIAL_START.test(text[first]) || text.startsWith('---', first)) throw BAIL;
        // A lone scalar on the next line(s) is a multi-line scalar: not modelled.
        if (!this.isSeqItemAt(next, nl.indent) && this.keyAt(next, nl.indent) === undefined) throw BAIL;
        return { info: { kind: 'collection', span: firstLine(text, first) }, child: { line: next, col: nl.indent } };
      }
    }
    return { info: { kind: 'empty', span: { start: from, end: from } } };
  }

  /** The key on line `i` starting at column `col`: its text and span, or undefined if not a key line. */
  private keyAt(i: number, col: number): { name: string; span: Span; after: number } | undefined {
    const text = this.text;
    const l = this.ls[i];
    const p = l.start + col;
    const c = text[p];
    if (c === '"' || c === "'") {
      const end = scalarEnd(text, p, l.end);
      if (text[end] !== ':' || (end + 1 < l.end && text[end + 1] !== ' ')) return undefined;
      return { name: keyName(text.slice(p, end)), span: { start: p, end }, after: end + 1 };
    }
    if (SPECIAL_START.test(c) || c === '-' || c === ',' || c === ']' || c === '}' || c === '#') return undefined;
    for (let j = p; j < l.end; j++) {
      const ch = text[j];
      if (ch === ':' && (j + 1 >= l.end || text[j + 1] === ' ')) {
        let end = j;
        while (end > p && text[end - 1] === ' ') end--;
        return { name: keyName(text.slice(p, end)), span: { start: p, end }, after: j + 1 };
      }
      if (ch === ' ' && text[j + 1] === '#') return undefined;
    }
    return undefined;
  }

  /** Keys of the map at `at`, read once per map: each name with its last line (the value's last key wins). */
  private readonly mapKeys = new Map<string, Map<string, { line: number; col: number; span: Span; after: number }>>();

  private keysOf(at: At): Map<string, { line: number; col: number; span: Span; after: number }> {
    const id = `${at.line}:${at.col}`;
    let keys = this.mapKeys.get(id);
    if (keys) return keys;
    keys = new Map();
    for (let i = at.line; i < this.ls.length; i++) {
      const l = this.ls[i];
      if (!isContent(this.text, l)) continue;
      const col = i === at.line ? at.col : l.indent;
      if (col < at.col) break;
      if (col > at.col) continue;
      if (this.isSeqItemAt(i, col)) {
        if (i === at.line) throw BAIL;
        continue; // a sequence at the same column is the previous key's value
      }
      const key = this.keyAt(i, col);
      if (!key) throw BAIL; // a line in a map that is not a key: not modelled
      keys.set(key.name, { line: i, col, span: key.span, after: key.after });
    }
    this.mapKeys.set(id, keys);
    return keys;
  }

  /** Find `seg` in the map at `at` (last occurrence, as the value's last key wins). */
  mapChild(at: At, seg: string): { step: Step; child?: At } | undefined {
    const key = this.keysOf(at).get(seg);
    if (!key) return undefined;
    const value = this.valueAfter(key.line, key.after, key.col);
    return { step: { key: key.span, value: value.info }, child: value.child };
  }

  /** Item `index` of the sequence at `at`. */
  seqChild(at: At, index: number): { step: Step; child?: At } | undefined {
    let n = -1;
    for (let i = at.line; i < this.ls.length; i++) {
      const l = this.ls[i];
      if (!isContent(this.text, l)) continue;
      const col = i === at.line ? at.col : l.indent;
      if (col < at.col) break;
      if (col > at.col) continue;
      if (!this.isSeqItemAt(i, col)) break; // a key at this column ends a same-column sequence
      if (++n < index) continue;
      const value = this.valueAfter(i, l.start + col + 1, col);
      return { step: { value: value.info }, child: value.child };
    }
    return undefined;
  }

  isSeqNode(at: At): boolean {
    return this.isSeq(at);
  }

  private readonly flows = new Map<number, FlowNode | Bail>();

  /** The flow collection opening at offset `start` (its line's end bounds it). */
  flowAt(start: number): FlowNode {
    let node = this.flows.get(start);
    if (node === undefined) {
      try {
        node = readFlow(this.text, start, firstLine(this.text, start).end);
      } catch (err) {
        if (err !== BAIL) throw err;
        node = BAIL;
      }
      this.flows.set(start, node);
    }
    if (node instanceof Bail) throw BAIL;
    return node;
  }
}

/** Child `seg` of a flow node, as a step (the value of a nested collection is its first line). */
function flowChild(text: string, node: FlowNode, seg: string | number): { step: Step; node: FlowNode } | undefined {
  let key: Span | undefined;
  let child: FlowNode | undefined;
  if (node.kind === 'map') {
    const entry = node.entries.get(String(seg));
    key = entry?.key;
    child = entry?.value;
  } else if (node.kind === 'seq' && typeof seg === 'number') {
    child = node.items[seg];
  }
  if (!child) return undefined;
  const value = child.kind === 'scalar' ? { kind: 'scalar' as const, span: child.span } : { kind: 'collection' as const, span: firstLine(text, child.start), flow: true };
  return { step: key ? { key, value } : { value }, node: child };
}

/** A flow collection (`{a: 1, b: [x, y]}`) read on its line; scalars only by their spans. */
type FlowNode =
  | { kind: 'scalar'; span: Span }
  | { kind: 'map'; start: number; entries: Map<string, { key: Span; value: FlowNode }> }
  | { kind: 'seq'; start: number; items: FlowNode[] };

/** Characters that end a plain scalar in a flow collection, or are not modelled inside one. */
const FLOW_PLAIN_STOP = /[,[\]{}:#\t]/;
const FLOW_SPECIAL_START = /[&*!|>%@`?#]/;

/**
 * Read the flow collection opening at `start` (`{` or `[`), which must close on the same line with
 * nothing but a comment after it. Bails on anything not modelled: a collection spanning lines,
 * anchors, tags, `?` keys, a `:` inside a plain scalar, empty values, `a: b` items in a sequence.
 */
function readFlow(text: string, start: number, lineEnd: number): FlowNode {
  let i = start;
  const blank = () => {
    while (i < lineEnd && text[i] === ' ') i++;
  };
  /** A scalar; a plain one ends at a flow indicator, and at a `:` only when it is a key. */
  const scalar = (isKey: boolean): Span => {
    const c = text[i];
    if (c === '"' || c === "'") {
      const end = scalarEnd(text, i, lineEnd);
      const span = { start: i, end };
      i = end;
      return span;
    }
    if (FLOW_SPECIAL_START.test(c) || FLOW_PLAIN_STOP.test(c)) throw BAIL;
    // `-` starts a plain scalar (`--flag`, `-1`) only when something other than a blank or a flow indicator follows.
    if (c === '-' && (i + 1 >= lineEnd || text[i + 1] === ' ' || FLOW_PLAIN_STOP.test(text[i + 1]))) throw BAIL;
    const from = i;
    while (i < lineEnd && !FLOW_PLAIN_STOP.test(text[i])) i++;
    if ((text[i] === ':' && !isKey) || text[i] === '#' || text[i] === '\t') throw BAIL;
    let end = i;
    while (end > from && text[end - 1] === ' ') end--;
    if (end === from) throw BAIL;
    return { start: from, end };
  };
  const value = (): FlowNode => {
    blank();
    if (i >= lineEnd) throw BAIL;
    if (text[i] === '{') return map();
    if (text[i] === '[') return seq();
    return { kind: 'scalar', span: scalar(false) };
  };
  /** After an item: `,` goes on, `close` ends; anything else is not modelled. */
  const next = (close: string): boolean => {
    blank();
    if (text[i] === ',') {
      i++;
      return true;
    }
    if (text[i] === close) {
      i++;
      return false;
    }
    throw BAIL;
  };
  const map = (): FlowNode => {
    const node = { kind: 'map' as const, start: i, entries: new Map<string, { key: Span; value: FlowNode }>() };
    i++;
    for (;;) {
      blank();
      if (text[i] === '}') {
        i++;
        return node;
      }
      const quoted = text[i] === '"' || text[i] === "'";
      const key = scalar(true);
      const name = keyName(text.slice(key.start, key.end));
      blank();
      if (text[i] !== ':') throw BAIL;
      i++;
      // A plain key needs a blank after its colon (`a:b` is one scalar); a quoted one does not.
      if (!quoted && text[i] !== ' ') throw BAIL;
      blank();
      if (text[i] === ',' || text[i] === '}') throw BAIL; // an empty value
      node.entries.set(name, { key, value: value() });
      if (!next('}')) return node;
    }
  };
  const seq = (): FlowNode => {
    const node = { kind: 'seq' as const, start: i, items: [] as FlowNode[] };
    i++;
    for (;;) {
      blank();
      if (text[i] === ']') {
        i++;
        return node;
      }
      node.items.push(value());
      blank();
      if (text[i] === ':') throw BAIL; // `[a: b]`, a one-pair map in a sequence
      if (!next(']')) return node;
    }
  };
  const root = value();
  blank();
  if (i < lineEnd && text[i] !== '#') throw BAIL;
  return root;
}

export type QuickLocator = (path: KeyPath, target?: 'key' | 'value') => Span | undefined;

/**
 * A locator for the document text `text.slice(from, to)` that reads lines instead of parsing
 * (lines are split once). Offsets are absolute in `text`. It answers undefined when the
 * document uses something this reader does not model.
 */
export function quickLocator(text: string, from: number, to: number): QuickLocator {
  let doc: QuickDoc;
  let root: At | undefined;
  try {
    doc = new QuickDoc(text, from, to);
    root = doc.root();
  } catch (err) {
    if (err instanceof Bail) return () => undefined;
    throw err;
  }
  if (!root) return () => undefined;
  const start = root;
  const fallback = { start: from, end: from };
  const rootStep: Step = { value: { kind: 'collection', span: firstLine(text, lineStartOffset(text, from, start)) } };
  // Findings in one document share path prefixes (spec.template.spec.containers[0]...): each
  // step is looked up once. A step that bailed out is remembered as such.
  type Found = { step: Step; child?: At } | undefined;
  const steps = new Map<string, Found | typeof BAIL>();
  const child = (at: At, seg: string | number): Found => {
    const key = `${at.line}:${at.col}:${typeof seg}:${seg}`;
    let found = steps.get(key);
    if (found === undefined && !steps.has(key)) {
      try {
        found = doc.isSeqNode(at) ? (typeof seg === 'number' ? doc.seqChild(at, seg) : undefined) : doc.mapChild(at, String(seg));
      } catch (err) {
        if (err !== BAIL) throw err;
        found = BAIL;
      }
      steps.set(key, found);
    }
    if (found === BAIL) throw BAIL;
    return found as Found;
  };
  return (path, target) => {
    try {
      let at: At | undefined = start;
      let step = rootStep;
      // Inside a flow collection the path goes on through its items, read off its line.
      let flow: FlowNode | undefined;
      for (const seg of path) {
        if (step.value?.flow) {
          flow ??= doc.flowAt(step.value.span.start);
          const next = flowChild(text, flow, seg);
          if (!next) return pick(step, undefined, fallback);
          step = next.step;
          flow = next.node;
          continue;
        }
        if (flow || !at) return pick(step, undefined, fallback);
        const next = child(at, seg);
        if (!next) return pick(step, undefined, fallback);
        step = next.step;
        at = next.child;
      }
      return pick(step, target, fallback);
    } catch (err) {
      if (err instanceof Bail) return undefined;
      throw err;
    }
  };
}

/** One-off form of quickLocator. */
export function quickLocate(text: string, from: number, to: number, path: KeyPath, target?: 'key' | 'value'): Span | undefined {
  return quickLocator(text, from, to)(path, target);
}

function lineStartOffset(text: string, from: number, root: At): number {
  let pos = from;
  for (let i = 0; i < root.line; i++) pos = text.indexOf('\n', pos) + 1;
  return pos + root.col;
}

