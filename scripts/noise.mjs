// `npm run noise [-- DIR] [--examples N] [--json FILE]`: how loud each rule is on real manifests.
// Scans a corpus (default ../shared/corpus, or KUBELINT_CORPUS) with every rule and no history,
// and prints findings per rule per 1,000 Kubernetes objects, with the share of objects each rule
// fires on, loudest first. A rule that floods real projects shows at the top.
import fs from 'node:fs';
import path from 'node:path';
import jsYaml from 'js-yaml';
import { scan } from '../dist/cli/api.js';

const root = path.resolve(import.meta.dirname, '..');

function parseArgs(argv) {
  const opts = { dir: process.env.KUBELINT_CORPUS ?? path.resolve(root, '../shared/corpus'), examples: 0, json: undefined };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--examples') opts.examples = Number(argv[++i]);
    else if (a === '--json') opts.json = argv[++i];
    else if (a.startsWith('--')) throw new Error(`unknown option ${a}`);
    else opts.dir = path.resolve(a);
  }
  return opts;
}

/** Kinds of the Kubernetes objects in one file, as kubelint counts objects: documents with apiVersion and kind, List items. */
function kindsIn(file) {
  if (!/\.(ya?ml|json)$/i.test(file.path)) return [];
  let docs;
  try {
    docs = jsYaml.loadAll(file.text, null, { schema: jsYaml.CORE_SCHEMA });
  } catch {
    return [];
  }
  const isObject = (v) => typeof v === 'object' && v !== null && !Array.isArray(v) && typeof v.apiVersion === 'string' && typeof v.kind === 'string';
  const kinds = [];
  for (const d of docs) {
    // kustomization.yaml and its kin are tool configuration, not objects of the cluster.
    if (isObject(d) && d.apiVersion.startsWith('kustomize.config.k8s.io/')) continue;
    if (isObject(d) && /List$/.test(d.kind) && Array.isArray(d.items)) kinds.push(...d.items.filter(isObject).map((o) => o.kind));
    else if (isObject(d)) kinds.push(d.kind);
  }
  return kinds;
}

function objectKey(f) {
  const r = f.resource;
  return r ? `${f.file}\u0000${r.apiVersion}\u0000${r.kind}\u0000${r.namespace ?? ''}\u0000${r.name}` : undefined;
}

const pct = (x) => `${(100 * x).toFixed(1)}%`;

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  if (!fs.existsSync(opts.dir)) throw new Error(`corpus not found: ${opts.dir} (pass a directory or set KUBELINT_CORPUS)`);
  const started = performance.now();
  const result = await scan({ paths: [opts.dir], history: false, failOn: 'none' });
  const kindCount = new Map();
  for (const f of result.files) for (const k of kindsIn(f)) kindCount.set(k, (kindCount.get(k) ?? 0) + 1);
  const objects = [...kindCount.values()].reduce((a, b) => a + b, 0);

  const byRule = new Map();
  for (const r of result.rules) byRule.set(r.rule.id, { id: r.rule.id, severity: r.severity, severities: new Set(), findings: 0, objects: new Set(), kinds: new Set(), examples: [] });
  for (const f of result.findings) {
    const row = byRule.get(f.ruleId);
    if (!row) continue;
    row.findings++;
    row.severities.add(f.severity);
    const key = objectKey(f);
    if (key) row.objects.add(key);
    if (f.resource) row.kinds.add(f.resource.kind);
    if (row.examples.length < opts.examples) row.examples.push(`${f.file}:${f.line} ${f.message.slice(0, 160)}`);
  }
  const rows = [...byRule.values()]
    .map((r) => {
      // The share among objects of the kinds the rule reported on: a workload rule measured against workloads.
      const ofKinds = [...r.kinds].reduce((n, k) => n + (kindCount.get(k) ?? 0), 0);
      return { ...r, perK: objects ? (1000 * r.findings) / objects : 0, share: objects ? r.objects.size / objects : 0, kindShare: ofKinds ? r.objects.size / ofKinds : 0 };
    })
    .sort((a, b) => b.perK - a.perK || b.share - a.share || (a.id < b.id ? -1 : 1));

  const header = ['rule', 'severity', 'findings', 'per 1k objects', 'objects hit', 'share of objects', 'share of its kinds'];
  // The severities findings really have (a rule may lower some of its findings), else the rule's default.
  const severityOf = (r) => (r.severities.size ? ['error', 'warning', 'info'].filter((s) => r.severities.has(s)).join('+') : r.severity);
  const lines = rows.map((r) => [r.id, severityOf(r), String(r.findings), r.perK.toFixed(1), String(r.objects.size), pct(r.share), r.kinds.size ? pct(r.kindShare) : '-']);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const fmt = (cells) => cells.map((c, i) => (i === 0 || i === 1 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  console.log(`corpus: ${opts.dir}`);
  console.log(`${result.summary.files} files, ${result.summary.documents} YAML documents, ${objects} Kubernetes objects, ${result.findings.length} findings, ${Math.round(performance.now() - started)} ms\n`);
  console.log(fmt(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const l of lines) console.log(fmt(l));
  const loud = rows.filter((r) => r.share > 0.2);
  console.log(`\n${loud.length} rule(s) fire on more than 20% of objects${loud.length ? `: ${loud.map((r) => r.id).join(', ')}` : ''}`);
  if (result.errors.length) console.log(`\nerrors:\n${result.errors.join('\n')}`);
  if (opts.examples) {
    for (const r of rows.filter((x) => x.findings)) {
      console.log(`\n## ${r.id} (${r.findings})`);
      for (const e of r.examples) console.log(`  ${e}`);
    }
  }
  if (opts.json) {
    const out = {
      corpus: opts.dir,
      files: result.summary.files,
      documents: result.summary.documents,
      objects,
      kinds: Object.fromEntries([...kindCount].sort((a, b) => b[1] - a[1])),
      rules: rows.map(({ examples, objects: set, kinds, severities, ...r }) => ({ ...r, severities: [...severities].sort(), objectsHit: set.size, kinds: [...kinds].sort() })),
    };
    fs.writeFileSync(opts.json, JSON.stringify(out, null, 2) + '\n');
  }
}

main().catch((err) => {
  console.error(`noise: ${err.message}`);
  process.exit(2);
});
