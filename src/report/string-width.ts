// Stand-in for `string-width`, which eslint-formatter-pretty uses to align its columns. The real
// module costs ~25 ms at start-up (an Intl.Segmenter and Unicode-property regular expressions
// built on load), a big share of a one-file pre-commit scan. Lines kubelint prints are almost
// always plain ASCII: those are measured by length; anything else is measured per code point
// (wide East Asian characters and emoji take two columns, marks and controls none), with the
// Unicode expressions built on first use.
import { eastAsianWidth } from 'get-east-asian-width';

const ANSI = /\u001B\[[0-9;]*[A-Za-z]|\u001B\]8;;[^\u0007\u001B]*(?:\u0007|\u001B\\)/g;
const PRINTABLE_ASCII = /^[\u0020-\u007E]*$/;

let zeroWidth: RegExp | undefined;
let pictographic: RegExp | undefined;

export default function stringWidth(input: unknown, options: { countAnsiEscapeCodes?: boolean; ambiguousIsNarrow?: boolean } = {}): number {
  if (typeof input !== 'string' || input.length === 0) return 0;
  const text = options.countAnsiEscapeCodes ? input : input.replace(ANSI, '');
  if (PRINTABLE_ASCII.test(text)) return text.length;
  zeroWidth ??= /^[\p{Mn}\p{Me}\p{Cc}\p{Cf}\p{Cs}\u200B-\u200F\uFE00-\uFE0F]$/u;
  pictographic ??= /^\p{Extended_Pictographic}$/u;
  let width = 0;
  let afterJoiner = false;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (zeroWidth.test(ch)) {
      afterJoiner = cp === 0x200d;
      continue;
    }
    // An emoji joined to the previous one (family, flag sequences) shares its two columns.
    if (pictographic.test(ch)) {
      if (!afterJoiner) width += 2;
    } else {
      width += eastAsianWidth(cp, { ambiguousAsWide: options.ambiguousIsNarrow === false });
    }
    afterJoiner = false;
  }
  return width;
}
