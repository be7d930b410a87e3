// `$NAME`, `${NAME}` and `${NAME<op>word}` references, replaced in one left-to-right pass. A
// regular expression for this rescans the rest of the text from every unclosed `${`, which is
// quadratic on a long instruction full of them; here the search for a closing `}` that failed
// once is never repeated (there is no `}` after a later position either).

/** Operators between the name and the word: `-`/`:-` (default) and, where allowed, `+`/`:+`. */
export type VarOp = '-' | ':-' | '+' | ':+';

const isNameStart = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
const isNameChar = (c: number) => isNameStart(c) || (c >= 48 && c <= 57);

/**
 * Replace each reference by `replace(name, op, word)`. `ops` lists the operators understood
 * inside braces; `${NAME` followed by anything else is left as text, as is an unclosed `${`.
 */
export function replaceVars(text: string, ops: readonly VarOp[], replace: (name: string, op?: VarOp, word?: string) => string): string {
  let out = '';
  let copied = 0;
  let noCloseFrom = Infinity;
  for (let i = text.indexOf('$'); i >= 0 && i < text.length; i = text.indexOf('$', i)) {
    const braced = text.charCodeAt(i + 1) === 123; // {
    let p = braced ? i + 2 : i + 1;
    if (!isNameStart(text.charCodeAt(p))) {
      i++;
      continue;
    }
    const nameStart = p;
    while (isNameChar(text.charCodeAt(p))) p++;
    const name = text.slice(nameStart, p);
    let end = p;
    let op: VarOp | undefined;
    let word: string | undefined;
    if (braced) {
      if (text[p] !== '}') {
        op = ops.find((o) => text.startsWith(o, p));
        const close = op && p + op.length < noCloseFrom ? text.indexOf('}', p + op.length) : -1;
        if (!op || close < 0) {
          if (op) noCloseFrom = Math.min(noCloseFrom, p + op.length);
          i++;
          continue;
        }
        word = text.slice(p + op.length, close);
        p = close;
      }
      end = p + 1;
    }
    out += text.slice(copied, i) + replace(name, op, word);
    copied = end;
    i = end;
  }
  return copied ? out + text.slice(copied) : text;
}
