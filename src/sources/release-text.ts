// Memory that grows with the largest file, not with the corpus: once loaded, the text of a file
// whose documents are all CustomResourceDefinitions (the bulk of install bundles) is dropped. Rules
// read values, and a CRD's value is kept without its schemas (yaml-deferred.ts). When something
// needs the text again (the position of a finding, a suppression comment, a CRD schema a custom
// resource is validated against), it is read again from disk; if the file changed since the scan
// read it, a note says that positions in it may be off.
import fs from 'node:fs';
import type { SourceFile } from '../model.js';
import { decodeText, type FileVersion } from './read.js';

/** Replace `file.text` by a getter that reads the file again on first use; `changed` collects files that differ by then. */
export function releaseText(file: SourceFile & { absPath: string }, version: FileVersion, changed: Set<string>): void {
  Object.defineProperty(file, 'text', {
    enumerable: true,
    configurable: true,
    get(): string {
      const text = readAgain(file, version, changed);
      Object.defineProperty(file, 'text', { value: text, writable: true, enumerable: true, configurable: true });
      return text;
    },
    set(text: string) {
      Object.defineProperty(file, 'text', { value: text, writable: true, enumerable: true, configurable: true });
    },
  });
}

function readAgain(file: SourceFile & { absPath: string }, version: FileVersion, changed: Set<string>): string {
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

/** Notes for files that changed (or vanished) between the scan's two reads of them. */
export function textChangeNotes(changed: Set<string>): string[] {
  return [...changed].sort().map((p) => `${p}: changed on disk during the scan; positions of findings in it may be off`);
}
