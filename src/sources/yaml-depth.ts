// How deeply a YAML text may nest, measured in one linear pass before the `yaml` parser sees it.
// That parser recurses per level and overflows the stack somewhere under a thousand levels; after
// such an overflow Node has been seen to abort later parses (V8 "RegExpCompiler Allocation failed"),
// so a document that nests too deeply is refused up front instead of being tried.

/** Far beyond real manifests (the deepest CRD schemas nest well under a hundred levels). */
export const MAX_YAML_NESTING = 256;

/**
 * An upper estimate of the nesting depth of `text`: open block indentation levels plus compact
 * `- `/`? ` indicators on a line plus open flow brackets (outside quotes and comments). Text in
 * block scalars counts as if it were structure, so the estimate errs high, never low. `at` is the
 * offset of the line where the depth first went beyond `limit` (or -1).
 */
export function yamlNestingDepth(text: string, limit = Infinity): { depth: number; at: number } {
  const indents: number[] = [];
  let flow = 0;
  let max = 0;
  let at = -1;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const lineStart = i;
    // Indentation of this line (tabs count as one column: only the order of indents matters).
    let col = 0;
    while (i < n && (text[i] === ' ' || text[i] === '\t')) {
      i++;
      col++;
    }
    const blank = i >= n || text[i] === '\n' || text[i] === '\r' || text[i] === '#';
    if (!blank && flow === 0) {
      while (indents.length && indents[indents.length - 1] >= col) indents.pop();
      indents.push(col);
    }
    // Compact block indicators: `- - - x` opens a sequence per dash on one line.
    let compact = 0;
    while (i + 1 < n && (text[i] === '-' || text[i] === '?') && (text[i + 1] === ' ' || text[i + 1] === '\t')) {
      compact++;
      i += 2;
      while (i < n && (text[i] === ' ' || text[i] === '\t')) i++;
    }
    let quote = '';
    for (; i < n && text[i] !== '\n'; i++) {
      const ch = text[i];
      if (quote) {
        if (ch === '\\' && quote === '"') i++;
        else if (ch === quote) quote = '';
        continue;
      }
      if (ch === '"' || ch === "'") quote = ch;
      else if (ch === '#' && (i === 0 || text[i - 1] === ' ' || text[i - 1] === '\t')) break;
      else if (ch === '[' || ch === '{') {
        flow++;
        if (indents.length + compact + flow > max) max = indents.length + compact + flow;
      } else if ((ch === ']' || ch === '}') && flow > 0) flow--;
    }
    if (indents.length + compact + flow > max) max = indents.length + compact + flow;
    if (at < 0 && max > limit) at = lineStart;
    while (i < n && text[i] !== '\n') i++;
    i++;
  }
  return { depth: max, at };
}
