// Read a discovered file into text: detect binaries, decode UTF-8/UTF-16, refuse what is too big.
import fs from 'node:fs';
import type { SourceFile } from '../model.js';

export const MAX_FILE_BYTES = 64 * 1024 * 1024;

/** Extensions that are never text worth scanning. */
const BINARY_EXTENSIONS = /\.(png|jpe?g|gif|webp|ico|bmp|tiff?|pdf|zip|gz|tgz|bz2|xz|zst|7z|rar|jar|war|class|so|dylib|dll|exe|bin|o|a|woff2?|ttf|otf|eot|mp[34]|mov|avi|wasm|pyc|sqlite|db)$/i;

export type ReadOutcome =
  | { kind: 'text'; file: SourceFile; note?: string; version?: FileVersion }
  | { kind: 'skipped'; reason: string }
  | { kind: 'unreadable'; reason: string };

/** What a file looked like when it was read: a later read compares against it. */
export interface FileVersion {
  size: number;
  mtimeMs: number;
}

export function isBinaryName(path: string): boolean {
  return BINARY_EXTENSIONS.test(path);
}

export function readSource(absPath: string, relPath: string): ReadOutcome {
  if (isBinaryName(relPath)) return { kind: 'skipped', reason: 'binary file type' };
  let bytes: Buffer;
  let stat: fs.Stats;
  let fd: number | undefined;
  try {
    // Synchronous reads: manifests are small and usually cached, and each asynchronous step
    // (stat, open, fstat, read, close) costs a trip through the thread pool, more than the read.
    fd = fs.openSync(absPath, 'r');
    stat = fs.fstatSync(fd);
    if (stat.size > MAX_FILE_BYTES) {
      return { kind: 'unreadable', reason: `file is ${(stat.size / 1048576).toFixed(1)} MB, over the ${MAX_FILE_BYTES / 1048576} MB limit` };
    }
    bytes = fs.readFileSync(fd);
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    return { kind: 'unreadable', reason: `cannot read file (${e.code ?? e.message})` };
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
  const outcome = decodeSource(bytes, relPath, absPath);
  return outcome.kind === 'text' ? { ...outcome, version: { size: stat.size, mtimeMs: stat.mtimeMs } } : outcome;
}

export function decodeSource(bytes: Uint8Array, relPath: string, absPath?: string): ReadOutcome {
  const decoded = decodeText(bytes);
  if (decoded.kind !== 'text') return decoded;
  return { kind: 'text', file: { path: relPath, absPath, text: decoded.text }, note: decoded.note };
}

/** One decoder for every file: making one looks its encoding label up each time (about 5 µs). */
const UTF8 = new TextDecoder('utf-8', { fatal: true });

export function decodeText(bytes: Uint8Array): { kind: 'text'; text: string; note?: string } | { kind: 'skipped' | 'unreadable'; reason: string } {
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    const le = bytes[0] === 0xff;
    const body = bytes.subarray(2);
    const text = new TextDecoder(le ? 'utf-16le' : 'utf-16be').decode(body);
    return { kind: 'text', text, note: 'decoded from UTF-16' };
  }
  const head = bytes.subarray(0, 8192);
  if (head.includes(0)) return { kind: 'skipped', reason: 'binary content (NUL bytes)' };
  try {
    // (A decode without `stream` starts afresh, after an error too.)
    let text = UTF8.decode(bytes);
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    return { kind: 'text', text };
  } catch {
    const bad = firstInvalidUtf8(bytes);
    return { kind: 'unreadable', reason: `not valid UTF-8 (first bad byte at offset ${bad})` };
  }
}

function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b < 0x80) continue;
    const len = b >= 0xf0 && b < 0xf8 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 0;
    if (!len) return i;
    for (let k = 1; k < len; k++) if ((bytes[i + k] & 0xc0) !== 0x80) return i;
    i += len - 1;
  }
  return 0;
}
