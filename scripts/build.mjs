// Build: run every prebuild step (generated validators), then bundle the CLI with esbuild.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { execFileSync } from 'node:child_process';
import { build } from 'esbuild';
import { bundleOptions } from './bundle-options.mjs';

const root = path.resolve(import.meta.dirname, '..');
const prebuild = path.join(root, 'scripts/prebuild');
for (const step of fs.readdirSync(prebuild).filter((f) => f.endsWith('.mjs')).sort()) {
  await import(pathToFileURL(path.join(prebuild, step)).href);
}
// Build beside dist/cli/ and swap it in, so a CLI running meanwhile never sees half a build.
const dist = path.join(root, 'dist/cli');
fs.mkdirSync(path.dirname(dist), { recursive: true });
const staging = path.join(root, `dist/.cli-${process.pid}`);
fs.rmSync(staging, { recursive: true, force: true });
await build({
  ...bundleOptions({
    // The CLI entry stays small; the engine loads lazily. `api` is the package's programmatic entry.
    entryPoints: { kubelint: path.join(root, 'src/cli/main.ts'), api: path.join(root, 'src/index.ts'), 'rules-api': path.join(root, 'src/rules-api.ts') },
    outdir: staging,
    target: 'node20',
  }),
  sourcemap: 'linked',
});
// Type declarations of the plugin API, so plugin authors get completion and type checks.
execFileSync(process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', path.join(root, 'tsconfig.types.json'), '--outDir', path.join(staging, 'types')], { stdio: 'inherit' });
fs.writeFileSync(path.join(staging, '.stamp'), new Date().toISOString());
const old = path.join(root, `dist/.cli-old-${process.pid}`);
if (fs.existsSync(dist)) fs.renameSync(dist, old);
fs.renameSync(staging, dist);
fs.rmSync(old, { recursive: true, force: true });
