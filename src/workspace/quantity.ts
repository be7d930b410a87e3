// Kubernetes resource quantities ("100m", "1.5Gi", "1e3"), parsed with the grammar and the
// rounding of apimachinery's ParseQuantity, into an exact integer count of nano-units, so that
// requests and limits compare exactly (no floating point).
//
//   quantity  ::= sign? number suffix
//   number    ::= digits | digits "." digits? | "." digits
//   suffix    ::= "" | n u m k M G T P E        (decimal SI)
//               | Ki Mi Gi Ti Pi Ei              (binary SI)
//               | ("e" | "E") sign? digits      (decimal exponent)
//
// Quirks kept on purpose because the API server has them: surrounding whitespace is trimmed (JSON
// decoding does it), a number without digits ("Mi", ".", "-") reads as 0, "1." is accepted, any
// non-zero amount is rounded away from zero to a whole nano-unit, and binary-suffixed amounts are
// capped at 2^63-1.

export type QuantityFormat = 'DecimalSI' | 'BinarySI' | 'DecimalExponent';

export interface Quantity {
  /** The text as parsed (trimmed). */
  text: string;
  /** Exact value in nano-units (1e-9), after Kubernetes' rounding. */
  nanos: bigint;
  format: QuantityFormat;
  /** Suffix as written: '', 'm', 'Mi', 'e3', ... */
  suffix: string;
  /** False for "Mi", ".", "-": text with no digit, which Kubernetes reads as 0. */
  hasDigits: boolean;
}

export type QuantityResult = { ok: true; quantity: Quantity } | { ok: false; text: string; reason: string };

const DECIMAL_SUFFIXES: Record<string, number> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const BINARY_SUFFIXES: Record<string, number> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };
/** Exponents beyond this are refused rather than expanded (Kubernetes would overflow an int32 scale long before anyone means them). */
const MAX_EXPONENT = 1000;
const NANOS_PER_UNIT = 10n ** 9n;
const BINARY_MAX_NANOS = (2n ** 63n - 1n) * NANOS_PER_UNIT;

export const NANO = 1n;
export const MILLI = 10n ** 6n;
export const UNIT = NANOS_PER_UNIT;
export const KI = 1024n * UNIT;
export const MI = 1024n * KI;
export const GI = 1024n * MI;

/** Parse a quantity as written in YAML (a string, or a number the YAML parser already converted). */
export function parseQuantity(input: unknown): QuantityResult {
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) return { ok: false, text: String(input), reason: 'not a finite number' };
    return parseQuantityText(String(input));
  }
  if (typeof input === 'bigint') return parseQuantityText(input.toString());
  if (typeof input !== 'string') return { ok: false, text: String(input), reason: `a quantity must be a string or a number, not ${input === null ? 'null' : typeof input}` };
  return parseQuantityText(input);
}

function parseQuantityText(raw: string): QuantityResult {
  const text = raw.trim();
  const fail = (reason: string): QuantityResult => ({ ok: false, text: raw, reason });
  if (text === '') return fail('empty quantity');

  // Sign, integer digits, optional fraction: the numeric part.
  let pos = 0;
  let negative = false;
  if (text[0] === '+' || text[0] === '-') {
    negative = text[0] === '-';
    pos++;
  }
  const intStart = pos;
  while (pos < text.length && isDigit(text[pos])) pos++;
  const intDigits = text.slice(intStart, pos);
  let fracDigits = '';
  if (text[pos] === '.') {
    pos++;
    const fracStart = pos;
    while (pos < text.length && isDigit(text[pos])) pos++;
    fracDigits = text.slice(fracStart, pos);
  }

  // Suffix: letters from the suffix alphabet, then an optional signed digit run (an exponent).
  const suffixStart = pos;
  while (pos < text.length && 'eEinumkKMGTP'.includes(text[pos])) pos++;
  if (pos < text.length && (text[pos] === '+' || text[pos] === '-')) pos++;
  while (pos < text.length && isDigit(text[pos])) pos++;
  if (pos < text.length) return fail(`unexpected "${text.slice(pos)}" after "${text.slice(0, pos)}"`);
  const suffix = text.slice(suffixStart);

  const kind = interpretSuffix(suffix);
  if (!kind) return fail(`unknown suffix "${suffix}" (use n, u, m, k, M, G, T, P, E, Ki, Mi, Gi, Ti, Pi, Ei or an exponent like e3)`);
  if (Math.abs(kind.exponent) > MAX_EXPONENT) return fail(`exponent ${kind.exponent} is out of range`);

  // value = digits * 10^-len(frac) * base^exponent, as an exact fraction num/den.
  const digits = BigInt((intDigits + fracDigits) || '0');
  let num = digits * NANOS_PER_UNIT;
  let den = 10n ** BigInt(fracDigits.length);
  if (kind.base === 2) num *= 2n ** BigInt(kind.exponent);
  else if (kind.exponent >= 0) num *= 10n ** BigInt(kind.exponent);
  else den *= 10n ** BigInt(-kind.exponent);

  // Round the magnitude up to a whole nano-unit, then cap binary amounts as the API server does.
  let nanos = (num + den - 1n) / den;
  if (kind.format === 'BinarySI' && nanos > BINARY_MAX_NANOS) nanos = BINARY_MAX_NANOS;
  if (negative) nanos = -nanos;
  return { ok: true, quantity: { text, nanos, format: kind.format, suffix, hasDigits: /\d/.test(intDigits + fracDigits) } };
}

function interpretSuffix(suffix: string): { base: 2 | 10; exponent: number; format: QuantityFormat } | undefined {
  if (suffix in DECIMAL_SUFFIXES) return { base: 10, exponent: DECIMAL_SUFFIXES[suffix], format: 'DecimalSI' };
  if (suffix in BINARY_SUFFIXES) return { base: 2, exponent: BINARY_SUFFIXES[suffix], format: 'BinarySI' };
  if (suffix.length > 1 && (suffix[0] === 'e' || suffix[0] === 'E') && /^[+-]?\d+$/.test(suffix.slice(1))) {
    const exponent = BigInt(suffix.slice(1));
    // Kubernetes parses an int64 and keeps its low 32 bits.
    if (exponent > 2n ** 63n - 1n || exponent < -(2n ** 63n)) return undefined;
    return { base: 10, exponent: Number(BigInt.asIntN(32, exponent)), format: 'DecimalExponent' };
  }
  return undefined;
}

function isDigit(ch: string | undefined): boolean {
  return ch !== undefined && ch >= '0' && ch <= '9';
}

export function compareQuantities(a: Quantity, b: Quantity): -1 | 0 | 1 {
  return a.nanos < b.nanos ? -1 : a.nanos > b.nanos ? 1 : 0;
}

/** A readable amount of bytes: "0.512 bytes", "3 MiB", "1.5 GiB". */
export function describeBytes(nanos: bigint): string {
  const units: [bigint, string][] = [[GI * 1024n, 'TiB'], [GI, 'GiB'], [MI, 'MiB'], [KI, 'KiB']];
  for (const [size, name] of units) if (nanos >= size) return `${decimal(nanos, size)} ${name}`;
  return `${decimal(nanos, UNIT)} bytes`;
}

/** A readable number of cores: "1500 cores", "0.25 cores". */
export function describeCores(nanos: bigint): string {
  return `${decimal(nanos, UNIT)} ${nanos === UNIT ? 'core' : 'cores'}`;
}

/** nanos / unit written with up to 3 decimals (truncated), without trailing zeros. */
function decimal(nanos: bigint, unit: bigint): string {
  const negative = nanos < 0n;
  const abs = negative ? -nanos : nanos;
  const whole = abs / unit;
  const frac = ((abs % unit) * 1000n) / unit;
  const fracText = frac === 0n ? '' : '.' + frac.toString().padStart(3, '0').replace(/0+$/, '');
  return `${negative ? '-' : ''}${whole}${fracText}`;
}
