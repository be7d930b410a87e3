// Lexer for Go text/template source: splits text from actions and tokenises action bodies.
// Positions are character offsets into the template text; parse errors carry them.

export type TokKind =
  | 'text' | 'leftDelim' | 'rightDelim' | 'comment' | 'space'
  | 'identifier' | 'keyword' | 'field' | 'variable' | 'dot' | 'nil' | 'bool'
  | 'number' | 'string' | 'rawString' | 'char'
  | 'pipe' | 'leftParen' | 'rightParen' | 'declare' | 'assign' | 'comma' | 'eof';

export interface Token {
  kind: TokKind;
  /** Raw text of the token (for text tokens: after trimming). */
  val: string;
  pos: number;
  /** For text tokens: the offset of `val` in the source (trimming may move it). */
  end?: number;
  /** For leftDelim: the action began with a trim marker. */
  trim?: boolean;
}

export class TemplateSyntaxError extends Error {
  constructor(message: string, readonly pos: number) {
    super(message);
  }
}

const KEYWORDS = new Set(['block', 'break', 'continue', 'define', 'else', 'end', 'if', 'range', 'template', 'with']);
const LEFT = '{{';
const RIGHT = '}}';

function isSpace(c: string): boolean {
  return c === ' ' || c === '\t' || c === '\r' || c === '\n';
}

function isAlnum(c: string): boolean {
  return c === '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || (c > '\x7f' && /[\p{L}\p{Nd}]/u.test(c));
}

/** Tokenise a whole template. Throws TemplateSyntaxError on malformed actions. */
export function lex(src: string): Token[] {
  const out: Token[] = [];
  let pos = 0;
  let trimNextText = false;
  while (pos <= src.length) {
    const open = src.indexOf(LEFT, pos);
    const textEnd = open < 0 ? src.length : open;
    // Is the next action a left-trim one (`{{- `)?
    const leftTrim = open >= 0 && src[open + 2] === '-' && isSpace(src[open + 3] ?? '');
    let tStart = pos;
    let tEnd = textEnd;
    if (trimNextText) while (tStart < tEnd && isSpace(src[tStart])) tStart++;
    if (leftTrim) while (tEnd > tStart && isSpace(src[tEnd - 1])) tEnd--;
    if (tEnd > tStart) out.push({ kind: 'text', val: src.slice(tStart, tEnd), pos: tStart, end: tEnd });
    if (open < 0) break;
    pos = lexAction(src, open, leftTrim, out);
    trimNextText = out[out.length - 1].trim === true;
  }
  out.push({ kind: 'eof', val: '', pos: src.length });
  return out;
}

/** Lex one action starting at `open` (the `{{`). Returns the offset after `}}`. The last token pushed is the rightDelim. */
function lexAction(src: string, open: number, leftTrim: boolean, out: Token[]): number {
  let p = open + 2 + (leftTrim ? 2 : 0);
  // Comments must follow the delimiter directly.
  if (src.startsWith('/*', p)) {
    const close = src.indexOf('*/', p + 2);
    if (close < 0) throw new TemplateSyntaxError('unclosed comment', open);
    let q = close + 2;
    let rightTrim = false;
    if (isSpace(src[q] ?? '') && src[q + 1] === '-' && src.startsWith(RIGHT, q + 2)) {
      rightTrim = true;
      q += 2;
    }
    if (!src.startsWith(RIGHT, q)) throw new TemplateSyntaxError('comment ends before closing delimiter', open);
    out.push({ kind: 'comment', val: src.slice(p, close + 2), pos: open });
    out.push({ kind: 'rightDelim', val: RIGHT, pos: q, trim: rightTrim });
    return q + 2;
  }
  out.push({ kind: 'leftDelim', val: LEFT, pos: open, trim: leftTrim });
  let parenDepth = 0;
  for (;;) {
    // Right delimiter, possibly with a trim marker before it.
    if (isSpace(src[p] ?? '') && src[p + 1] === '-' && src.startsWith(RIGHT, p + 2)) {
      if (parenDepth) throw new TemplateSyntaxError('unclosed left paren', p);
      out.push({ kind: 'rightDelim', val: RIGHT, pos: p + 2, trim: true });
      return p + 4;
    }
    if (src.startsWith(RIGHT, p)) {
      if (parenDepth) throw new TemplateSyntaxError('unclosed left paren', p);
      out.push({ kind: 'rightDelim', val: RIGHT, pos: p, trim: false });
      return p + 2;
    }
    if (p >= src.length) throw new TemplateSyntaxError('unclosed action', open);
    const c = src[p];
    const start = p;
    if (isSpace(c)) {
      while (p < src.length && isSpace(src[p]) && !(src[p + 1] === '-' && src.startsWith(RIGHT, p + 2) && isSpace(src[p]))) p++;
      if (p === start) p++;
      out.push({ kind: 'space', val: src.slice(start, p), pos: start });
      continue;
    }
    if (c === '=') { out.push({ kind: 'assign', val: '=', pos: p }); p++; continue; }
    if (c === ':') {
      if (src[p + 1] !== '=') throw new TemplateSyntaxError('expected :=', p);
      out.push({ kind: 'declare', val: ':=', pos: p }); p += 2; continue;
    }
    if (c === '|') { out.push({ kind: 'pipe', val: '|', pos: p }); p++; continue; }
    if (c === ',') { out.push({ kind: 'comma', val: ',', pos: p }); p++; continue; }
    if (c === '(') { parenDepth++; out.push({ kind: 'leftParen', val: '(', pos: p }); p++; continue; }
    if (c === ')') {
      if (--parenDepth < 0) throw new TemplateSyntaxError('unexpected right paren', p);
      out.push({ kind: 'rightParen', val: ')', pos: p }); p++; continue;
    }
    if (c === '"') { p = lexQuote(src, p, '"'); out.push({ kind: 'string', val: src.slice(start, p), pos: start }); continue; }
    if (c === "'") { p = lexQuote(src, p, "'"); out.push({ kind: 'char', val: src.slice(start, p), pos: start }); continue; }
    if (c === '`') {
      const close = src.indexOf('`', p + 1);
      if (close < 0) throw new TemplateSyntaxError('unterminated raw quoted string', p);
      p = close + 1;
      out.push({ kind: 'rawString', val: src.slice(start, p), pos: start });
      continue;
    }
    if (c === '$') {
      p++;
      while (p < src.length && isAlnum(src[p])) p++;
      out.push({ kind: 'variable', val: src.slice(start, p), pos: start });
      continue;
    }
    if (c === '.') {
      const n = src[p + 1] ?? '';
      if (n >= '0' && n <= '9') { p = lexNumber(src, p); out.push({ kind: 'number', val: src.slice(start, p), pos: start }); continue; }
      p++;
      if (isAlnum(n)) {
        while (p < src.length && isAlnum(src[p])) p++;
        out.push({ kind: 'field', val: src.slice(start, p), pos: start });
      } else {
        out.push({ kind: 'dot', val: '.', pos: start });
      }
      continue;
    }
    if (c === '+' || c === '-' || (c >= '0' && c <= '9')) {
      p = lexNumber(src, p);
      out.push({ kind: 'number', val: src.slice(start, p), pos: start });
      continue;
    }
    if (isAlnum(c)) {
      while (p < src.length && isAlnum(src[p])) p++;
      const word = src.slice(start, p);
      const kind: TokKind = KEYWORDS.has(word) ? 'keyword' : word === 'true' || word === 'false' ? 'bool' : word === 'nil' ? 'nil' : 'identifier';
      out.push({ kind, val: word, pos: start });
      continue;
    }
    throw new TemplateSyntaxError(`unrecognized character in action: ${JSON.stringify(c)}`, p);
  }
}

function lexQuote(src: string, p: number, q: string): number {
  let i = p + 1;
  while (i < src.length) {
    const c = src[i];
    if (c === '\\') { i += 2; continue; }
    if (c === '\n') break;
    if (c === q) return i + 1;
    i++;
  }
  throw new TemplateSyntaxError(q === '"' ? 'unterminated quoted string' : 'unterminated character constant', p);
}

function lexNumber(src: string, p: number): number {
  let i = p;
  if (src[i] === '+' || src[i] === '-') i++;
  let digits = '0123456789_';
  if (src[i] === '0' && /[xXoObB]/.test(src[i + 1] ?? '')) {
    const b = src[i + 1].toLowerCase();
    digits = b === 'x' ? '0123456789abcdefABCDEF_' : b === 'o' ? '01234567_' : '01_';
    i += 2;
  }
  while (i < src.length && digits.includes(src[i])) i++;
  if (src[i] === '.') { i++; while (i < src.length && digits.includes(src[i])) i++; }
  const exp = digits.length > 20 ? 'pP' : 'eE';
  if (exp.includes(src[i] ?? '')) {
    i++;
    if (src[i] === '+' || src[i] === '-') i++;
    while (i < src.length && '0123456789_'.includes(src[i])) i++;
  }
  if (src[i] === 'i') i++;
  if (i < src.length && isAlnum(src[i])) throw new TemplateSyntaxError(`bad number syntax: ${JSON.stringify(src.slice(p, i + 1))}`, p);
  return i;
}
