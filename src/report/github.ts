// GitHub Actions workflow commands (annotations) and the step summary.
import type { Finding, Severity } from '../model.js';
import type { ReportContext } from './types.js';
import { SEVERITY_RANK } from '../model.js';

/** GitHub shows at most 10 annotations of each level per step. */
export const ANNOTATIONS_PER_LEVEL = 10;
const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };

export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function annotation(f: Finding, root = ''): string {
  const file = root ? `${root.replace(/\/$/, '')}/${f.file}` : f.file;
  const props = [
    `file=${escapeProperty(file)}`,
    `line=${f.line}`,
    `col=${f.column}`,
    `endLine=${f.endLine}`,
    ...(f.endLine === f.line ? [`endColumn=${f.endColumn}`] : []),
    `title=${escapeProperty(`kubelint ${f.ruleId}`)}`,
  ];
  return `::${COMMAND[f.severity]} ${props.join(',')}::${escapeData(f.message)}`;
}

/** Most severe first; past the per-level limit, one notice says how many were left out. */
export function formatGithub({ result }: ReportContext, root = ''): string {
  const sorted = [...result.findings].sort((a, b) => SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity]);
  const lines: string[] = [];
  let hidden = 0;
  const used: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of sorted) {
    if (used[f.severity] >= ANNOTATIONS_PER_LEVEL) {
      hidden++;
      continue;
    }
    used[f.severity]++;
    lines.push(annotation(f, root));
  }
  if (hidden) {
    // The count notice needs a free notice slot: give up the last info annotation for it.
    if (used.info >= ANNOTATIONS_PER_LEVEL) {
      lines.splice(lines.findLastIndex((l) => l.startsWith('::notice')), 1);
      hidden++;
    }
    lines.push(`::notice title=kubelint::${escapeData(`${hidden} more finding(s) not shown as annotations; see the step summary or the SARIF report`)}`);
  }
  return lines.join('\n') + (lines.length ? '\n' : '');
}

function cell(s: string): string {
  return s.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

/** Markdown for $GITHUB_STEP_SUMMARY: totals, top rules, then a table of findings. */
export function githubStepSummary({ result }: ReportContext, linkBase?: string, maxRows = 200): string {
  const s = result.summary.findings;
  const out = ['## kubelint', '', `**${s.error}** error(s), **${s.warning}** warning(s), **${s.info}** info in ${result.summary.files} file(s).`, ''];
  if (result.findings.length) {
    const perRule = new Map<string, number>();
    for (const f of result.findings) perRule.set(f.ruleId, (perRule.get(f.ruleId) ?? 0) + 1);
    const top = [...perRule].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, 5);
    out.push('Top rules: ' + top.map(([id, n]) => `\`${id}\` (${n})`).join(', '), '');
    out.push('| Severity | Rule | Location | Message |', '| --- | --- | --- | --- |');
    for (const f of result.findings.slice(0, maxRows)) {
      const loc = `${f.file}:${f.line}:${f.column}`;
      const link = linkBase ? `[${cell(loc)}](${linkBase}/${f.file.split('/').map(encodeURIComponent).join('/')}#L${f.line})` : cell(loc);
      out.push(`| ${f.severity} | \`${f.ruleId}\` | ${link} | ${cell(f.message)} |`);
    }
    if (result.findings.length > maxRows) out.push('', `…and ${result.findings.length - maxRows} more.`);
  }
  return out.join('\n') + '\n';
}
