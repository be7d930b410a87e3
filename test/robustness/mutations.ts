// Mutations of fixture files, as plain descriptors (so fast-check prints a failing case in full)
// and one function that applies a descriptor to a file's text and returns the bytes to write.
import fc from 'fast-check';
import { isCollection, isMap, isPair, isSeq, parseAllDocuments, type Document, type Node } from 'yaml';

/** What a 10 MB value is made of: realistic blobs, and runs of one character (what makes a regex backtrack). */
export type Fill = 'letters' | 'base64' | 'words' | 'json' | { run: string };

export type Replacement = null | boolean | number | string | Replacement[] | { [key: string]: Replacement };

export type Mutation =
  | { kind: 'truncate'; at: number }
  | { kind: 'swapTypes'; picks: { at: number; value: Replacement }[] }
  | { kind: 'deepNesting'; style: 'flow-seq' | 'flow-map' | 'block-seq' | 'indent'; depth: number; closed: boolean; at: number }
  | { kind: 'hugeScalar'; style: 'plain' | 'double' | 'block' | 'env' | 'replace'; fill: Fill; at: number }
  | { kind: 'randomBytes'; mode: 'insert' | 'overwrite' | 'append'; at: number; bytes: number[] }
  | { kind: 'encoding'; as: 'utf16le-bom' | 'utf16be-bom' | 'utf16le' | 'latin1' | 'utf8-bom' | 'crlf' | 'cr' | 'tabs' };

/**
 * 10k levels, as the issue asks, and depths where one parser copes and a recursive walker may not.
 * Indentation grows quadratically, so that style goes at most 2,000 deep (2 MB).
 */
export const NESTING_DEPTHS = [500, 1_000, 3_000, 10_000];
const MAX_INDENT_DEPTH = 2_000;
export const HUGE_SCALAR_BYTES = 10 * 1024 * 1024;

// Positions in a file, spread evenly (fc.double leans towards 0 and tiny values).
const fraction = fc.integer({ min: 0, max: 10_000 }).map((n) => n / 10_000);

const replacement: fc.Arbitrary<Replacement> = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  fc.constantFrom(-1, 0, 65536, 1e308, -1e-308, 2 ** 53 + 1),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.constantFrom('', ' ', '~', 'null', 'true', '0x1F', '1e3', '512Mi', '-1Gi', 'http', '*', '&a', '!!binary', '${VAR}', '{{ .Values.x }}'),
  fc.constant([] as Replacement[]),
  fc.constant({} as Replacement),
  fc.array(fc.oneof(fc.integer(), fc.string({ maxLength: 8 }), fc.constant(null)), { maxLength: 4 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.oneof(fc.integer(), fc.string({ maxLength: 8 }), fc.boolean()), { maxKeys: 3 }),
);

export const mutationArb = {
  truncate: fc.record({ kind: fc.constant('truncate' as const), at: fraction }),
  swapTypes: fc.record({
    kind: fc.constant('swapTypes' as const),
    picks: fc.array(fc.record({ at: fraction, value: replacement }), { minLength: 1, maxLength: 6 }),
  }),
  deepNesting: fc.record({
    kind: fc.constant('deepNesting' as const),
    style: fc.constantFrom('flow-seq' as const, 'flow-map' as const, 'block-seq' as const, 'indent' as const),
    depth: fc.constantFrom(...NESTING_DEPTHS),
    closed: fc.boolean(),
    at: fraction,
  }),
  hugeScalar: fc.record({
    kind: fc.constant('hugeScalar' as const),
    style: fc.constantFrom('plain' as const, 'double' as const, 'block' as const, 'env' as const, 'replace' as const, 'replace' as const),
    fill: fc.oneof(
      fc.constantFrom<Fill>('letters', 'base64', 'words', 'json'),
      fc.record({ run: fc.constantFrom(' ', '\t', '-', '_', '.', '0', 'a', 'A', '/', '$', '${', '{', '<', '=', ':', '#', '&', '-&x', 'a+', 'c') }),
    ),
    at: fraction,
  }),
  randomBytes: fc.record({
    kind: fc.constant('randomBytes' as const),
    mode: fc.constantFrom('insert' as const, 'overwrite' as const, 'append' as const),
    at: fraction,
    bytes: fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 1, maxLength: 64 }),
  }),
  encoding: fc.record({
    kind: fc.constant('encoding' as const),
    as: fc.constantFrom('utf16le-bom' as const, 'utf16be-bom' as const, 'utf16le' as const, 'latin1' as const, 'utf8-bom' as const, 'crlf' as const, 'cr' as const, 'tabs' as const),
  }),
};

/** The light mutations: cheap enough for many runs, and combinable. */
export const lightMutation: fc.Arbitrary<Mutation> = fc.oneof(
  { arbitrary: mutationArb.truncate, weight: 2 },
  { arbitrary: mutationArb.swapTypes, weight: 4 },
  { arbitrary: mutationArb.randomBytes, weight: 2 },
  { arbitrary: mutationArb.encoding, weight: 2 },
);

/** Apply mutations in order. Text stays a string until an encoding turns it into other bytes. */
export function applyMutations(text: string, path: string, mutations: Mutation[]): Buffer {
  let bytes: Buffer = Buffer.from(text, 'utf8');
  for (const m of mutations) bytes = applyMutation(bytes, path, m);
  return bytes;
}

function applyMutation(bytes: Buffer, path: string, m: Mutation): Buffer {
  const text = bytes.toString('utf8');
  switch (m.kind) {
    case 'truncate':
      return bytes.subarray(0, Math.floor(bytes.length * m.at));
    case 'swapTypes':
      return Buffer.from(isYamlName(path) ? swapYamlValues(text, m.picks) : swapTextValues(text, m.picks), 'utf8');
    case 'deepNesting':
      return Buffer.from(insertAtLine(text, m.at, nested(m.style, m.depth, m.closed, isYamlName(path))), 'utf8');
    case 'hugeScalar':
      if (m.style === 'replace') return Buffer.from(replaceValue(text, m.at, hugeText(m.fill)), 'utf8');
      return Buffer.from(insertAtLine(text, m.at, hugeScalar(m.style, m.fill)), 'utf8');
    case 'randomBytes': {
      const at = Math.floor(bytes.length * m.at);
      const extra = Buffer.from(m.bytes);
      if (m.mode === 'append') return Buffer.concat([bytes, extra]);
      if (m.mode === 'insert') return Buffer.concat([bytes.subarray(0, at), extra, bytes.subarray(at)]);
      return Buffer.concat([bytes.subarray(0, at), extra, bytes.subarray(Math.min(bytes.length, at + extra.length))]);
    }
    case 'encoding':
      return encode(text, m.as);
  }
}

function isYamlName(path: string): boolean {
  return /\.(ya?ml|json)$/i.test(path);
}

/** Offset of the start of the line nearest to `fraction` of the text. */
function lineStartAt(text: string, fraction: number): number {
  const at = Math.floor(text.length * fraction);
  const nl = text.lastIndexOf('\n', at - 1);
  return nl < 0 ? 0 : nl + 1;
}

function insertAtLine(text: string, fraction: number, insert: string): string {
  const at = lineStartAt(text, fraction);
  return text.slice(0, at) + insert + text.slice(at);
}

function nested(style: 'flow-seq' | 'flow-map' | 'block-seq' | 'indent', depth: number, closed: boolean, yamlFile: boolean): string {
  const key = yamlFile ? 'deep: ' : 'DEEP=';
  switch (style) {
    case 'flow-seq':
      return key + '['.repeat(depth) + (closed ? '1' + ']'.repeat(depth) : '') + '\n';
    case 'flow-map':
      return key + '{a: '.repeat(depth) + (closed ? '1' + '}'.repeat(depth) : '') + '\n';
    case 'block-seq':
      // `- - - x`: each dash opens a block sequence one level deeper, on a single line.
      return 'deep:\n' + '- '.repeat(depth) + (closed ? 'x' : '') + '\n';
    case 'indent': {
      const levels = Math.min(depth, MAX_INDENT_DEPTH);
      const lines = ['deep:'];
      for (let i = 1; i < levels; i++) lines.push(' '.repeat(i) + 'k:');
      if (closed) lines.push(' '.repeat(levels) + 'v');
      return lines.join('\n') + '\n';
    }
  }
}

const FILL_UNITS: Record<Exclude<Fill, { run: string }>, string> = {
  letters: 'abcdefghij',
  base64: 'QmFzZTY0K/9aZXhhbXBsZQ==',
  words: 'lorem ipsum dolor ',
  json: '{"k":"v","n":[1,2.5,true]},',
};

/** 10 MB of the fill, ending in a character that stops most patterns from matching. */
function hugeText(fill: Fill): string {
  const unit = typeof fill === 'string' ? FILL_UNITS[fill] : fill.run;
  return unit.repeat(Math.ceil(HUGE_SCALAR_BYTES / unit.length)).slice(0, HUGE_SCALAR_BYTES - 1) + 'x';
}

/** Replace the value of the line nearest `fraction` that has one (`key: value`, `KEY=value`, `CMD args`). */
function replaceValue(text: string, fraction: number, value: string): string {
  const lines = text.split('\n');
  const start = Math.min(lines.length - 1, Math.floor(fraction * lines.length));
  for (let k = 0; k < lines.length; k++) {
    const i = (start + k) % lines.length;
    const m = /^(\s*(?:- )?(?:[\w.\/-]+: |[A-Za-z_][\w.]*=|[A-Z]+ ))\S/.exec(lines[i]);
    if (!m) continue;
    // Double quotes keep any run (leading spaces, `#`, `: `) a value of the same key.
    const yamlLine = m[1].trimEnd().endsWith(':');
    lines[i] = m[1] + (yamlLine ? JSON.stringify(value) : value);
    return lines.join('\n');
  }
  return text + '\n' + value;
}

function hugeScalar(style: 'plain' | 'double' | 'block' | 'env', fill: Fill): string {
  const body = hugeText(fill);
  switch (style) {
    case 'plain':
      return `huge: ${body.trim()}\n`;
    case 'double':
      return `huge: ${JSON.stringify(body)}\n`;
    case 'block':
      return `huge: |\n  ${body}\n`;
    case 'env':
      return `HUGE=${body.trim()}\n`;
  }
}

function encode(text: string, as: Extract<Mutation, { kind: 'encoding' }>['as']): Buffer {
  switch (as) {
    case 'utf16le-bom':
      return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    case 'utf16be-bom':
      return Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]);
    case 'utf16le':
      return Buffer.from(text, 'utf16le');
    case 'latin1':
      // A non-ASCII character makes Latin-1 differ from UTF-8.
      return Buffer.from(text.replace(/(name: )(\S)/, '$1caf\u00e9-$2'), 'latin1');
    case 'utf8-bom':
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    case 'crlf':
      return Buffer.from(text.replace(/\r?\n/g, '\r\n'), 'utf8');
    case 'cr':
      return Buffer.from(text.replace(/\r?\n/g, '\r'), 'utf8');
    case 'tabs':
      return Buffer.from(text.replace(/^( {2})+/gm, (s) => '\t'.repeat(s.length / 2)), 'utf8');
  }
}

/** Replace picked nodes of every YAML document (values, items, whole collections) by other types. */
function swapYamlValues(text: string, picks: { at: number; value: Replacement }[]): string {
  let docs: Document.Parsed[];
  try {
    docs = parseAllDocuments(text, { uniqueKeys: false }) as Document.Parsed[];
  } catch {
    return swapTextValues(text, picks);
  }
  if (!Array.isArray(docs) || docs.some((d) => d.errors.length)) return swapTextValues(text, picks);
  const slots: { doc: Document.Parsed; set: (n: Node) => void }[] = [];
  for (const doc of docs) collectSlots(doc, doc.contents, slots);
  if (!slots.length) return swapTextValues(text, picks);
  for (const pick of picks) {
    const slot = slots[Math.min(slots.length - 1, Math.floor(pick.at * slots.length))];
    slot.set(slot.doc.createNode(pick.value) as Node);
  }
  return docs.map((d) => d.toString({ lineWidth: 0 })).join('');
}

function collectSlots(doc: Document.Parsed, node: unknown, out: { doc: Document.Parsed; set: (n: Node) => void }[]): void {
  if (!isCollection(node)) return;
  if (isMap(node)) {
    for (const pair of node.items) {
      if (!isPair(pair)) continue;
      out.push({ doc, set: (n) => (pair.value = n) });
      collectSlots(doc, pair.value, out);
    }
  } else if (isSeq(node)) {
    node.items.forEach((item, i) => {
      out.push({ doc, set: (n) => (node.items[i] = n) });
      collectSlots(doc, item, out);
    });
  }
}

/** Outside YAML: swap the value after the first `=`, `:` or space of picked lines. */
function swapTextValues(text: string, picks: { at: number; value: Replacement }[]): string {
  const lines = text.split('\n');
  for (const pick of picks) {
    const i = Math.min(lines.length - 1, Math.floor(pick.at * lines.length));
    const m = /^(\s*[^\s=:]+[=:\s]\s*)/.exec(lines[i]);
    const literal = typeof pick.value === 'string' ? pick.value : JSON.stringify(pick.value) ?? '';
    lines[i] = (m ? m[1] : '') + literal.replace(/\n/g, ' ');
  }
  return lines.join('\n');
}
