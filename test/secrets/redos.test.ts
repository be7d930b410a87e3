// Every expression must be safe from catastrophic backtracking: bounded quantifiers only and no
// quantified group that itself holds a quantifier. Checked on the expressions' shapes, then by
// running every detector over adversarial 100 KB inputs (a hang fails the test by its timeout).
import { describe, expect, it } from 'vitest';
import { DETECTORS, runPattern } from '../../src/secrets/detectors.js';
import { scanText } from '../../src/secrets/scan-text.js';

/** Problems of a regex source: unbounded quantifiers and quantified groups containing quantifiers. */
function shapeProblems(source: string): string[] {
  const problems: string[] = [];
  // Per open group: does it contain a quantifier?
  const groups: boolean[] = [];
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i];
    if (ch === '\\') {
      i++;
      continue;
    }
    if (inClass) {
      if (ch === ']') inClass = false;
      continue;
    }
    if (ch === '[') {
      inClass = true;
      continue;
    }
    if (ch === '(') {
      groups.push(false);
      continue;
    }
    let quantifier = '';
    if (ch === '*' || ch === '+') quantifier = ch;
    else if (ch === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(source.slice(i));
      if (m) {
        quantifier = m[0];
        if (m[2] !== undefined && m[3] === '') problems.push(`unbounded ${m[0]} at ${i}`);
      }
    } else if (ch === '?' && source[i - 1] !== '(' && !/[*+?}]/.test(source[i - 1])) {
      quantifier = '?';
    }
    if (quantifier === '*' || quantifier === '+') problems.push(`unbounded ${quantifier} at ${i}`);
    if (quantifier && groups.length) groups[groups.length - 1] = true;
    if (ch === ')') {
      const hadQuantifier = groups.pop() ?? false;
      const next = source[i + 1];
      const quantified = next === '*' || next === '+' || (next === '{' && /^\{\d+(,\d*)?\}/.test(source.slice(i + 1))) || (next === '?' && source[i + 2] !== undefined);
      if (quantified && hadQuantifier && next !== '?') problems.push(`quantified group containing a quantifier, ending at ${i}`);
      if (groups.length && (hadQuantifier || quantified)) groups[groups.length - 1] = true;
    }
  }
  return problems;
}

describe('regular expressions are safe from catastrophic backtracking', () => {
  it('the shape checker catches the classic bad patterns', () => {
    expect(shapeProblems('(a+)+$')).not.toEqual([]);
    expect(shapeProblems('(?:a{1,5}){1,5}')).not.toEqual([]);
    expect(shapeProblems('x.*y')).not.toEqual([]);
    expect(shapeProblems('a{2,}')).not.toEqual([]);
    expect(shapeProblems('[a-z+*]{1,20}\\+x')).toEqual([]);
  });

  for (const d of DETECTORS.filter((x) => x.pattern)) {
    it(`${d.id}: bounded quantifiers, no nested quantified groups`, () => {
      expect(shapeProblems(d.pattern!.source)).toEqual([]);
    });
  }

  const SIZE = 100 * 1024;
  const fill = (unit: string) => unit.repeat(Math.ceil(SIZE / unit.length)).slice(0, SIZE);
  const keywordInputs = DETECTORS.flatMap((d) => d.keywords).flatMap((k) => [
    fill(`${k}a`),
    fill(`${k}=`),
    fill(`${k}: ${'A1b2'.repeat(30)} `),
    `${k}${fill('9')}`,
    `${k}${fill('aZ0_-')}`,
  ]);
  const generic = [
    fill('a'),
    fill('A'),
    fill('-'),
    fill(' '),
    fill('\n'),
    fill('eyJ'),
    fill('eyJa.'),
    fill('a://'),
    fill('a:b@'),
    `x://${fill('a:')}`,
    `curl -u ${fill('a')}`,
    fill('curl -u a:'),
    fill('-----BEGIN PRIVATE KEY-----\n'),
    `-----BEGIN RSA PRIVATE KEY-----\n${fill('QUJD\n')}`,
    fill('password = "'),
    fill('password: a'),
    fill('A'.repeat(60) + '='),
    fill('sk-T3BlbkFJ'),
    fill('Password=a;'),
    fill('xoxb-1'),
    fill('AccountKey='),
    fill('?sig=a&sv=2020-01-01'),
  ];

  it('every detector completes on adversarial 100 KB inputs', () => {
    for (const input of [...generic, ...keywordInputs]) {
      for (const d of DETECTORS) {
        const result = d.find ? d.find(input) : runPattern(d, input);
        expect(Array.isArray(result)).toBe(true);
      }
    }
  }, 120_000);

  it('the whole scanner completes on the same inputs', () => {
    for (const input of generic) expect(Array.isArray(scanText(input))).toBe(true);
  }, 120_000);
});
