// Human output for terminals, via eslint-formatter-pretty (grouped by file, aligned columns).
import path from 'node:path';
import type { Finding } from '../model.js';
import type { ReportContext } from './types.js';

interface EslintMessage {
  ruleId: string;
  severity: 1 | 2;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export async function formatPretty(ctx: ReportContext): Promise<string> {
  const { result } = ctx;
  if (!ctx.color) process.env.FORCE_COLOR = '0';
  const byFile = new Map<string, Finding[]>();
  for (const f of result.findings) {
    const list = byFile.get(f.file);
    if (list) list.push(f);
    else byFile.set(f.file, [f]);
  }
  const results = [...byFile].map(([file, findings]) => {
    const messages: EslintMessage[] = findings.map((f) => ({
      ruleId: f.ruleId,
      severity: f.severity === 'error' ? 2 : 1,
      message: describe(f),
      line: f.line,
      column: f.column,
      endLine: f.endLine,
      endColumn: f.endColumn,
    }));
    return {
      filePath: path.resolve(result.root, file),
      messages,
      errorCount: messages.filter((m) => m.severity === 2).length,
      warningCount: messages.filter((m) => m.severity === 1).length,
      fatalErrorCount: 0,
      fixableErrorCount: 0,
      fixableWarningCount: 0,
      suppressedMessages: [],
      usedDeprecatedRules: [],
    };
  });
  const { default: eslintFormatterPretty } = await import('eslint-formatter-pretty');
  const body = results.length ? eslintFormatterPretty(results as any, { rulesMeta: {}, cwd: process.cwd() } as any) : '';
  return unpad(withoutFormatterCounts(body), process.stdout.columns || 120) + footer(ctx) + '\n';
}

/**
 * The formatter ends with "N warnings / N errors" counted its way, infos among the warnings; the
 * footer gives kubelint's own counts (errors, warnings, infos), so the formatter's are dropped.
 */
function withoutFormatterCounts(text: string): string {
  const lines = text.split('\n');
  // eslint-disable-next-line no-control-regex
  const tally = /^ {2}(?:\x1b\[[0-9;]*m)?\d+ (?:warning|error)s?(?:\x1b\[[0-9;]*m)?$/;
  if (lines[lines.length - 1] === '') lines.pop();
  while (lines.length && tally.test(lines[lines.length - 1])) lines.pop();
  return lines.join('\n');
}

/**
 * The formatter pads every message to the longest one so rule ids line up; one long message
 * (a history finding with its remediation) would push every line past the terminal. Lines that
 * end up wider than the terminal keep two spaces before the rule id instead.
 */
function unpad(text: string, width: number): string {
  return text
    .split('\n')
    .map((line) => (visibleLength(line) > width ? line.replace(/(\S) {3,}(\S+)$/, '$1  $2') : line))
    .join('\n');
}

function visibleLength(line: string): number {
  // eslint-disable-next-line no-control-regex
  return line.replace(/\x1b\[[0-9;]*m|\x1b\]8;;[^\x07]*\x07/g, '').length;
}

function describe(f: Finding): string {
  let text = f.severity === 'info' ? `(info) ${f.message}` : f.message;
  if (f.commit) text += ` [commit ${f.commit.sha.slice(0, 8)}, ${f.commit.author}, ${f.commit.date.slice(0, 10)}]`;
  if (f.related?.length) text += ` (${f.related.map((r) => r.note ?? `${r.path}:${r.line}`).join('; ')})`;
  return text;
}

function footer({ result }: ReportContext): string {
  const s = result.summary;
  const lines: string[] = [];
  for (const note of result.notes) lines.push(`  note: ${note}`);
  const counts = `${s.findings.error} error(s), ${s.findings.warning} warning(s), ${s.findings.info} info`;
  const extra = [s.suppressed ? `${s.suppressed} suppressed` : '', s.baselined ? `${s.baselined} in baseline` : ''].filter(Boolean).join(', ');
  const scanned = `${s.files} file(s), ${s.documents} document(s)${s.commits ? `, ${s.commits} commit(s)` : ''}`;
  lines.push(`  kubelint: ${counts}${extra ? ` (${extra})` : ''} in ${scanned}`);
  return '\n' + lines.join('\n');
}
