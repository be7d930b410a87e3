// One self-contained HTML page: totals, findings grouped by file with the source around each.
import type { Finding, Severity } from '../model.js';
import type { ReportContext } from './types.js';

const CONTEXT_LINES = 2;

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function countBy<T>(items: T[], key: (t: T) => string): [string, number][] {
  const m = new Map<string, number>();
  for (const i of items) m.set(key(i), (m.get(key(i)) ?? 0) + 1);
  return [...m].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
}

function snippet(lines: string[] | undefined, f: Finding): string {
  if (!lines) return '';
  const from = Math.max(1, f.line - CONTEXT_LINES);
  const to = Math.min(lines.length, f.endLine + CONTEXT_LINES);
  const rows: string[] = [];
  for (let n = from; n <= to; n++) {
    const hit = n >= f.line && n <= f.endLine;
    rows.push(`<tr${hit ? ' class="hit"' : ''}><td class="ln">${n}</td><td><code>${esc(lines[n - 1] ?? '')}</code></td></tr>`);
  }
  return `<table class="src">${rows.join('')}</table>`;
}

/** Rules whose finding range covers a credential: the source shown around them is masked. */
function isSensitive(f: Finding, familyOf: Map<string, string>): boolean {
  return familyOf.get(f.ruleId) === 'secrets' || f.ruleId === 'dsn-embedded-password' || f.ruleId === 'dockerfile-secret';
}

/** Mask the ranges of secret findings so the page never shows a credential in full. */
function maskSecrets(lines: string[], findings: Finding[]): string[] {
  const out = [...lines];
  for (const f of findings) {
    for (let n = f.line; n <= f.endLine && n <= out.length; n++) {
      const text = out[n - 1];
      const from = n === f.line ? f.column - 1 : 0;
      const to = n === f.endLine ? f.endColumn - 1 : text.length;
      const keep = n === f.line ? Math.min(4, Math.max(0, to - from - 4)) : 0;
      out[n - 1] = text.slice(0, from + keep) + '*'.repeat(Math.max(0, to - from - keep)) + text.slice(to);
    }
  }
  return out;
}

export function formatHtml({ result, rules, toolVersion }: ReportContext): string {
  const familyOf = new Map<string, string>(rules.map((r) => [r.id, r.family]));
  const byFile = new Map<string, Finding[]>();
  for (const f of result.findings) {
    const list = byFile.get(f.file);
    if (list) list.push(f);
    else byFile.set(f.file, [f]);
  }
  // Excerpts come only from files with findings (a corpus scan holds thousands without any).
  const textOf = new Map<string, string[]>();
  for (const file of result.files) {
    const list = byFile.get(file.path);
    if (list) textOf.set(file.path, maskSecrets(file.text.split(/\r?\n/), list.filter((x) => isSensitive(x, familyOf))));
  }
  const s = result.summary.findings;
  const sev = (x: Severity) => `<span class="sev ${x}">${x}</span>`;
  const families = countBy(result.findings, (f) => familyOf.get(f.ruleId) ?? 'other');
  const perRule = countBy(result.findings, (f) => f.ruleId);
  const sections = [...byFile].map(([file, list]) => {
    const items = list
      .map(
        (f) => `<li>${sev(f.severity)} <a class="loc">${esc(`${file}:${f.line}:${f.column}`)}</a> <b>${esc(f.ruleId)}</b>
<p>${esc(f.message)}</p>${f.resource ? `<p class="res">${esc(`${f.resource.kind} ${f.resource.namespace ? f.resource.namespace + '/' : ''}${f.resource.name}`)}</p>` : ''}${snippet(textOf.get(file), f)}</li>`,
      )
      .join('\n');
    return `<section><h2>${esc(file)} <small>${list.length}</small></h2><ul>${items}</ul></section>`;
  });
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>kubelint report</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
body{font:14px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:70rem;padding:0 1rem;color:#1f2328}
h1{font-size:1.6rem}h2{font-size:1.1rem;border-bottom:1px solid #d0d7de;padding-bottom:.3rem}small{color:#656d76}
.totals{display:flex;gap:1rem;flex-wrap:wrap}.card{border:1px solid #d0d7de;border-radius:6px;padding:.6rem 1rem}
.sev{display:inline-block;border-radius:4px;padding:0 .4rem;font-size:12px;color:#fff}.error{background:#cf222e}.warning{background:#9a6700}.info{background:#0969da}
ul{list-style:none;padding:0}li{margin:0 0 1rem}p{margin:.2rem 0}.res{color:#656d76}
table.src{border-collapse:collapse;font:12px ui-monospace,monospace;background:#f6f8fa;width:100%}
.src td{padding:0 .5rem;white-space:pre}.src .ln{color:#656d76;text-align:right;width:3rem}.src .hit{background:#fff8c5}
</style></head><body>
<h1>kubelint report</h1>
<p>kubelint ${esc(toolVersion)} · ${result.summary.files} file(s), ${result.summary.documents} document(s)</p>
<div class="totals">
<div class="card">${sev('error')} ${s.error}</div><div class="card">${sev('warning')} ${s.warning}</div><div class="card">${sev('info')} ${s.info}</div>
</div>
<h2>By rule family</h2><p>${families.map(([f, n]) => `${esc(f)}: ${n}`).join(' · ') || 'no findings'}</p>
<h2>By rule</h2><p>${perRule.map(([r, n]) => `${esc(r)}: ${n}`).join(' · ') || 'no findings'}</p>
${sections.join('\n')}
${result.notes.length ? `<h2>Notes</h2><ul>${result.notes.map((n) => `<li>${esc(n)}</li>`).join('')}</ul>` : ''}
</body></html>
`;
}
