// Schema validation throughput: every Kubernetes object of a corpus (default ../shared/corpus)
// validated by schema-invalid's library, with CRDs of the corpus applied to their custom
// resources. Prints objects/s. Parsing (js-yaml, no positions) is timed apart from validation.
//
//   node bench/schema.mjs [DIR] [--repeat N] [--kube-version X.Y] [--json]
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import fg from 'fast-glob';
import yaml from 'js-yaml';

const root = path.resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const flag = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const dir = path.resolve(args.find((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--')) ?? path.join(root, '../shared/corpus'));
const repeat = Number(flag('--repeat', '3'));
const kubernetesVersion = flag('--kube-version', '1.33');

// Bundle the library the way the CLI is bundled (validators as lazily loaded chunks).
const outdir = path.join(root, 'bench/tmp/schema-bench');
fs.rmSync(outdir, { recursive: true, force: true });
await build({
  stdin: {
    contents: "export { validateWorkspace, unvalidatedNote, validateObject } from './src/schema/validate.js'; export { Workspace } from './src/workspace/workspace.js';",
    resolveDir: root,
    sourcefile: 'schema-bench-entry.ts',
    loader: 'ts',
  },
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  outdir,
  logLevel: 'warning',
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
});
const lib = await import(pathToFileURL(path.join(outdir, 'stdin.js')).href);

const files = fg.sync(['**/*.{yaml,yml,json}'], { cwd: dir, absolute: true, dot: false }).sort();
let t = performance.now();
const units = [];
let bytes = 0;
for (const abs of files) {
  const text = fs.readFileSync(abs, 'utf8');
  bytes += text.length;
  const file = { path: path.relative(dir, abs), text };
  let docs = [];
  try {
    docs = yaml.loadAll(text);
  } catch {
    continue; // unparsable files are yaml-syntax's business
  }
  docs.forEach((value, index) => {
    if (value && typeof value === 'object') units.push({ kind: 'yaml', file, index, value, locate: () => ({ start: 0, end: 0 }) });
  });
}
const parseMs = performance.now() - t;

const runs = [];
let last;
for (let i = 0; i < repeat; i++) {
  const ws = new lib.Workspace([], units, { kubernetesVersion, targetArchitectures: [], defaultNamespace: 'default' });
  t = performance.now();
  const results = await lib.validateWorkspace(ws);
  runs.push(performance.now() - t);
  last = { ws, results };
}
const { ws, results } = last;
const count = (s) => results.filter((r) => r.status === s).length;
const best = Math.min(...runs);
const summary = {
  corpus: path.relative(process.cwd(), dir) || '.',
  files: files.length,
  megabytes: +(bytes / 1e6).toFixed(1),
  documents: units.length,
  objects: results.length,
  valid: count('valid'),
  invalid: count('invalid'),
  skipped: count('unknown-kind') + count('no-schema'),
  problems: results.reduce((n, r) => n + r.problems.length, 0),
  parseMs: Math.round(parseMs),
  firstRunMs: Math.round(runs[0]),
  bestRunMs: Math.round(best),
  objectsPerSecond: Math.round(results.length / (best / 1000)),
};
if (args.includes('--json')) {
  console.log(JSON.stringify(summary));
} else {
  console.log(`schema: ${summary.objects} objects (${summary.valid} valid, ${summary.invalid} invalid, ${summary.skipped} not validated) from ${summary.files} files, ${summary.megabytes} MB`);
  console.log(`schema: first run ${summary.firstRunMs} ms (loads validators), best of ${repeat} ${summary.bestRunMs} ms: ${summary.objectsPerSecond} objects/s`);
  const note = await lib.unvalidatedNote(ws);
  if (note) console.log(`schema: ${note}`);
}
if (args.includes('--problems')) {
  for (const r of results) for (const p of r.problems) console.log(`${r.object.unit.file.path} ${r.object.kind}/${r.object.name}: ${p.message}`);
}
