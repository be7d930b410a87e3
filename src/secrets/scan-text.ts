// Run every credential detector over a text: keyword prefilter, then the expressions, then
// judging (placeholders dropped, documentation examples kept at lower severity), then overlaps.
import { DETECTORS, runPattern, type Detector, type RawMatch } from './detectors.js';
import { judgeSecretValue, type ValueJudgement } from './names.js';
import { precomputedOf, type SentMatch } from '../sources/precomputed.js';
import { wordSearch, type WordSearch } from './word-search.js';
import type { SourceFile } from '../model.js';

export interface TextMatch extends RawMatch {
  detector: Detector;
  /** 'real' or 'example'; placeholders and templated values never come out of scanText. */
  judgement: 'real' | 'example';
}

/** Binary content (a NUL in the first 8 KB) is not scanned. */
export function isBinaryText(text: string): boolean {
  return text.slice(0, 8192).includes('\u0000');
}

/** Texts larger than this are scanned in their first part only (lock files, bundles). */
export const MAX_SCAN_CHARS = 8 * 1024 * 1024;

const searches = new WeakMap<Detector[], WordSearch>();

/** Detectors whose keywords (and required context) occur in the lower-cased text. */
export function candidateDetectors(lower: string, detectors: Detector[] = DETECTORS): Detector[] {
  let search = searches.get(detectors);
  if (!search) {
    search = wordSearch([...new Set(detectors.flatMap((d) => [...d.keywords, ...(d.requires ?? [])]))]);
    searches.set(detectors, search);
  }
  const present = search.present(lower);
  const has = (k: string) => present.has(k);
  return detectors.filter((d) => d.keywords.some(has) && (d.requires ?? []).every(has));
}

export function scanText(text: string, detectors: Detector[] = DETECTORS): TextMatch[] {
  if (!text || isBinaryText(text)) return [];
  const body = text.length > MAX_SCAN_CHARS ? text.slice(0, MAX_SCAN_CHARS) : text;
  const lower = body.toLowerCase();
  const found: TextMatch[] = [];
  for (const detector of candidateDetectors(lower, detectors)) {
    const raw = detector.find ? detector.find(body, lower) : runPattern(detector, body);
    for (const m of raw) {
      if (detector.validate && !detector.validate(m.secret, body, m.start, m.end)) continue;
      const judgement: ValueJudgement = (detector.judge ?? judgeSecretValue)(m.secret);
      if (judgement !== 'real' && judgement !== 'example') continue;
      found.push({ ...m, detector, judgement });
    }
  }
  return dropOverlaps(found);
}

/** scanText of a file's text, or what a parse worker already found in it. */
export function scanFileText(file: SourceFile): TextMatch[] {
  const sent = precomputedOf(file)?.secretMatches;
  return sent ? sent.map(fromSent) : scanText(file.text);
}

const DETECTOR_BY_ID = new Map(DETECTORS.map((d) => [d.id, d]));

export function toSent({ detector, ...m }: TextMatch): SentMatch {
  return { ...m, detectorId: detector.id };
}

function fromSent({ detectorId, ...m }: SentMatch): TextMatch {
  const detector = DETECTOR_BY_ID.get(detectorId);
  if (!detector) throw new Error(`unknown detector ${detectorId}`);
  return { ...m, detector };
}

/** Keep one match per stretch of text: specific formats win over the generic detector, then the earlier detector. */
function dropOverlaps(matches: TextMatch[]): TextMatch[] {
  const order = new Map(DETECTORS.map((d, i) => [d, i]));
  const ranked = [...matches].sort(
    (a, b) =>
      Number(!!a.detector.generic) - Number(!!b.detector.generic) ||
      (order.get(a.detector) ?? 99) - (order.get(b.detector) ?? 99) ||
      a.start - b.start,
  );
  // Kept matches never overlap each other, so sorted by start they are also sorted by end:
  // a binary search finds the only neighbours a candidate could overlap.
  const kept: TextMatch[] = [];
  for (const m of ranked) {
    let lo = 0;
    let hi = kept.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (kept[mid].start < m.start) lo = mid + 1;
      else hi = mid;
    }
    const before = kept[lo - 1];
    const after = kept[lo];
    if ((before && before.end > m.start) || (after && after.start < m.end)) continue;
    kept.splice(lo, 0, m);
  }
  return kept;
}
