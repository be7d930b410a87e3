// Fingerprints identify a finding across edits: rule, file, resource and path, never a line number.
// (crypto.hash, one call per digest, is two to three times faster than createHash for short input.)
import { hash } from 'node:crypto';

export function fingerprint(parts: (string | undefined)[]): string {
  return hash('sha256', parts.map((p) => p ?? '').join('\u0000')).slice(0, 24);
}

export function sha256(text: string): string {
  return hash('sha256', text);
}
