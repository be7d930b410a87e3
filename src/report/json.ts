// The versioned JSON report; its shape is documented by schemas/report.schema.json.
import type { Finding } from '../model.js';
import type { ReportContext } from './types.js';

export function jsonFinding(f: Finding): Record<string, unknown> {
  return {
    ruleId: f.ruleId,
    severity: f.severity,
    message: f.message,
    file: f.file,
    line: f.line,
    column: f.column,
    endLine: f.endLine,
    endColumn: f.endColumn,
    ...(f.resource ? { resource: f.resource } : {}),
    ...(f.path ? { path: f.path } : {}),
    fingerprint: f.fingerprint,
    ...(f.commit ? { commit: f.commit } : {}),
    ...(f.fix ? { fix: f.fix } : {}),
    ...(f.related ? { related: f.related.map(({ path, line, column, note }) => ({ file: path, line, column, ...(note ? { note } : {}) })) } : {}),
  };
}

export function formatJson({ result, toolVersion }: ReportContext): string {
  const report = {
    version: 1,
    tool: { name: 'kubelint', version: toolVersion },
    summary: {
      files: result.summary.files,
      documents: result.summary.documents,
      commits: result.summary.commits,
      durationMs: result.summary.durationMs,
      findings: result.summary.findings,
      suppressed: result.summary.suppressed,
      baselined: result.summary.baselined,
    },
    findings: result.findings.map(jsonFinding),
    notes: result.notes,
  };
  return JSON.stringify(report, null, 2) + '\n';
}
