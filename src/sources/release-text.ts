// Memory that grows with the largest file, not with the corpus: once loaded, the text of a YAML
// file is dropped. Rules read values (a CRD's value is kept without its schemas, yaml-deferred.ts).
// When something needs the text again (the position of a finding, a suppression comment, a CRD
// schema a custom resource is validated against), it is read again from disk; once the findings of
// a file have their positions, its text is dropped again (releaseAgain), so only one text at a time
// comes back. If the file changed since the scan read it, a note says that positions in it may be off.
import fs from 'node:fs';
import type { SourceFile } from '../model.js';
import { forgetTextCaches } from '../util/text-caches.js';
import { decodeText, type FileVersion } from './read.js';

type DiskFile = SourceFile & { absPath: string };

/** What reading a released file again needs: the version first read, and where changes are told. */
const released = new WeakMap<SourceFile, { version: FileVersion; changed: Set<string> }>();

/** Replace `file.text` by a getter that reads the file again on first use; `changed` collects files that differ by then. */
export function releaseText(file: DiskFile, version: FileVersion, changed: Set<string>): void {
  released.set(file, { version, changed });
  install(file);
}

/** Where a slice of a file's text is on disk, for another thread to read it there. */
export interface DiskSlice {
  absPath: string;
  start: number;
  end: number;
  /** The version the scan read: a reader finding another one must not use its offsets. */
  version: FileVersion;
}

/** The slice on disk when the file's text is released and not held right now; else undefined (use the text). */
export function diskSlice(file: SourceFile, start: number, end: number): DiskSlice | undefined {
  const entry = released.get(file);
  const desc = Object.getOwnPropertyDescriptor(file, 'text');
  if (!entry || !file.absPath || !desc?.get) return undefined;
  return { absPath: file.absPath, start, end, version: entry.version };
}

/** A slice's text, read from disk; throws when the file is not the version the scan read. */
export function readDiskSlice(slice: DiskSlice): string {
  const stat = fs.statSync(slice.absPath);
  if (stat.size !== slice.version.size || stat.mtimeMs !== slice.version.mtimeMs) throw new Error(`${slice.absPath} changed since the scan read it`);
  const decoded = decodeText(fs.readFileSync(slice.absPath));
  if (decoded.kind !== 'text') throw new Error(`${slice.absPath} is no longer text`);
  return decoded.text.slice(slice.start, slice.end);
}

/** Drop the text of a file released before and read since, and what was built from it; false for a file never released. */
export function releaseAgain(file: SourceFile): boolean {
  if (!released.has(file) || !file.absPath) return false;
  const desc = Object.getOwnPropertyDescriptor(file, 'text');
  if (desc && 'value' in desc) {
    install(file as DiskFile);
    forgetTextCaches(file);
  }
  return true;
}

function install(file: DiskFile): void {
  Object.defineProperty(file, 'text', {
    enumerable: true,
    configurable: true,
    get(): string {
      const { version, changed } = released.get(file)!;
      const text = readAgain(file, version, changed);
      Object.defineProperty(file, 'text', { value: text, writable: true, enumerable: true, configurable: true });
      return text;
    },
    set(text: string) {
      // A text set by hand is the file's for good.
      released.delete(file);
      Object.defineProperty(file, 'text', { value: text, writable: true, enumerable: true, configurable: true });
    },
  });
}

function readAgain(file: DiskFile, version: FileVersion, changed: Set<string>): string {
  try {
    const stat = fs.statSync(file.absPath);
    if (stat.size !== version.size || stat.mtimeMs !== version.mtimeMs) changed.add(file.path);
    const decoded = decodeText(fs.readFileSync(file.absPath));
    if (decoded.kind === 'text') return decoded.text;
  } catch {
    // Gone or unreadable since: said below, like a change.
  }
  changed.add(file.path);
  return '';
}

/** Notes for files that changed (or vanished) between the scan's reads of them. */
export function textChangeNotes(changed: Set<string>): string[] {
  return [...changed].sort().map((p) => `${p}: changed on disk during the scan; positions of findings in it may be off`);
}
