// History benchmark: a generated repository of 5,000+ commits (built with `git fast-import`),
// scanned by kubelint's scanGitHistory beside `git log -p --all` on the same repository, the floor
// to approach. Prints commits/s and MB/s for both.
//
//   node bench/history.mjs [--commits N] [--quick] [--keep]
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const flag = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const commitCount = Number(flag('--commits', '5000'));
const runs = args.includes('--quick') ? 1 : 3;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

// Deterministic pseudo-random numbers, so every run builds the same repository.
let seed = 42;
const rand = (n) => {
  seed = (seed * 1103515245 + 12345) & 0x7fffffff;
  return seed % n;
};
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const token = (n) => Array.from({ length: n }, () => ALNUM[rand(ALNUM.length)]).join('');

function deployment(name, version, extraEnv = '') {
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
  namespace: shop
  labels: { app: ${name}, version: "${version}" }
spec:
  replicas: ${2 + (version % 3)}
  selector:
    matchLabels: { app: ${name} }
  template:
    metadata:
      labels: { app: ${name} }
    spec:
      containers:
        - name: ${name}
          image: registry.example.com/shop/${name}:1.${version}.0
          ports: [{ name: http, containerPort: 8080 }]
          env:
            - name: LOG_LEVEL
              value: info
            - name: FEATURE_${version % 7}
              value: "true"${extraEnv}
          resources:
            requests: { cpu: 100m, memory: 128Mi }
            limits: { memory: 256Mi }
`;
}

const services = Array.from({ length: 30 }, (_, i) => `svc-${i}`);
const docs = Array.from({ length: 10 }, (_, i) => `docs/page-${i}.md`);

/** The fast-import stream: each commit edits one to three files; some plant a secret, some delete it again. */
function fastImportStream(n) {
  const chunks = [];
  const data = (text) => `data ${Buffer.byteLength(text)}\n${text}\n`;
  let planted = 0;
  const start = 1_600_000_000;
  for (let c = 1; c <= n; c++) {
    const ts = start + c * 600;
    const who = ['Alice <alice@example.test>', 'Bob <bob@example.test>', 'Carol <carol@example.test>'][c % 3];
    chunks.push(`commit refs/heads/main\nmark :${c}\nauthor ${who} ${ts} +0000\ncommitter ${who} ${ts} +0000\n${data(`change ${c}`)}`);
    if (c > 1) chunks.push(`from :${c - 1}\n`);
    if (c === 1) {
      for (const s of services) chunks.push(`M 100644 inline k8s/${s}.yaml\n${data(deployment(s, 0))}`);
      for (const d of docs) chunks.push(`M 100644 inline ${d}\n${data(`# ${d}\n\n${token(2000)}\n`)}`);
    }
    // A planting commit edits one file only, so no later edit in the same commit overwrites the secret.
    const edits = c % 250 === 0 ? 1 : 1 + rand(3);
    for (let e = 0; e < edits; e++) {
      const s = services[rand(services.length)];
      let extra = '';
      // Every 250th commit leaks a password into a manifest; the next edit of that file drops it.
      if (c % 250 === 0 && e === 0) {
        extra = `\n            - name: DB_PASSWORD\n              value: "${token(20)}"`;
        planted++;
      }
      chunks.push(`M 100644 inline k8s/${s}.yaml\n${data(deployment(s, c, extra))}`);
    }
    if (c % 500 === 0) {
      chunks.push(`M 100644 inline secrets/leak-${c}.env\n${data(`API_TOKEN=${token(32)}\n`)}`);
      planted++;
    }
    if (c % 500 === 100 && c > 500) chunks.push(`D secrets/leak-${c - 100}.env\n`);
    if (c % 10 === 0) chunks.push(`M 100644 inline ${docs[rand(docs.length)]}\n${data(`# notes ${c}\n\n${token(1500)}\n`)}`);
  }
  return { stream: chunks.join(''), planted };
}

function makeRepo(n) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kubelint-history-bench-'));
  execFileSync('git', ['init', '-q', '-b', 'main', dir]);
  const { stream, planted } = fastImportStream(n);
  execFileSync('git', ['fast-import', '--quiet'], { cwd: dir, input: stream, maxBuffer: 1 << 30 });
  execFileSync('git', ['reset', '-q', '--hard', 'main'], { cwd: dir });
  // A packed, delta-compressed repository, as a clone would be. The object list goes to
  // pack-objects directly: `git repack` (which has pack-objects read revisions on its standard
  // input) now and then failed here with "bad revision '{'", as it did under the test runner.
  const packDir = path.join(dir, '.git/objects/pack');
  const before = fs.readdirSync(packDir);
  const objects = execFileSync('git', ['rev-list', '--objects', '--all'], { cwd: dir, maxBuffer: 1 << 30 });
  execFileSync('git', ['pack-objects', '-q', '--delta-base-offset', '.git/objects/pack/pack'], { cwd: dir, input: objects, maxBuffer: 1 << 30 });
  // Like repack -d: fast-import's own pack goes, the new one holds everything.
  for (const f of before) fs.rmSync(path.join(packDir, f));
  execFileSync('git', ['prune-packed'], { cwd: dir });
  return { dir, planted };
}

/** Bundle the history scanner as the CLI ships it (esbuild, ESM), into bench/tmp. */
async function loadScanner() {
  const out = path.join(root, 'bench/tmp/history-bundle.mjs');
  fs.mkdirSync(path.dirname(out), { recursive: true });
  await build({
    entryPoints: [path.join(root, 'src/history/index.ts')],
    outfile: out,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    logLevel: 'warning',
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  });
  return import(pathToFileURL(out).href);
}

/** Wall time and bytes of `git log -p --all` (output counted, then dropped). */
function gitLogP(dir) {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    let bytes = 0;
    const child = spawn('git', ['log', '-p', '--all'], { cwd: dir, stdio: ['ignore', 'pipe', 'inherit'] });
    child.stdout.on('data', (b) => (bytes += b.length));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve({ ms: performance.now() - t0, bytes }) : reject(new Error(`git log exited ${code}`))));
  });
}

const t0 = performance.now();
const { dir, planted } = makeRepo(commitCount);
const repoBytes = Number(execFileSync('du', ['-sk', path.join(dir, '.git')], { encoding: 'utf8' }).split(/\s/)[0]) * 1024;
console.log(`generated ${commitCount} commits in ${((performance.now() - t0) / 1000).toFixed(1)} s (.git ${(repoBytes / 2 ** 20).toFixed(1)} MB, ${planted} planted secrets)`);

const { scanGitHistory } = await loadScanner();
const kubelint = [];
let last;
for (let i = 0; i < runs; i++) {
  const s0 = performance.now();
  last = await scanGitHistory({ root: dir });
  kubelint.push({ ms: performance.now() - s0, bytes: last.bytes ?? 0 });
}
const floor = [];
for (let i = 0; i < runs; i++) floor.push(await gitLogP(dir));

const k = { ms: median(kubelint.map((r) => r.ms)), bytes: kubelint[0].bytes };
const g = { ms: median(floor.map((r) => r.ms)), bytes: floor[0].bytes };
const rate = (count, ms) => (count / (ms / 1000)).toFixed(0);
const mbs = (bytes, ms) => (bytes / 2 ** 20 / (ms / 1000)).toFixed(1);
const line = (name, r, note) =>
  `${name.padEnd(30)} ${(r.ms / 1000).toFixed(2).padStart(7)} s  ${rate(last.commits, r.ms).padStart(7)} commits/s  ${mbs(r.bytes, r.ms).padStart(7)} MB/s  ${note}`;
console.log(`median of ${runs} run(s)`);
console.log(line('kubelint scanGitHistory', k, `(${(k.bytes / 2 ** 20).toFixed(1)} MB of unique blobs scanned)`));
console.log(line('git log -p --all (floor)', g, `(${(g.bytes / 2 ** 20).toFixed(1)} MB of patch output)`));
console.log(`kubelint / floor: ${(k.ms / g.ms).toFixed(2)}x the time; ${last.commits} commits, ${last.findings.length} findings (${planted} planted), ${last.warnings.length} warnings`);

if (!args.includes('--keep')) fs.rmSync(dir, { recursive: true, force: true });
else console.log(`repository kept at ${dir}`);
