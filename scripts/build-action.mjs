// Bundle the GitHub Action into dist/action/ (committed: a runner executes it without npm install).
// Deterministic output: tests rebuild it into a temp folder and compare it with the committed copy.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { bundleOptions } from './bundle-options.mjs';

const root = path.resolve(import.meta.dirname, '..');

export async function buildAction(outdir) {
  fs.rmSync(outdir, { recursive: true, force: true });
  await build(bundleOptions({ entryPoints: { index: path.join(root, 'src/action/main.ts') }, outdir, target: 'node24' }));
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
