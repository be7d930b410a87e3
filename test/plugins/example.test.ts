// The example of examples/plugins (one plugin, one declarative rule) loaded through config from a
// temp project, scanned in-process: the findings are exactly the `# expect:` annotations.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { scan } from '../../src/engine/scan.js';
import { render } from '../../src/report/index.js';
import { expectationsOf } from '../helpers/expectations.js';
import { deployment, EXAMPLE_DIR, exampleProject } from './helpers.js';

const MANIFEST = 'k8s/prod-shop.yaml';

describe('examples/plugins through config', () => {
  it('reports the plugin and the declarative rule exactly where the fixture says, and nothing else', async () => {
    const dir = exampleProject();
    const result = await scan({ paths: [dir] });
    expect(result.errors).toEqual([]);
    const got = result.findings.map((f) => `${f.file}:${f.line} ${f.ruleId}`).sort();
    const want = expectationsOf(fs.readFileSync(path.join(EXAMPLE_DIR, MANIFEST), 'utf8')).map((e) => `${MANIFEST}:${e.line} ${e.rule}`).sort();
    expect(want).toEqual([`${MANIFEST}:46 acme/no-nodeport-in-prod`, `${MANIFEST}:58 custom/team-label`]);
    expect(got).toEqual(want);
  });

  it('points the plugin finding at the value of spec.type, with the resource and a message', async () => {
    const result = await scan({ paths: [exampleProject()] });
    const f = result.findings.find((x) => x.ruleId === 'acme/no-nodeport-in-prod');
    expect(f).toMatchObject({ severity: 'error', line: 46, column: 9, endColumn: 17, path: 'spec.type' });
    expect(f?.resource).toEqual({ apiVersion: 'v1', kind: 'Service', namespace: 'prod-shop', name: 'web' });
    expect(f?.message).toBe('Service web in prod-shop is a NodePort; production services go through the ingress');
  });

  it('gives plugin rules the plugin as origin and declarative rules `config`', async () => {
    const result = await scan({ paths: [exampleProject()] });
    const origins = Object.fromEntries(result.rules.filter((a) => a.rule.origin !== 'builtin').map((a) => [a.rule.id, a.rule.origin]));
    expect(origins).toEqual({ 'acme/no-nodeport-in-prod': 'acme', 'custom/team-label': 'config' });
  });

  it('passes rule options from config to the plugin and lets config change its severity', async () => {
    const config = fs.readFileSync(path.join(EXAMPLE_DIR, '.kubelint.yaml'), 'utf8');
    const dir = exampleProject({
      '.kubelint.yaml': `${config}\nrules:\n  acme/no-nodeport-in-prod: { severity: warning, options: { namespaces: [live-*] } }\n  custom/team-label: off\n`,
      'k8s/live.yaml': fs.readFileSync(path.join(EXAMPLE_DIR, MANIFEST), 'utf8').replaceAll('prod-shop', 'live-shop'),
    });
    const result = await scan({ paths: [dir] });
    expect(result.findings.map((f) => [f.file, f.ruleId, f.severity])).toEqual([['k8s/live.yaml', 'acme/no-nodeport-in-prod', 'warning']]);
  });

  it('honours suppressions for plugin and custom rules like for built-ins', async () => {
    const text = fs.readFileSync(path.join(EXAMPLE_DIR, MANIFEST), 'utf8')
      .replace('type: NodePort # expect: acme/no-nodeport-in-prod', 'type: NodePort # kubelint-ignore acme/no-nodeport-in-prod -- lab cluster')
      .replace('  name: cart\n', '  name: cart\n  annotations: { kubelint.dev/ignore: "custom/team-label" }\n');
    const result = await scan({ paths: [exampleProject({ [MANIFEST]: text })] });
    expect(result.findings).toEqual([]);
    expect(result.summary.suppressed).toBe(2);
  });

  it('lists plugin and custom rules in SARIF rules[] with their help', async () => {
    const result = await scan({ paths: [exampleProject()] });
    const sarif = JSON.parse(await render('sarif', { result, rules: result.rules.map((r) => r.rule), toolVersion: '0.0.0', color: false }));
    const rules = sarif.runs[0].tool.driver.rules;
    const plugin = rules.find((r: any) => r.id === 'acme/no-nodeport-in-prod');
    const custom = rules.find((r: any) => r.id === 'custom/team-label');
    expect(plugin.shortDescription.text).toBe('Service of type NodePort in a production namespace');
    expect(plugin.help.markdown).toContain('from `acme`');
    expect(custom.defaultConfiguration.level).toBe('warning');
    expect(custom.help.text).toBe('Add `team: <owning team>` under metadata.labels.');
    const results = sarif.runs[0].results.map((r: any) => [r.ruleId, rules[r.ruleIndex].id]);
    expect(results).toEqual([['acme/no-nodeport-in-prod', 'acme/no-nodeport-in-prod'], ['custom/team-label', 'custom/team-label']]);
  });

  it('leaves a project without plugins or customRules as it was', async () => {
    const dir = exampleProject({ '.kubelint.yaml': 'failOn: error\n', 'k8s/app.yaml': deployment('web', ['labels: { app: web }']) });
    const result = await scan({ paths: [dir] });
    expect(result.rules.every((a) => a.rule.origin === 'builtin')).toBe(true);
    expect(result.findings).toEqual([]);
  });
});
