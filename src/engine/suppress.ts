// Suppressions: object annotations (ours and the peers'), `# kubelint-ignore` comments and config ignores.
import ignore from 'ignore';
import type { Finding } from '../model.js';
import type { IgnoreEntry } from '../config/types.js';
import type { K8sObject } from '../workspace/types.js';
import type { Rule } from './rule.js';
import type { LineIndex } from '../util/lines.js';

export const IGNORE_ANNOTATION = 'kubelint.dev/ignore';
export const IGNORE_REASON_ANNOTATION = 'kubelint.dev/ignore-reason';

/** `# kubelint-ignore rule-a, rule-b -- reason` (no rules: every rule). */
const IGNORE_COMMENT = /(?:^|\s)#\s*kubelint-ignore(?![-\w])([^\n]*)$/;

export function parseRuleList(text: string): string[] {
  return text.split(/[\s,]+/).map((s) => s.trim()).filter(Boolean);
}

/** Rules silenced on an object (and, for workloads, on its pod template) by annotations. */
export function suppressedByAnnotations(rule: Rule, annotations: Record<string, string>): boolean {
  const ours = annotations[IGNORE_ANNOTATION];
  if (ours !== undefined) {
    const list = parseRuleList(ours);
    if (list.includes(rule.id) || list.includes('all') || list.includes('*')) return true;
  }
  const peers = rule.peers ?? {};
  for (const check of peers.kubeLinter ?? []) {
    if (`ignore-check.kube-linter.io/${check}` in annotations) return true;
  }
  const kubeScore = annotations['kube-score/ignore'];
  if (kubeScore !== undefined && (peers.kubeScore ?? []).some((c) => parseRuleList(kubeScore).includes(c))) return true;
  for (const check of peers.polaris ?? []) {
    if (annotations[`polaris.fairwinds.com/${check}-exempt`] === 'true') return true;
  }
  return false;
}

/** Checks a finding's line and the comment-only line above it for `# kubelint-ignore`. */
export class CommentSuppressions {
  /** `lineIndexOf` gives the lines of a finding's file (undefined when the file is not known). */
  constructor(private readonly lineIndexOf: (path: string) => LineIndex | undefined) {}

  suppresses(finding: Finding): boolean {
    const idx = this.lineIndexOf(finding.file);
    if (!idx) return false;
    // A cheap test first: the comment regex on a huge line is slow, and most lines have no marker.
    const lineText = idx.lineText(finding.line);
    const same = lineText.includes('kubelint-ignore') ? IGNORE_COMMENT.exec(lineText) : null;
    if (same && matches(same[1], finding.ruleId)) return true;
    // Walk up over a block of comment-only lines directly above the finding.
    for (let line = finding.line - 1; line >= 1; line--) {
      const text = idx.lineText(line);
      if (!/^\s*#/.test(text)) break;
      const m = text.includes('kubelint-ignore') ? IGNORE_COMMENT.exec(text) : null;
      if (m && matches(m[1], finding.ruleId)) return true;
    }
    return false;
  }
}

function matches(rest: string, ruleId: string): boolean {
  const rulesPart = rest.split(/\s--(\s|$)/)[0];
  const list = parseRuleList(rulesPart);
  return list.length === 0 || list.includes(ruleId) || list.includes('all');
}

/** Config `ignore:` entries of the `{ rules, paths }` form. */
export class ConfigSuppressions {
  private readonly entries: { rules: Set<string>; paths?: ReturnType<typeof ignore> }[];
  constructor(entries: IgnoreEntry[]) {
    this.entries = entries.map((e) => ({
      rules: new Set(e.rules),
      paths: e.paths?.length ? ignore().add(e.paths) : undefined,
    }));
  }

  suppresses(finding: Finding): boolean {
    return this.entries.some(
      (e) => (e.rules.has(finding.ruleId) || e.rules.has('*')) && (!e.paths || (!finding.file.startsWith('..') && finding.file !== '-' && e.paths.ignores(finding.file))),
    );
  }
}

export function objectAnnotationsSuppress(rule: Rule, object: K8sObject | undefined, templateAnnotations?: Record<string, string>): boolean {
  if (!object) return false;
  return suppressedByAnnotations(rule, object.annotations) || (!!templateAnnotations && suppressedByAnnotations(rule, templateAnnotations));
}
