// Fingerprints identify a finding across edits: rule, file, resource and path, never a line number.
import { createHash } from 'node:crypto';

export function fingerprint(parts: (string | undefined)[]): string {
  return createHash('sha256').update(parts.map((p) => p ?? '').join('\u0000')).digest('hex').slice(0, 24);
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
