// What is built from a file's text to find positions in it (its line index, the line locators and
// position-keeping parses of its documents) is kept per file, so that it is dropped together with
// the text once the file's findings have their positions (release-text.ts).
import type { SourceFile } from '../model.js';

const caches = new WeakMap<SourceFile, Map<object, unknown>>();

/** The value `build` made for `owner` from `file`'s text, built on first use. */
export function textCache<T>(file: SourceFile, owner: object, build: () => T): T {
  let perFile = caches.get(file);
  if (!perFile) caches.set(file, (perFile = new Map()));
  let value = perFile.get(owner) as T | undefined;
  if (value === undefined) perFile.set(owner, (value = build()));
  return value;
}

/** Drop everything built from `file`'s text. */
export function forgetTextCaches(file: SourceFile): void {
  caches.delete(file);
}
