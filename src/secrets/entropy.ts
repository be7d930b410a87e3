// Shannon entropy, the gate for generic "secret-named key = random-looking value" findings.

/** Bits of entropy per character of `s`. */
export function shannonEntropy(s: string): number {
  if (!s) return 0;
  const counts = new Map<string, number>();
  for (const ch of s) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let h = 0;
  const n = [...s].length;
  for (const c of counts.values()) {
    const p = c / n;
    h -= p * Math.log2(p);
  }
  return h;
}

/** How many of: lower case, upper case, digits, symbols. */
export function charClassCount(s: string): number {
  return [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(s)).length;
}

/**
 * A value random enough to be a generated credential rather than a word or a setting:
 * at least 8 characters, 3 bits of entropy per character, and two character classes.
 */
export function looksRandom(s: string, minLength = 8, minEntropy = 3): boolean {
  return s.length >= minLength && shannonEntropy(s) >= minEntropy && charClassCount(s) >= 2;
}
