// Chart rendering speed: each chart under fixtures/charts and examples/charts rendered in-process,
// first render (cold: templates parsed) and the median of repeated renders.
//
//   node bench/helm.mjs [--quick]
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(import.meta.dirname, '..');
const runs = process.argv.includes('--quick') ? 5 : 20;
const outdir = path.join(root, 'bench/tmp/helm-bench');
await build({
  entryPoints: [path.join(root, 'src/sources/helm/index.ts')],
  outdir,
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  logLevel: 'warning',
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
});
const { renderChart } = await import(pathToFileURL(path.join(outdir, 'index.js')).href);

const charts = ['fixtures/charts', 'examples/charts']
  .flatMap((dir) => fs.readdirSync(path.join(root, dir)).map((name) => `${dir}/${name}`))
  .filter((dir) => fs.existsSync(path.join(root, dir, 'Chart.yaml')));
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
let total = 0;
for (const chart of charts) {
  const t0 = performance.now();
  const first = await renderChart(chart, { root, now: 0 });
  const cold = performance.now() - t0;
  const times = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await renderChart(chart, { root, now: 0 });
    times.push(performance.now() - t);
  }
  total += median(times);
  console.log(`helm: ${chart.padEnd(32)} ${String(first.files.length).padStart(3)} manifests  cold ${cold.toFixed(1)} ms  warm median ${median(times).toFixed(2)} ms`);
}
console.log(`helm: ${charts.length} charts, ${(total / charts.length).toFixed(2)} ms per chart (warm median)`);
