// V8 gives a substring of 13 characters or more as a slice that keeps its whole parent alive. A
// short string kept for good (a value, a comment read off a file) must not keep a file's text.

/**
 * Replace each string long enough to be a slice of its parent (V8 slices from 13 characters on) by
 * a copy of its own, in place. A third of the time of a structured clone of the whole value.
 */
export function ownStrings(value: unknown): void {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const v = value[i];
      if (typeof v === 'string') {
        if (v.length >= 13) value[i] = ownString(v);
      } else if (v !== null && typeof v === 'object') ownStrings(v);
    }
  } else if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    for (const key in record) {
      const v = record[key];
      if (typeof v === 'string') {
        if (v.length >= 13) record[key] = ownString(v);
      } else if (v !== null && typeof v === 'object') ownStrings(v);
    }
  }
}

/** A string equal to `s` that shares no storage with it (slicing a concatenation flattens it first). */
export function ownString(s: string): string {
  return (' ' + s).slice(1);
}
