// Secrets never leave kubelint in full: messages show a short prefix and a fixed mask, and
// fingerprints carry a hash of the secret, never the secret itself.
import { createHash } from 'node:crypto';

const MASK = '****';

/**
 * A short, recognisable prefix followed by a fixed mask: `ghp_****`, `hun****`. The prefix is at
 * most 4 characters and at most a quarter of the secret, and the mask does not reveal the length.
 */
export function redact(secret: string): string {
  const s = secret.trim();
  const shown = Math.min(4, Math.floor(s.length / 4));
  // Stop the prefix at a line break so a multi-line secret shows as one short token.
  const prefix = s.slice(0, shown).split(/[\r\n]/)[0];
  return `${prefix}${MASK}`;
}

/** Hex SHA-256 of a secret: the same leaked value hashes the same everywhere. */
export function secretHash(secret: string): string {
  return createHash('sha256').update(secret.trim(), 'utf8').digest('hex');
}

/** The fingerprintKey a secret rule reports: rule id plus the secret's hash (never the secret). */
export function secretFingerprintKey(ruleId: string, secret: string): string {
  return `${ruleId}:${secretHash(secret)}`;
}
