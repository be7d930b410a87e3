// Passwords never appear in full in a message: the shared `redact` shows a short prefix and a mask.
import { redact } from '../secrets/redact.js';

export { redact };

/** The connection string with its password masked, for quoting in messages. */
export function maskedConnectionString(text: string, password: { start: number; end: number } | undefined, offset = 0): string {
  if (!password || password.end <= password.start) return text;
  const s = password.start - offset;
  const e = password.end - offset;
  return text.slice(0, s) + redact(text.slice(s, e)) + text.slice(e);
}
