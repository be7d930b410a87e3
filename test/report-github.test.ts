import { describe, expect, it } from 'vitest';
import type { Finding } from '../src/model.js';
import { annotation, escapeData, escapeProperty, formatGithub, githubStepSummary } from '../src/report/github.js';

function finding(i: number, severity: Finding['severity']): Finding {
  return { ruleId: 'probe-port-mismatch', severity, message: `bad port ${i}`, file: 'a.yaml', line: i + 1, column: 3, endLine: i + 1, endColumn: 9, fingerprint: String(i) };
}

function ctx(findings: Finding[]): any {
  return { result: { findings, summary: { files: 1, findings: { error: 0, warning: 0, info: 0 } } }, rules: [], toolVersion: '0', color: false };
}

describe('github format', () => {
  it('escapes data and properties as the runner expects', () => {
    expect(escapeData('50%\r\nnext')).toBe('50%25%0D%0Anext');
    expect(escapeProperty('a:b,c')).toBe('a%3Ab%2Cc');
    const line = annotation({ ...finding(0, 'error'), file: 'dir,x/a:b.yaml', message: 'line1\nline2' });
    expect(line).toBe('::error file=dir%2Cx/a%3Ab.yaml,line=1,col=3,endLine=1,endColumn=9,title=kubelint probe-port-mismatch::line1%0Aline2');
  });

  it('writes at most 10 annotations per level, most severe first, then a count notice', () => {
    const findings = [...Array.from({ length: 12 }, (_, i) => finding(i, 'warning')), ...Array.from({ length: 11 }, (_, i) => finding(i, 'error'))];
    const lines = formatGithub(ctx(findings)).trim().split('\n');
    expect(lines.filter((l) => l.startsWith('::error'))).toHaveLength(10);
    expect(lines.filter((l) => l.startsWith('::warning'))).toHaveLength(10);
    expect(lines[0]).toMatch(/^::error/);
    expect(lines.at(-1)).toBe('::notice title=kubelint::3 more finding(s) not shown as annotations; see the step summary or the SARIF report');
  });

  it('step summary has totals and a table with escaped cells', () => {
    const md = githubStepSummary(ctx([{ ...finding(0, 'error'), message: 'a | b' }]), 'https://github.com/o/r/blob/abc');
    expect(md).toContain('| error | `probe-port-mismatch` | [a.yaml:1:3](https://github.com/o/r/blob/abc/a.yaml#L1) | a \\| b |');
  });
});
