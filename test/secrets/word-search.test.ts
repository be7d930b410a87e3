// The keyword pre-filter finds exactly the words a plain `includes` finds, whatever anchors it picks.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DETECTORS } from '../../src/secrets/detectors.js';
import { wordSearch } from '../../src/secrets/word-search.js';

const byIncludes = (words: string[], text: string) => new Set(words.filter((w) => text.includes(w)));

describe('word search', () => {
  it('finds the words includes() finds, on random words and texts', () => {
    const alphabet = fc.constantFrom('a', 'b', 'c', '_', '-', '.', 'k', 'e', 'y', 'x', 'o', ' ', '\n');
    const word = fc.array(alphabet, { minLength: 1, maxLength: 6 }).map((a) => a.join(''));
    fc.assert(
      fc.property(fc.uniqueArray(word, { minLength: 1, maxLength: 12 }), fc.array(alphabet, { maxLength: 200 }), (words, chars) => {
        const text = chars.join('');
        // Plant some of the words so that hits are common too.
        const planted = text + words.filter((_, i) => i % 3 === 0).join('');
        // planAfter 0: the anchors, as on a big scan; the default: word by word, as on a small one.
        for (const search of [wordSearch(words, 0), wordSearch(words)]) {
          expect(search.present(planted)).toEqual(byIncludes(words, planted));
          expect(search.present(text)).toEqual(byIncludes(words, text));
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('finds the credential keywords at the start, the end and overlapping each other', () => {
    const words = [...new Set(DETECTORS.flatMap((d) => [...d.keywords, ...(d.requires ?? [])]))];
    const search = wordSearch(words, 0);
    for (const w of words) {
      for (const text of [w, `x${w}`, `${w}x`, `a: ${w}${w}\n`]) expect(search.present(text).has(w)).toBe(true);
    }
    const text = 'aws_secret_key: ghp_x glpat-y xoxb-z sk_live_ hooks.slack.com';
    expect(search.present(text)).toEqual(byIncludes(words, text));
    expect(search.present('apiVersion: v1\nkind: ConfigMap\n').size).toBe(0);
  });

  it('ignores empty words', () => {
    expect(wordSearch(['', 'ab'], 0).present('xab')).toEqual(new Set(['ab']));
    expect(wordSearch(['', 'ab']).present('xab')).toEqual(new Set(['ab']));
  });
});
