import { defineRule } from '../../src/engine/rule.js';
import { envDsns } from '../../src/dsn/env-dsns.js';
import { maskPlaceholders, OPAQUE } from '../../src/dsn/placeholders.js';
import { redact } from '../../src/dsn/redact.js';
import type { DsnPart } from '../../src/dsn/parse.js';

/** Characters that end or split the userinfo part of a URL unless percent-encoded. */
const RESERVED = new Set(['@', ':', '/', '?', '#', '[', ']']);

/** Characters of a userinfo part that must be encoded, with their encoded form. */
function unencoded(part: DsnPart): Map<string, string> {
  const found = new Map<string, string>();
  const masked = maskPlaceholders(part.text);
  for (let i = 0; i < masked.length; i++) {
    const c = masked[i];
    if (c === OPAQUE) continue;
    if (RESERVED.has(c)) found.set(c, encode(c));
    else if (c === '%' && !/^[0-9A-Fa-f]{2}$/.test(masked.slice(i + 1, i + 3))) found.set('%', '%25');
  }
  return found;
}

function encode(c: string): string {
  return `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`;
}

/** Percent-encode what must be, leaving placeholders and valid escapes alone. */
function encodePart(part: DsnPart): string {
  const masked = maskPlaceholders(part.text);
  let out = '';
  for (let i = 0; i < masked.length; i++) {
    const c = masked[i];
    const original = part.text[i];
    if (c !== OPAQUE && (RESERVED.has(c) || (c === '%' && !/^[0-9A-Fa-f]{2}$/.test(masked.slice(i + 1, i + 3))))) out += encode(c);
    else out += original;
  }
  return out;
}

export default defineRule({
  id: 'dsn-password-unencoded',
  family: 'dsn',
  severity: 'error',
  title: 'Connection string password with characters that must be percent-encoded',
  symptom: 'Authentication fails (`password authentication failed`), or the driver connects to the wrong host (`could not translate host name "ss@db"`)',
  why:
    'In a URL the userinfo ends at `@` and the password ends at the next `/`, `?` or `#`, so a generated password holding `@ : / ? # [ ]` ' +
    'or a bare `%` is cut in two: part of it is read as the host, port or path. Drivers do not guess; they connect with the wrong password or to the wrong host.',
  fix: 'Percent-encode the reserved characters in the user and password (`@` → `%40`, `:` → `%3A`, `/` → `%2F`, `?` → `%3F`, `#` → `%23`, `%` → `%25`), for example with `urllib.parse.quote(password, safe="")`, or pass the password separately.',
  example: {
    bad: 'DATABASE_URL=postgresql://app:p@ss:w0rd@db:5432/app',
    good: 'DATABASE_URL=postgresql://app:p%40ss%3Aw0rd@db:5432/app',
  },
  check(ws, report) {
    for (const { ev, dsn } of envDsns(ws)) {
      if (dsn.form !== 'url') continue;
      const problems: string[] = [];
      let fix: string | undefined;
      if (dsn.user && !dsn.user.opaque) {
        const bad = unencoded(dsn.user);
        if (bad.size) problems.push(`the user "${dsn.user.text}" holds ${describe(bad)}: write it as "${encodePart(dsn.user)}"`);
      }
      if (dsn.password && !dsn.password.opaque) {
        const bad = unencoded(dsn.password);
        if (bad.size) {
          const encoded = encodePart(dsn.password);
          problems.push(`the password holds ${describe(bad)}: percent-encode it (starts ${redact(encoded)})`);
          fix = `${[...bad].map(([c, e]) => `${c} → ${e}`).join(', ')} in the password`;
        }
      }
      if (!problems.length) continue;
      report({ at: ev.at, path: ev.path, message: `In ${ev.name}, ${problems.join('; ')}`, ...(fix ? { fix } : {}) });
    }
  },
});

function describe(bad: Map<string, string>): string {
  const list = [...bad].map(([c, e]) => `'${c}' (write ${e})`);
  return `unencoded ${list.join(', ')}`;
}
