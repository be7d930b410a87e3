// Plugins as packages: found in node_modules next to the config or above it, entry from exports.
import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { scan } from '../../src/engine/scan.js';
import { exportsTarget, nameFromFile, nameFromPackage, resolvePlugin } from '../../src/plugins/resolve.js';
import { tempProject } from '../helpers/cli.js';
import { deployment } from './helpers.js';

const RULES = `export default [{
  id: 'team-label',
  title: 'Deployments carry a team label',
  check(ws, report) {
    for (const d of ws.ofKind('Deployment')) if (!d.labels.team) report({ at: d, path: 'metadata.labels', message: d.name + ' has no team label' });
  },
}];
`;

describe('plugin packages', () => {
  it('loads a scoped ESM-only package from the project node_modules and prefixes its rules with the scope', async () => {
    const dir = tempProject({
      '.kubelint.yaml': 'plugins: ["@acme/kubelint-rules"]\n',
      'node_modules/@acme/kubelint-rules/package.json': JSON.stringify({ name: '@acme/kubelint-rules', type: 'module', exports: { '.': { require: './no.cjs', import: './src/index.js' } } }),
      'node_modules/@acme/kubelint-rules/src/index.js': RULES,
      'deploy/app.yaml': deployment('web', ['labels: { app: web }']),
    });
    const result = await scan({ paths: [path.join(dir, 'deploy')] });
    expect(result.errors).toEqual([]);
    expect(result.findings.map((f) => [f.ruleId, f.file, f.line, f.message])).toEqual([['acme/team-label', 'app.yaml', 6, 'web has no team label']]);
    expect(result.rules.find((a) => a.rule.id === 'acme/team-label')?.rule.origin).toBe('acme');
  });

  it('finds packages in node_modules above the config folder, through main when there are no exports', () => {
    const dir = tempProject({
      'node_modules/kubelint-plugin-shop/package.json': JSON.stringify({ name: 'kubelint-plugin-shop', main: 'lib/main' }),
      'node_modules/kubelint-plugin-shop/lib/main.js': RULES,
      'infra/k8s/.kubelint.yaml': 'plugins: [kubelint-plugin-shop]\n',
    });
    const resolved = resolvePlugin('kubelint-plugin-shop', path.join(dir, 'infra/k8s'));
    expect(resolved.file).toBe(path.join(dir, 'node_modules/kubelint-plugin-shop/lib/main.js'));
    expect(resolved.fallbackName).toBe('shop');
  });

  it('resolves subpaths through exports patterns', () => {
    const dir = tempProject({
      'node_modules/@acme/k8s/package.json': JSON.stringify({ name: '@acme/k8s', exports: { '.': './index.js', './rules/*': { node: './dist/rules/*.mjs' } } }),
      'node_modules/@acme/k8s/dist/rules/prod.mjs': RULES,
    });
    expect(resolvePlugin('@acme/k8s/rules/prod', dir).file).toBe(path.join(dir, 'node_modules/@acme/k8s/dist/rules/prod.mjs'));
    expect(() => resolvePlugin('@acme/k8s/other', dir)).toThrow(/does not export "\.\/other"/);
  });
});

describe('plugin names', () => {
  it('come from the package name', () => {
    expect(nameFromPackage('@acme/kubelint-rules')).toBe('acme');
    expect(nameFromPackage('@acme/kubelint-plugin')).toBe('acme');
    expect(nameFromPackage('@acme/kubelint-plugin-prod')).toBe('acme-prod');
    expect(nameFromPackage('kubelint-rules-payments')).toBe('payments');
    expect(nameFromPackage('@Acme/K8s_Rules')).toBe('acme-k8s-rules');
    expect(nameFromPackage('shop-rules')).toBe('shop-rules');
  });

  it('or from the file name', () => {
    expect(nameFromFile('/x/tools/team-rules.mjs')).toBe('team-rules');
    expect(nameFromFile('/x/Shop Rules.js')).toBe('shop-rules');
  });
});

describe('exports field', () => {
  it('picks node/import/default conditions in the order the package lists them', () => {
    expect(exportsTarget('./a.js', '.')).toBe('./a.js');
    expect(exportsTarget({ import: './esm.js', default: './cjs.js' }, '.')).toBe('./esm.js');
    expect(exportsTarget({ require: './cjs.js', types: './t.d.ts' }, '.')).toBeUndefined();
    expect(exportsTarget({ '.': [{ worker: './w.js' }, './fallback.js'] }, '.')).toBe('./fallback.js');
    expect(exportsTarget({ '.': { node: { import: './n.mjs' } } }, '.')).toBe('./n.mjs');
    expect(exportsTarget('./a.js', './sub')).toBeUndefined();
  });
});
