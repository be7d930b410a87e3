// Render every Helm chart under a directory with kubelint's in-process renderer and count
// the charts that render without error. Usage:
//   npx tsx scripts/helm-fidelity.ts <dir> [--kube-version 1.30] [--verbose]
// Exit status is 0 when every chart renders, 1 otherwise.
import { readdirSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { performance } from 'node:perf_hooks';
import { findChartRoots, renderChart } from '../src/sources/helm/index.js';

function listFiles(dir: string, root: string, out: string[]): void {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.name === '.git' || e.name === 'node_modules') continue;
    const abs = join(dir, e.name);
    if (e.isDirectory()) listFiles(abs, root, out);
    else if (e.name === 'Chart.yaml' || e.name.endsWith('.tgz')) out.push(relative(root, abs).split(sep).join('/'));
  }
}

/** Group messages by their kind so the summary shows what fails most. */
function kindOf(message: string): string {
  const fn = /function "([^"]+)" not defined/.exec(message);
  if (fn) return `unknown function ${fn[1]}`;
  if (message.startsWith('execution error')) return 'required/fail';
  if (message.includes('nil pointer evaluating')) return 'nil pointer';
  if (message.startsWith('YAML parse error')) return 'rendered YAML does not parse';
  if (message.includes('missing in charts/')) return 'dependency not vendored';
  if (message.includes("values don't meet")) return 'schema violation';
  const calling = /error calling (\w+)/.exec(message);
  if (calling) return `error calling ${calling[1]}`;
  return message.replace(/\d+/g, 'N').slice(0, 80);
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const dir = args.find((a) => !a.startsWith('--'));
  if (!dir) {
    console.error('usage: helm-fidelity <dir> [--kube-version X.Y] [--verbose]');
    return 2;
  }
  const kv = args.includes('--kube-version') ? args[args.indexOf('--kube-version') + 1] : undefined;
  const verbose = args.includes('--verbose');
  const root = resolve(dir);
  if (!statSync(root).isDirectory()) {
    console.error(`${dir} is not a directory`);
    return 2;
  }
  const paths: string[] = [];
  listFiles(root, root, paths);
  const charts = findChartRoots(paths);
  let ok = 0;
  let manifests = 0;
  const kinds = new Map<string, number>();
  const t0 = performance.now();
  const slowest: [number, string][] = [];
  for (const chart of charts) {
    const start = performance.now();
    const r = await renderChart(chart || '.', { root, releaseName: 'release-name', kubeVersion: kv, now: Date.UTC(2024, 0, 1) });
    const ms = performance.now() - start;
    slowest.push([ms, chart]);
    manifests += r.files.length;
    if (!r.problems.length) ok++;
    const seen = new Set<string>();
    for (const p of r.problems) {
      const k = kindOf(p.message);
      if (!seen.has(k)) kinds.set(k, (kinds.get(k) ?? 0) + 1);
      seen.add(k);
      if (verbose) console.log(`${chart}: ${p.file.path}: ${p.message}`);
    }
  }
  const total = performance.now() - t0;
  console.log(`charts: ${charts.length}, rendered without error: ${ok} (${charts.length ? ((100 * ok) / charts.length).toFixed(1) : '0'}%), manifests: ${manifests}`);
  console.log(`time: ${total.toFixed(0)} ms total, ${(total / Math.max(1, charts.length)).toFixed(1)} ms per chart`);
  if (kinds.size) {
    console.log('charts failing, by kind of error:');
    for (const [k, n] of [...kinds].sort((a, b) => b[1] - a[1])) console.log(`  ${String(n).padStart(5)}  ${k}`);
  }
  slowest.sort((a, b) => b[0] - a[0]);
  if (verbose) for (const [ms, c] of slowest.slice(0, 5)) console.log(`slow: ${ms.toFixed(1)} ms ${c}`);
  return ok === charts.length ? 0 : 1;
}

main().then((code) => process.exit(code), (err) => {
  console.error(err);
  process.exit(2);
});
