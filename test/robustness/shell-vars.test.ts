// The linear variable expander gives what the regular expression it replaced gave, without the
// quadratic time on unclosed `${`.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { replaceVars, type VarOp } from '../../src/util/shell-vars.js';

const OLD_DEFAULTS = /\$\{([A-Za-z_][A-Za-z0-9_]*)(?::?-([^}]*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g;
const OLD_WITH_PLUS = /\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-+])([^}]*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g;
const show = (name: string, op?: string, word?: string) => `<${name}|${op ?? ''}|${word ?? ''}>`;

describe('shell variable references', () => {
  it('match the regular expression on arbitrary text', () => {
    const piece = fc.oneof(fc.constantFrom('$', '${', '}', ':-', '-', ':+', '+', 'A', 'b_1', ' ', '$$', '{', '1'), fc.string({ maxLength: 4 }));
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }).map((a) => a.join('')), (text) => {
        const defaults: VarOp[] = [':-', '-'];
        const withPlus: VarOp[] = [':-', '-', ':+', '+'];
        const noOp = (name: string, _op?: string, word?: string) => show(name, undefined, word);
        expect(replaceVars(text, defaults, noOp)).toBe(text.replace(OLD_DEFAULTS, (_m, b, d, bare) => noOp(b ?? bare, undefined, d)));
        expect(replaceVars(text, withPlus, show)).toBe(text.replace(OLD_WITH_PLUS, (_m, b, op, w, bare) => show(b ?? bare, op, w)));
      }),
      { numRuns: 3000 },
    );
  });

  it('reads each form', () => {
    expect(replaceVars('a $X ${Y} ${Z:-d} ${W-e} ${V:+p} $ ${ ${1} ${Q', [':-', '-', ':+', '+'], show)).toBe('a <X||> <Y||> <Z|:-|d> <W|-|e> <V|:+|p> $ ${ ${1} ${Q');
  });

  it('stays linear on a long instruction full of unclosed `${`', () => {
    const text = '${A:-x '.repeat(50_000);
    // Quadratic would be ~10^10 steps here (the test would time out); linear takes milliseconds.
    expect(replaceVars(text, [':-', '-'], show)).toBe(text);
  });
});
