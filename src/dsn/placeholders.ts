// Template and variable references inside a value: `$(VAR)`, `${VAR}`, `$VAR`, `{{ ... }}`, `${{ ... }}`.
// They are replaced by a private-use character of the same length, so every offset still maps
// to the original text and parsers treat the reference as an opaque run of "any" characters.

/** The character a masked placeholder is made of. Never appears in real configuration text. */
export const OPAQUE = '\uE000';

const PLACEHOLDER = /\$\{\{[\s\S]*?\}\}|\{\{[\s\S]*?\}\}|\$\([^()]*\)|\$\{[^{}]*\}|\$[A-Za-z_][A-Za-z0-9_]*/g;

export function maskPlaceholders(text: string): string {
  return text.replace(PLACEHOLDER, (m) => OPAQUE.repeat(m.length));
}

export function hasPlaceholder(text: string): boolean {
  PLACEHOLDER.lastIndex = 0;
  const found = PLACEHOLDER.test(text);
  PLACEHOLDER.lastIndex = 0;
  return found;
}

/** True when the masked text is nothing but placeholders (and surrounding whitespace). */
export function isOnlyPlaceholder(masked: string): boolean {
  const t = masked.trim();
  return t.length > 0 && [...t].every((c) => c === OPAQUE);
}

/** Values people write where a real secret will go later: `<password>`, `***`, `changeme`... */
const DUMMY_SECRET = /^(?:<[^<>]*>|\*+|x{3,}|X{3,}|\.{3,}|_+|-+|(?:your|my)[-_]?(?:db[-_]?)?(?:password|pass|pwd|secret)(?:[-_]?here)?|change[-_]?(?:me|it)|replace[-_]?me|redacted|placeholder|todo|fixme|dummy|none|null|empty)$/i;

export function isDummySecret(text: string): boolean {
  return DUMMY_SECRET.test(text.trim());
}
