// `npm run bench`: kubelint's speed and memory on ../shared/corpus beside the js-yaml parse floor,
// start-up beside a bare `node -e 0`, a pre-commit-sized scan, and the history, schema and chart
// benchmarks of their own scripts. Prints a table and writes bench/RESULTS.md. Medians of runs.
//
//   node bench/run.mjs [--corpus DIR] [--runs N] [--quick]
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const flag = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const corpus = path.resolve(flag('--corpus', path.join(root, '../shared/corpus')));
const quick = args.includes('--quick');
const runs = Number(flag('--runs', quick ? '1' : '3'));
// Start-up figures are short and the machine is noisy: more runs for a stable median.
const smallRuns = quick ? 3 : 21;

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function node(argv, env = {}) {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, argv, { cwd: root, env: { ...process.env, ...env }, encoding: 'utf8', maxBuffer: 1 << 30 });
  const wall = performance.now() - t0;
  const m = /@@measure (\{.*\})/.exec(r.stderr ?? '');
  return { wall, status: r.status, stdout: r.stdout, stderr: r.stderr, measure: m ? JSON.parse(m[1]) : undefined };
}

function kubelint(argv, env) {
  const r = node([path.join(root, 'bench/measure-child.mjs'), ...argv], env);
  if (!r.measure) throw new Error(`kubelint ${argv.join(' ')} failed:\n${r.stderr}`);
  return r;
}

/** Top-level folders of the corpus in two groups of about equal size (largest first, into the lighter group). */
function splitCorpus(dir) {
  const size = (p) => (fs.statSync(p).isDirectory() ? fs.readdirSync(p).reduce((n, e) => n + size(path.join(p, e)), 0) : fs.statSync(p).size);
  const parts = fs.readdirSync(dir).filter((e) => fs.statSync(path.join(dir, e)).isDirectory()).map((e) => ({ p: path.join(dir, e), n: size(path.join(dir, e)) }));
  const groups = [{ n: 0, ps: [] }, { n: 0, ps: [] }];
  for (const part of parts.sort((a, b) => b.n - a.n)) {
    const g = groups[0].n <= groups[1].n ? groups[0] : groups[1];
    g.n += part.n;
    g.ps.push(part.p);
  }
  return groups.map((g) => g.ps);
}

/** Run processes at the same time (process i gets env(i)); the slower one's measured time. */
function concurrently(argvs, env = () => ({})) {
  const script = `
    const { spawn } = require('node:child_process');
    const argvs = ${JSON.stringify(argvs)};
    const envs = ${JSON.stringify(argvs.map((_, i) => env(i)))};
    Promise.all(argvs.map((argv, i) => new Promise((resolve) => {
      const c = spawn(process.execPath, argv, { env: { ...process.env, KUBELINT_WORKERS: '1', ...envs[i] }, stdio: ['ignore', 'ignore', 'pipe'] });
      let err = '';
      c.stderr.on('data', (d) => (err += d));
      c.on('close', () => resolve(JSON.parse(/@@measure (\{.*\})/.exec(err)[1]).ms));
    }))).then((ms) => console.log(Math.max(...ms)));`;
  const r = spawnSync(process.execPath, ['-e', script], { cwd: root, encoding: 'utf8' });
  return Number(r.stdout.trim());
}

function repeat(n, fn) {
  const results = [];
  for (let i = 0; i < n; i++) results.push(fn());
  return results;
}

const rows = [];
function row(name, value, unit, target, ok) {
  rows.push({ name, value, unit, target, ok });
  console.log(`${name.padEnd(48)} ${String(value).padStart(10)} ${unit.padEnd(8)} ${target ?? ''}${ok === undefined ? '' : ok ? '  ok' : '  MISSED'}`);
}

console.log(`kubelint bench on ${corpus} (${runs} run(s) each for the corpus)\n`);

// (a) parse floor: js-yaml over every manifest of the corpus, in a child so memory is its own.
const floorScript = `
import fs from 'node:fs'; import fg from 'fast-glob'; import yaml from 'js-yaml';
const t0 = performance.now(); let docs = 0;
const part = process.env.FLOOR_PART === undefined ? -1 : Number(process.env.FLOOR_PART);
const all = fg.sync('**/*.{yaml,yml,json}', { cwd: ${JSON.stringify(corpus)}, absolute: true, dot: true }).sort();
for (const f of part < 0 ? all : all.filter((_, i) => i % 2 === part)) {
  try { yaml.loadAll(fs.readFileSync(f, 'utf8'), () => docs++); } catch {}
}
process.stderr.write('@@measure ' + JSON.stringify({ ms: performance.now() - t0, maxRssKb: process.resourceUsage().maxRSS, docs }) + '\\n');`;
fs.mkdirSync(path.join(root, 'bench/tmp'), { recursive: true });
const floorFile = path.join(root, 'bench/tmp/parse-floor.mjs');
fs.writeFileSync(floorFile, floorScript);
// (a)(a')(b)(c)(c') are taken in rounds, one of each per round, so that a noisy stretch of the
// machine weighs on every figure alike and the ratios between them stay meaningful.
const scanArgs = ['scan', corpus, '--no-history', '--format', 'json', '--output', path.join(root, 'bench/tmp/corpus.json'), '--fail-on', 'none'];
const halves = splitCorpus(corpus);
// (f') the corpus twice over, copied (symlinked folders are not followed), in the temp folder
// (bench/tmp is git-ignored, and a scan skips ignored files): the same largest file, twice the bytes.
const twice = fs.mkdtempSync(path.join(os.tmpdir(), 'kubelint-bench-twice-'));
for (const copy of ['a', 'b']) fs.cpSync(corpus, path.join(twice, copy), { recursive: true });
process.on('exit', () => fs.rmSync(twice, { recursive: true, force: true }));
const rounds = repeat(runs, () => ({
  floor: node([floorFile]).measure,
  // (a') how much a second core gives pure parsing here: every other file in each of two processes at once.
  floorPair: concurrently([[floorFile], [floorFile]], (i) => ({ FLOOR_PART: String(i) })),
  // (b)(c)(f) full scan, no history: default workers, one worker.
  full: kubelint(scanArgs).measure,
  one: kubelint(scanArgs, { KUBELINT_WORKERS: '1' }).measure,
  // (c') what this machine gives any parallel design: two independent one-worker processes, each
  // scanning one half of the corpus (by bytes), at the same time, against one process over it all.
  twice: kubelint(['scan', twice, '--no-history', '--format', 'json', '--output', '/dev/null', '--fail-on', 'none']).measure,
  together: concurrently(halves.map((h) => [path.join(root, 'bench/measure-child.mjs'), 'scan', ...h, '--no-history', '--format', 'json', '--output', '/dev/null', '--fail-on', 'none'])),
}));
const floorMs = median(rounds.map((r) => r.floor.ms));
const floorRss = median(rounds.map((r) => r.floor.maxRssKb));
row('(a) parse floor: js-yaml over the corpus', Math.round(floorMs), 'ms');
const floorPairMs = median(rounds.map((r) => r.floorPair));
row("(a') parse floor, two halves in two processes at once", Math.round(floorPairMs), 'ms', `a second core gives ${(floorMs / floorPairMs).toFixed(2)}x`);
const fullMs = median(rounds.map((r) => r.full.ms));
const fullRss = median(rounds.map((r) => r.full.maxRssKb));
row('(b) scan of the corpus, all rules, no history', Math.round(fullMs), 'ms', `<= 2x floor (${(fullMs / floorMs).toFixed(2)}x)`, fullMs <= 2 * floorMs);
const oneMs = median(rounds.map((r) => r.one.ms));
row('(c) same, one worker', Math.round(oneMs), 'ms', `all cores >= 1.6x faster (${(oneMs / fullMs).toFixed(2)}x)`, oneMs / fullMs >= 1.6);
const togetherMs = median(rounds.map((r) => r.together));
row("(c') machine ceiling: the two halves in two processes at once", Math.round(togetherMs), 'ms', `best possible speed-up here: ${(oneMs / togetherMs).toFixed(2)}x`);
row('(f) peak memory of (b)', Math.round(fullRss / 1024), 'MB', `< 2x floor's ${Math.round(floorRss / 1024)} MB (${(fullRss / floorRss).toFixed(2)}x)`, fullRss < 2 * floorRss);
// Memory that grows with the largest file, not with the corpus: twice the bytes, the same largest file.
const twiceRss = median(rounds.map((r) => r.twice.maxRssKb));
row("(f') peak memory, the corpus twice over", Math.round(twiceRss / 1024), 'MB', `grows with the largest file, not the corpus: < 1.25x (f) (${(twiceRss / fullRss).toFixed(2)}x)`, twiceRss < 1.25 * fullRss);

// (d) start-up.
// Alternated, so a noisy stretch of the machine weighs on both alike.
const pairs = repeat(smallRuns, () => [node(['-e', '0']).wall, node([path.join(root, 'bin/kubelint.js'), '--version']).wall]);
const bare = median(pairs.map((p) => p[0]));
const version = median(pairs.map((p) => p[1]));
row('(d) kubelint --version', Math.round(version), 'ms', `within 30 ms of node -e 0 (${Math.round(bare)} ms)`, version - bare <= 30);

// (e) pre-commit-sized scan of one small manifest.
const small = path.join(root, 'fixtures/rules/probe-port-mismatch/named-port-typo.yaml');
const oneFile = median(repeat(smallRuns, () => node([path.join(root, 'bin/kubelint.js'), 'scan', small, '--no-history', '--fail-on', 'none']).wall));
// An absolute target: how long Node itself takes to start here (d) tells how busy the machine was.
row('(e) scan of one small manifest (whole process)', Math.round(oneFile), 'ms', `under 200 ms (node -e 0: ${Math.round(bare)} ms)`, oneFile < 200);

// (g) the history, schema and chart benchmarks of their issues, when present.
const extra = [];
for (const [name, script] of [['history', 'bench/history.mjs'], ['schema', 'bench/schema.mjs'], ['helm', 'bench/helm.mjs']]) {
  if (!fs.existsSync(path.join(root, script))) continue;
  const r = node([path.join(root, script), ...(quick ? ['--quick'] : [])]);
  const text = (r.stdout || r.stderr).trim();
  console.log(`\n(g) ${name}:\n${text}`);
  extra.push({ name, script, text, status: r.status });
}

const findings = JSON.parse(fs.readFileSync(path.join(root, 'bench/tmp/corpus.json'), 'utf8'));
const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
const md = [
  '# Benchmark results',
  '',
  `Measured by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}: ${os.cpus().length} × ${cpu}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${os.platform()} ${os.release()}.`,
  `Corpus: \`${path.relative(root, corpus)}\` (${findings.summary.files} files, ${findings.summary.documents} documents). Medians of ${runs} run(s) for corpus figures and ${smallRuns} for start-up.`,
  '',
  'How a scan spends its time, what runs in parallel and why (b) and (c) stand where they do: [docs/performance.md](../docs/performance.md).',
  '',
  '| measure | value | target | met |',
  '| --- | --- | --- | --- |',
  ...rows.map((r) => `| ${r.name} | ${r.value} ${r.unit} | ${r.target ?? ''} | ${r.ok === undefined ? '' : r.ok ? 'yes' : 'no'} |`),
  '',
  ...extra.flatMap((e) => [`## ${e.name} (\`${e.script}\`)`, '', '```', e.text, '```', '']),
].join('\n');
if (!quick) fs.writeFileSync(path.join(root, 'bench/RESULTS.md'), md + '\n');
console.log(quick ? '\n(--quick: bench/RESULTS.md not written)' : '\nwrote bench/RESULTS.md');
