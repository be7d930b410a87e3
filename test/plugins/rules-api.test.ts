// src/rules-api.ts as a plugin author meets it: bundled on its own (as the package's
// `kubelint/rules-api` entry will be) and imported by a plugin that the built CLI loads.
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { json, REPO, runCli, tempProject } from '../helpers/cli.js';
import * as api from '../../src/rules-api.js';
import { deployment, lineOf } from './helpers.js';

const PLUGIN = `import { defineRule, definePlugin, evaluateSelector } from 'kubelint/rules-api';

export default definePlugin({
  name: 'acme',
  rules: [
    defineRule({
      id: 'team-label',
      family: 'custom',
      severity: 'warning',
      title: 'Deployments carry a team label',
      symptom: 'nobody knows whom to page',
      why: 'Alert routing reads the team label.',
      fix: 'Add a team label.',
      check(ws, report) {
        const hasTeam = { matchExpressions: [{ key: 'team', operator: 'Exists' }] };
        for (const d of ws.ofKind('Deployment')) {
          if (!evaluateSelector(hasTeam, d.labels).matches) report({ at: d, path: 'metadata.labels', message: d.name + ' has no team label' });
        }
      },
    }),
  ],
});
`;

describe('kubelint/rules-api', () => {
  it('exports defineRule, definePlugin and the selector helpers', () => {
    expect(Object.keys(api).sort()).toEqual(['definePlugin', 'defineRule', 'evaluateSelector', 'mapSelectorMatches']);
    expect(() => api.defineRule({ id: 'Not Valid' } as never)).toThrow(/invalid rule id/);
  });

  it('bundles on its own, and a plugin importing it is loaded by the CLI', async () => {
    const text = deployment('web', ['labels: { app: web }']);
    const dir = tempProject({
      '.kubelint.yaml': 'plugins: [./tools/rules.mjs]\n',
      'tools/rules.mjs': PLUGIN,
      'app.yaml': text,
      'node_modules/kubelint/package.json': JSON.stringify({ name: 'kubelint', type: 'module', exports: { './rules-api': './dist/rules-api.js' } }),
    });
    await build({
      entryPoints: { 'rules-api': path.join(REPO, 'src/rules-api.ts') },
      outdir: path.join(dir, 'node_modules/kubelint/dist'),
      bundle: true,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      logLevel: 'silent',
    });
    // The entry is small: types and defineRule, not the engine.
    expect(fs.statSync(path.join(dir, 'node_modules/kubelint/dist/rules-api.js')).size).toBeLessThan(20_000);
    const run = runCli(['scan', dir, '--format', 'json']);
    expect(run.stderr).toBe('');
    expect(json(run).findings.map((f: any) => [f.ruleId, f.line, f.message])).toEqual([['acme/team-label', lineOf(text, 'labels:'), 'web has no team label']]);
  });
});
