// Values parsed on the main thread get strings of their own, so they do not keep the document
// texts alive once the texts are dropped: same values, same key order, same types.
import fc from 'fast-check';
import jsYaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { ownStrings } from '../src/util/own-strings.js';

describe('ownStrings', () => {
  it('leaves every value equal, key order included', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const copy = structuredClone(value);
        ownStrings(copy);
        expect(copy).toStrictEqual(value);
        if (copy !== null && typeof copy === 'object') expect(JSON.stringify(copy)).toBe(JSON.stringify(value));
      }),
      { numRuns: 300 },
    );
  });

  it('copies the long scalars of a parsed document in place', () => {
    const text = 'metadata:\n  name: a-name-longer-than-thirteen\n  labels: { app: web }\nitems: [short, another-long-string-value]\n';
    const value = jsYaml.load(text) as any;
    const before = JSON.stringify(value);
    const items = value.items;
    ownStrings(value);
    expect(JSON.stringify(value)).toBe(before);
    // Same containers, new strings where they were long enough to be slices.
    expect(value.items).toBe(items);
    expect(value.metadata.name).toBe('a-name-longer-than-thirteen');
    expect(value.items).toEqual(['short', 'another-long-string-value']);
  });
});
