// Bundle the GitHub Action into dist/action/ (committed: a runner executes it without npm install).
// Deterministic output: tests rebuild it into a temp folder and compare it with the committed copy.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(import.meta.dirname, '..');

export async function buildAction(outdir) {
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  fs.rmSync(outdir, { recursive: true, force: true });
  await build({
    entryPoints: { index: path.join(root, 'src/action/main.ts'), 'parse-worker': path.join(root, 'src/sources/parse-worker.ts') },
    outdir,
    bundle: true,
    splitting: true,
    minify: true,
    format: 'esm',
    platform: 'node',
    target: 'node24',
    legalComments: 'none',
    logLevel: 'warning',
    define: { __KUBELINT_VERSION__: JSON.stringify(pkg.version) },
    banner: { js: "import { createRequire as __kubelintCreateRequire } from 'node:module'; const require = __kubelintCreateRequire(import.meta.url);" },
    chunkNames: 'chunks/[name]-[hash]',
    alias: { 'eslint-rule-docs': path.join(root, 'src/report/no-rule-docs.ts') },
  });
  // node24 runs .js as ESM only inside a "type": "module" package.
  fs.writeFileSync(path.join(outdir, 'package.json'), '{ "type": "module" }\n');
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const step of fs.readdirSync(path.join(root, 'scripts/prebuild')).filter((f) => f.endsWith('.mjs')).sort()) {
    await import(pathToFileURL(path.join(root, 'scripts/prebuild', step)).href);
  }
  await buildAction(path.join(root, 'dist/action'));
  console.log('built dist/action/');
}
