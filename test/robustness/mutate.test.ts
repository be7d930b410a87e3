// Property tests: fixture files mutated in many ways never make the scan throw, hang, report a rule
// error or change what is reported about untouched files beside them. The number of runs is bounded
// so the file stays well under a minute on two busy cores; KUBELINT_PROPERTY_RUNS=<n> multiplies it
// for a longer hunt.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkMutated, FIXTURE_FILES, untouchedAlone, YAML_FIXTURES, type MutatedFile } from './harness.js';
import { lightMutation, mutationArb, type Mutation } from './mutations.js';

const SCALE = Math.max(1, Number(process.env.KUBELINT_PROPERTY_RUNS) || 1);
const runs = (n: number) => ({ numRuns: n * SCALE, endOnFailure: true });
const TIMEOUT = 60_000 * SCALE;

const anyFixture = fc.constantFrom(...FIXTURE_FILES.map((f) => f.rel));
const yamlFixture = fc.constantFrom(...YAML_FIXTURES.map((f) => f.rel));

function files(fixture: fc.Arbitrary<string>, mutation: fc.Arbitrary<Mutation>, max = 3): fc.Arbitrary<MutatedFile[]> {
  return fc.array(fc.record({ fixture, mutations: fc.array(mutation, { minLength: 1, maxLength: 3 }) }), { minLength: 1, maxLength: max });
}

beforeAll(async () => {
  // The untouched files must say something, or comparing their findings proves nothing.
  expect((await untouchedAlone()).length).toBeGreaterThan(10);
}, TIMEOUT);

describe('mutated fixtures', () => {
  it('values swapped for other types in YAML documents', async () => {
    await fc.assert(fc.asyncProperty(files(yamlFixture, mutationArb.swapTypes), (f) => checkMutated(f).then(() => true)), runs(40));
  }, TIMEOUT);

  it('truncation, random bytes, encodings, CRLF, BOM and tabs, combined, on any fixture', async () => {
    await fc.assert(fc.asyncProperty(files(anyFixture, lightMutation), (f) => checkMutated(f).then(() => true)), runs(40));
  }, TIMEOUT);

  it('10k levels of nesting', async () => {
    await fc.assert(fc.asyncProperty(files(anyFixture, mutationArb.deepNesting, 1), (f) => checkMutated(f).then(() => true)), runs(8));
  }, TIMEOUT);

  it('a 10 MB scalar', async () => {
    await fc.assert(fc.asyncProperty(files(anyFixture, mutationArb.hugeScalar, 1).filter((f) => f[0].mutations.length === 1), (f) => checkMutated(f).then(() => true)), runs(3));
  }, TIMEOUT);
});
