// Run every credential detector over a text: keyword prefilter, then the expressions, then
// judging (placeholders dropped, documentation examples kept at lower severity), then overlaps.
import { DETECTORS, runPattern, type Detector, type RawMatch } from './detectors.js';
import { judgeSecretValue, type ValueJudgement } from './names.js';
import { precomputedOf, type SentMatch } from '../sources/precomputed.js';
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

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * An alternation of literals factored as a trie (`gh(?:p_|o_|…)` instead of `ghp_|gho_|…`), so the
 * regex engine tries a handful of branches per position instead of every keyword. The longest
 * keyword wins where several start at the same place.
 */
function trieRegexSource(words: string[]): string {
  type Node = Map<string, Node> & { end?: boolean };
  const root: Node = new Map();
  for (const w of words) {
    let node = root;
    for (const ch of w) {
      if (!node.has(ch)) node.set(ch, new Map());
      node = node.get(ch)!;
    }
    node.end = true;
  }
  const emit = (node: Node): string => {
    const branches = [...node.entries()].map(([ch, child]) => escapeRegex(ch) + emit(child));
    if (branches.length === 0) return '';
    const body = branches.length === 1 ? branches[0] : `(?:${branches.join('|')})`;
    return node.end ? `(?:${body})?` : body;
  };
  return emit(root) || '(?!)';
}

/**
 * Keyword lookup in one pass. Rare keywords (token prefixes) go into one alternation scanned once;
 * common ones (`pass`, `token`, `://`) are checked with `includes`, which stops at the first hit.
 * Either way a keyword absent from the text costs no per-keyword scan.
 */
interface KeywordPlan {
  rare: RegExp;
  common: string[];
}
const COMMON_KEYWORDS = new Set(['pass', 'pwd', 'secret', 'token', 'key', 'credential', 'creds', '://', 'curl', 'sig=', 'eyj']);
const plans = new WeakMap<Detector[], KeywordPlan>();
function keywordPlan(detectors: Detector[]): KeywordPlan {
  let plan = plans.get(detectors);
  if (!plan) {
    // Context words (`requires`) are common by nature (`@`, `twilio`): checked with includes.
    const context = new Set(detectors.flatMap((d) => d.requires ?? []));
    const words = [...new Set(detectors.flatMap((d) => [...d.keywords, ...context]))];
    const isCommon = (w: string) => COMMON_KEYWORDS.has(w) || context.has(w);
    plan = { rare: new RegExp(trieRegexSource(words.filter((w) => !isCommon(w))), 'g'), common: words.filter(isCommon) };
    plans.set(detectors, plan);
  }
  return plan;
}

/** Detectors whose keywords (and required context) occur in the lower-cased text. */
export function candidateDetectors(lower: string, detectors: Detector[] = DETECTORS): Detector[] {
  const plan = keywordPlan(detectors);
  const present = new Set<string>(plan.common.filter((k) => lower.includes(k)));
  const rarePresent: string[] = [];
  plan.rare.lastIndex = 0;
  for (let m = plan.rare.exec(lower); m; m = plan.rare.exec(lower)) {
    if (!present.has(m[0])) {
      present.add(m[0]);
      rarePresent.push(m[0]);
    }
  }
  // The alternation prefers the longest keyword at a position; shorter ones inside it are present too.
  const has = (k: string) => present.has(k) || rarePresent.some((p) => p.includes(k));
  return detectors.filter((d) => d.keywords.some(has) && (d.requires ?? []).every(has));
}

export function scanText(text: string, detectors: Detector[] = DETECTORS): TextMatch[] {
  if (!text || isBinaryText(text)) return [];
  const body = text.length > MAX_SCAN_CHARS ? text.slice(0, MAX_SCAN_CHARS) : text;
  const lower = body.toLowerCase();
  const found: TextMatch[] = [];
  for (const detector of candidateDetectors(lower, detectors)) {
    const raw = detector.find ? detector.find(body) : runPattern(detector, body);
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
