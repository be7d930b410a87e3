// The built CLI (run `npm run build` first) with plugins and customRules: scan, rules, explain.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { json, runCli, tempProject } from '../helpers/cli.js';
import { deployment, EXAMPLE_DIR, exampleProject } from './helpers.js';

describe('kubelint scan with the example plugin and declarative rule', () => {
  it('reports both with positions, exits 1, and lists both in SARIF rules[]', () => {
    const dir = exampleProject();
    const run = runCli(['scan', dir, '--format', 'json']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(1);
    expect(json(run).findings.map((f: any) => [f.ruleId, f.file, f.line, f.column, f.severity])).toEqual([
      ['acme/no-nodeport-in-prod', 'k8s/prod-shop.yaml', 46, 9, 'error'],
      ['custom/team-label', 'k8s/prod-shop.yaml', 58, 3, 'warning'],
    ]);
    const sarif = json(runCli(['scan', dir, '--format', 'sarif']));
    const ids = sarif.runs[0].tool.driver.rules.map((r: any) => r.id);
    expect(ids).toEqual(expect.arrayContaining(['acme/no-nodeport-in-prod', 'custom/team-label', 'probe-port-mismatch']));
    expect(sarif.runs[0].invocations[0].executionSuccessful).toBe(true);
  });
});

describe('kubelint rules and explain with config', () => {
  it('list plugin and declarative rules with their origin, from the config found upward from cwd', () => {
    const dir = exampleProject();
    const listed = json(runCli(['rules', '--format', 'json'], { cwd: path.join(dir, 'k8s') }));
    const byId = Object.fromEntries(listed.map((r: any) => [r.id, r.origin]));
    expect(byId['acme/no-nodeport-in-prod']).toBe('acme');
    expect(byId['custom/team-label']).toBe('config');
    expect(byId['probe-port-mismatch']).toBe('builtin');

    const table = runCli(['rules', '--config', path.join(dir, '.kubelint.yaml')]);
    expect(table.status).toBe(0);
    expect(table.stdout).toMatch(/^ID +FAMILY +ORIGIN +SEVERITY +TITLE$/m);
    expect(table.stdout).toMatch(/^acme\/no-nodeport-in-prod +networking +acme +error +Service of type NodePort in a production namespace$/m);

    const explained = runCli(['explain', 'custom/team-label'], { cwd: dir });
    expect(explained.status).toBe(0);
    expect(explained.stdout).toContain('# custom/team-label');
    expect(explained.stdout).toContain('from `config`');
    expect(explained.stdout).toContain('nobody knows which team to page');
    expect(runCli(['explain', 'acme/no-nodeport-in-prod'], { cwd: dir }).stdout).toContain('from `acme`');
  });

  it('keep the plain table when no config adds rules', () => {
    const run = runCli(['rules'], { cwd: tempProject({}) });
    expect(run.stdout).toMatch(/^ID +FAMILY +SEVERITY +TITLE$/m);
  });

  it('exit 2 and name a plugin that fails to load, still listing the rest', () => {
    const dir = exampleProject({ '.kubelint.yaml': 'plugins: [./tools/kubelint-rules.mjs, ./tools/gone.mjs]\n' });
    const run = runCli(['rules', '--format', 'json'], { cwd: dir });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^kubelint: plugin "\.\/tools\/gone\.mjs" failed to load: file not found/m);
    expect(json(run).map((r: any) => r.id)).toContain('acme/no-nodeport-in-prod');
    const explained = runCli(['explain', 'gone/some-rule'], { cwd: dir });
    expect(explained.status).toBe(2);
    expect(explained.stderr).toMatch(/plugin "\.\/tools\/gone\.mjs" failed to load[\s\S]*unknown rule "gone\/some-rule"/);
  });
});

describe('kubelint scan with broken plugins', () => {
  it('names a plugin that fails to import and exits 2, or 0 with --fail-on none', () => {
    const dir = exampleProject({
      '.kubelint.yaml': fs
        .readFileSync(path.join(EXAMPLE_DIR, '.kubelint.yaml'), 'utf8')
        .replace('  - ./tools/kubelint-rules.mjs\n', '  - ./tools/kubelint-rules.mjs\n  - ./tools/broken.mjs\n'),
      'tools/broken.mjs': 'export default [\n  { id: "x", check() { return } ]\n',
    });
    const run = runCli(['scan', dir, '--format', 'json']);
    expect(run.status).toBe(2);
    expect(run.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/^kubelint: plugin "\.\/tools\/broken\.mjs" failed to load \(tools\/broken\.mjs\): SyntaxError: Unexpected token '\]' \(`node --check .*broken\.mjs` shows where\)$/),
    ]);
    // The other plugin and the declarative rule still report.
    expect(json(run).findings.map((f: any) => f.ruleId)).toEqual(['acme/no-nodeport-in-prod', 'custom/team-label']);
    expect(runCli(['scan', dir, '--fail-on', 'none']).status).toBe(0);
  });

  it('names a rule that throws, keeps the built-in findings and exits 2', () => {
    const manifest = deployment('web', ['labels: { app: web }']).replace('port: http }, periodSeconds: 10', 'port: http-metrics }, periodSeconds: 10');
    const plain = tempProject({ 'app.yaml': manifest });
    const dir = tempProject({
      '.kubelint.yaml': 'plugins: [./boom.mjs]\n',
      'boom.mjs': "export const name = 'boom';\nexport default [{ id: 'always', title: 't', check(ws) {\n  return ws.objects[0].obj.spec.nothing.here;\n} }];\n",
      'app.yaml': manifest,
    });
    const run = runCli(['scan', dir, '--format', 'json']);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^kubelint: rule boom\/always failed: TypeError: .*here.* \(plugin "boom", at boom\.mjs:3:\d+\)$/m);
    const builtin = json(runCli(['scan', plain, '--format', 'json'])).findings;
    expect(builtin.map((f: any) => f.ruleId)).toContain('probe-port-mismatch');
    expect(json(run).findings).toEqual(builtin);
  });
});
