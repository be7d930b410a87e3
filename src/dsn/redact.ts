// Passwords never appear in full in a message. A local minimal mask until the shared
// `redact` of src/secrets/ is available: a short prefix, then a fixed-width mask.

export function maskSecret(secret: string): string {
  if (secret.length <= 4) return '****';
  const shown = Math.min(3, Math.floor(secret.length / 4));
  return `${secret.slice(0, shown)}****`;
}

/** The connection string with its password masked, for quoting in messages. */
export function maskedConnectionString(text: string, password: { start: number; end: number } | undefined, offset = 0): string {
  if (!password) return text;
  const s = password.start - offset;
  const e = password.end - offset;
  return text.slice(0, s) + maskSecret(text.slice(s, e)) + text.slice(e);
}
