// The bundle's stand-in for string-width measures what the pretty formatter prints (the expected
// widths are what string-width 7 gives).
import { describe, expect, it } from 'vitest';
import stringWidth from '../src/report/string-width.js';

describe('string width', () => {
  it('counts columns as a terminal shows them', () => {
    expect(stringWidth('')).toBe(0);
    expect(stringWidth('12:5')).toBe(4);
    expect(stringWidth('\u001B[31mred\u001B[39m')).toBe(3);
    expect(stringWidth('\u001B[31mred\u001B[39m', { countAnsiEscapeCodes: true })).toBe(11);
    expect(stringWidth('\u001B]8;;https://example.com\u0007link\u001B]8;;\u0007')).toBe(4);
    expect(stringWidth('naïve café')).toBe(10);
    expect(stringWidth('e\u0301')).toBe(1);
    expect(stringWidth('日本語')).toBe(6);
    expect(stringWidth('ｆｕｌｌ')).toBe(8);
    expect(stringWidth('ok ✅')).toBe(5);
    expect(stringWidth('👨‍👩‍👧')).toBe(2);
    expect(stringWidth('a\tb')).toBe(2);
    expect(stringWidth('±§')).toBe(2);
    expect(stringWidth('±§', { ambiguousIsNarrow: false })).toBe(4);
    expect(stringWidth(42)).toBe(0);
  });
});
