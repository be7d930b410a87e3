// Scan one past version of a file with the working-tree secret finders, so history judges a
// secret exactly as the tree does. Results are plain data (no units kept alive).
import type { Range, ResourceRef, Severity, SourceFile, Unit } from '../model.js';
import { loadersFor } from '../sources/registry.js';
import '../sources/index.js';
import '../secrets/text-unit.js';
import { Workspace } from '../workspace/workspace.js';
import { LineIndex } from '../util/lines.js';
import { parseKeyPath } from '../util/keypath.js';
import { findAllSecretHits, type SecretHit } from '../secrets/hits.js';
import { secretHash } from '../secrets/redact.js';
import { DETECTORS } from '../secrets/detectors.js';
import { isBinaryText } from '../secrets/scan-text.js';

export interface BlobHit extends Range {
  ruleId: string;
  /** SHA-256 of the secret; the secret itself is not kept. */
  hash: string;
  /** The working-tree rule's message (already redacted). */
  message: string;
  severity?: Severity;
  resource?: ResourceRef;
}

/** Cheap test before any parsing: a blob without one of these words cannot hold a finding. */
const PREFILTER = [...new Set(DETECTORS.flatMap((d) => d.keywords))];

/** Files that are never text worth scanning. */
const BINARY_EXTENSIONS = /\.(?:png|jpe?g|gif|bmp|ico|webp|svgz|pdf|zip|gz|tgz|bz2|xz|7z|jar|war|class|so|dylib|dll|exe|bin|woff2?|ttf|otf|eot|mp[34]|mov|avi|wasm|pyc|o|a)$/i;

/** Blobs larger than this are skipped (and counted in a warning). */
export const MAX_BLOB_BYTES = 5 * 1024 * 1024;

export function skipByName(path: string): boolean {
  return BINARY_EXTENSIONS.test(path);
}

function spanOf(hit: SecretHit): { start: number; end: number } {
  if (hit.span) return hit.span;
  return hit.at.unit.locate([...hit.at.basePath, ...parseKeyPath(hit.path ?? [])], hit.target);
}

const SETTINGS = { kubernetesVersion: '1.30', targetArchitectures: [], defaultNamespace: 'default' };

/** Secrets in one file's text, as the working-tree rules would find them there. */
export function scanBlobText(path: string, text: string): BlobHit[] {
  if (!text || isBinaryText(text)) return [];
  const lower = text.toLowerCase();
  if (!PREFILTER.some((k) => lower.includes(k))) return [];
  const file: SourceFile = { path, text, origin: 'history' };
  const units: Unit[] = [];
  for (const loader of loadersFor(path)) {
    try {
      units.push(...loader.load(file).units);
    } catch {
      // An unparsable past version still gets its text unit.
    }
  }
  const ws = new Workspace([file], units, SETTINGS);
  const lines = new LineIndex(text);
  return findAllSecretHits(ws).map((hit) => {
    const span = spanOf(hit);
    const start = lines.position(span.start);
    const end = lines.position(Math.max(span.start, span.end));
    return {
      ruleId: hit.ruleId,
      hash: secretHash(hit.secret),
      message: hit.message,
      severity: hit.severity,
      resource: hit.resource,
      line: start.line,
      column: start.column,
      endLine: end.line,
      endColumn: end.line === start.line && end.column <= start.column ? start.column + 1 : end.column,
    };
  });
}

/** Loaders depend on the file name, so a blob's result is cached per (blob, loader set). */
export function blobCacheKey(oid: string, path: string): string {
  return `${oid}\u0000${loadersFor(path).map((l) => l.name).join(',')}`;
}
