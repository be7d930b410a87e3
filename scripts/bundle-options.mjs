// esbuild settings shared by the CLI bundle (dist/cli) and the GitHub Action bundle (dist/action).
import fs from 'node:fs';
import path from 'node:path';

export const root = path.resolve(import.meta.dirname, '..');

export function bundleOptions({ entryPoints, outdir, target }) {
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  return {
    // The YAML parse can run in worker threads: every bundle carries the worker entry.
    entryPoints: { ...entryPoints, 'parse-worker': path.join(root, 'src/sources/parse-worker.ts') },
    outdir,
    bundle: true,
    splitting: true,
    // KUBELINT_NO_MINIFY=1 keeps names readable in CPU profiles.
    minify: !process.env.KUBELINT_NO_MINIFY,
    format: 'esm',
    platform: 'node',
    target,
    legalComments: 'none',
    logLevel: 'warning',
    define: { __KUBELINT_VERSION__: JSON.stringify(pkg.version) },
    // Bundled CommonJS dependencies call require(); give the ESM bundle one.
    banner: { js: "import { createRequire as __kubelintCreateRequire } from 'node:module'; const require = __kubelintCreateRequire(import.meta.url);" },
    chunkNames: 'chunks/[name]-[hash]',
    // kubelint ids are not ESLint rules: eslint-formatter-pretty needs no ESLint rule-docs table.
    alias: {
      'eslint-rule-docs': path.join(root, 'src/report/no-rule-docs.ts'),
      // string-width costs ~25 ms at start-up; the pretty formatter only aligns columns with it.
      'string-width': path.join(root, 'src/report/string-width.ts'),
    },
  };
}
