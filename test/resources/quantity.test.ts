import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compareQuantities, describeBytes, describeCores, GI, KI, MI, parseQuantity, UNIT, type Quantity } from '../../src/workspace/quantity.js';

function q(input: unknown): Quantity {
  const r = parseQuantity(input);
  if (!r.ok) throw new Error(`expected ${String(input)} to parse: ${r.reason}`);
  return r.quantity;
}
const nanos = (input: unknown) => q(input).nanos;

describe('parseQuantity', () => {
  it('reads decimal SI suffixes', () => {
    expect(nanos('100m')).toBe(100n * 10n ** 6n);
    expect(nanos('1')).toBe(UNIT);
    expect(nanos('2k')).toBe(2000n * UNIT);
    expect(nanos('128M')).toBe(128n * 10n ** 6n * UNIT);
    expect(nanos('1G')).toBe(10n ** 9n * UNIT);
    expect(nanos('3T')).toBe(3n * 10n ** 12n * UNIT);
    expect(nanos('1P')).toBe(10n ** 15n * UNIT);
    expect(nanos('1E')).toBe(10n ** 18n * UNIT);
    expect(nanos('5u')).toBe(5000n);
    expect(nanos('7n')).toBe(7n);
  });

  it('reads binary SI suffixes', () => {
    expect(nanos('1Ki')).toBe(KI);
    expect(nanos('128Mi')).toBe(128n * MI);
    expect(nanos('1.5Gi')).toBe(3n * GI / 2n);
    expect(nanos('2Ti')).toBe(2n * 1024n * GI);
    expect(nanos('1Pi')).toBe(2n ** 50n * UNIT);
    expect(nanos('1Ei')).toBe(2n ** 60n * UNIT);
  });

  it('reads decimal exponents in both cases and with signs', () => {
    expect(nanos('1e3')).toBe(1000n * UNIT);
    expect(nanos('1E3')).toBe(1000n * UNIT);
    expect(nanos('1.5e+3')).toBe(1500n * UNIT);
    expect(nanos('25e-3')).toBe(25n * 10n ** 6n);
    expect(q('1e3').format).toBe('DecimalExponent');
    // "E" alone is exa, not an exponent.
    expect(q('1E').format).toBe('DecimalSI');
  });

  it('reads plain numbers, fractions and numbers the YAML parser already converted', () => {
    expect(nanos('0.5')).toBe(UNIT / 2n);
    expect(nanos('.5')).toBe(UNIT / 2n);
    expect(nanos('1.')).toBe(UNIT);
    expect(nanos('+2')).toBe(2n * UNIT);
    expect(nanos('-1')).toBe(-UNIT);
    expect(nanos(0.25)).toBe(UNIT / 4n);
    expect(nanos(1500)).toBe(1500n * UNIT);
    expect(nanos(1e21)).toBe(10n ** 21n * UNIT);
    expect(nanos(' 1Gi\n')).toBe(GI);
  });

  it('keeps the API server quirks: digitless numbers are 0, sub-nano amounts round away from zero', () => {
    expect(nanos('Mi')).toBe(0n);
    expect(q('Mi').hasDigits).toBe(false);
    expect(nanos('.')).toBe(0n);
    expect(nanos('0.0000000001')).toBe(1n);
    expect(nanos('-0.0000000001')).toBe(-1n);
    expect(nanos('1.0000000001')).toBe(UNIT + 1n);
    expect(nanos('0')).toBe(0n);
  });

  it('caps binary amounts at 2^63-1 like the API server', () => {
    expect(nanos('100000000Ei')).toBe((2n ** 63n - 1n) * UNIT);
    expect(nanos('100000000E')).toBe(10n ** 26n * UNIT);
  });

  it('is exact where floating point is not', () => {
    // 0.1 + 0.2 style: 300m equals 0.3 exactly.
    expect(nanos('0.3')).toBe(nanos('300m'));
    expect(nanos('1000Mi')).toBeLessThan(nanos('1Gi'));
    expect(nanos('1Gi')).toBeGreaterThan(nanos('1G'));
    expect(nanos('1024Mi')).toBe(nanos('1Gi'));
    expect(nanos('9007199254740993')).toBe(9007199254740993n * UNIT);
  });

  it.each([
    ['', 'empty'],
    ['1KiB', 'unexpected'],
    ['512MB', 'unexpected'],
    ['1mi', 'unknown suffix'],
    ['1K', 'unknown suffix'],
    ['1e', 'unknown suffix'],
    ['1Ee3', 'unknown suffix'],
    ['1.5.5', 'unexpected'],
    ['1 Gi', 'unexpected'],
    ['abc', 'unexpected'],
    ['1e99999', 'out of range'],
    ['++1', 'unknown suffix'],
  ])('rejects %j', (input, reason) => {
    const r = parseQuantity(input);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toContain(reason);
  });

  it('rejects values of the wrong type', () => {
    expect(parseQuantity(null).ok).toBe(false);
    expect(parseQuantity({ a: 1 }).ok).toBe(false);
    expect(parseQuantity(Number.NaN).ok).toBe(false);
  });

  it('orders integers written with any suffix the way their values order', () => {
    const suffixes: [string, bigint][] = [['', UNIT], ['k', 1000n * UNIT], ['Ki', KI], ['M', 10n ** 6n * UNIT], ['Mi', MI], ['m', 10n ** 6n]];
    fc.assert(
      fc.property(fc.nat(1_000_000), fc.constantFrom(...suffixes), fc.nat(1_000_000), fc.constantFrom(...suffixes), (a, sa, b, sb) => {
        const qa = q(`${a}${sa[0]}`);
        const qb = q(`${b}${sb[0]}`);
        const va = BigInt(a) * sa[1];
        const vb = BigInt(b) * sb[1];
        expect(compareQuantities(qa, qb)).toBe(va < vb ? -1 : va > vb ? 1 : 0);
      }),
    );
  });

  it('reads a decimal fraction exactly', () => {
    fc.assert(
      fc.property(fc.nat(10 ** 6), fc.nat(999), (whole, milli) => {
        const text = `${whole}.${String(milli).padStart(3, '0')}`;
        expect(nanos(text)).toBe(BigInt(whole) * UNIT + BigInt(milli) * 10n ** 6n);
        expect(nanos(text)).toBe(nanos(`${whole * 1000 + milli}m`));
      }),
    );
  });
});

describe('describe helpers', () => {
  it('writes bytes and cores readably', () => {
    expect(describeBytes(nanos('512m'))).toBe('0.512 bytes');
    expect(describeBytes(nanos('3Mi'))).toBe('3 MiB');
    expect(describeBytes(nanos('1.5Gi'))).toBe('1.5 GiB');
    expect(describeCores(nanos('1500'))).toBe('1500 cores');
    expect(describeCores(nanos('250m'))).toBe('0.25 cores');
    expect(describeCores(nanos('1'))).toBe('1 core');
  });
});
