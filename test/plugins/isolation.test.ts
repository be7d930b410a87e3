// A plugin that fails to load, or a rule that throws, is one error naming it; everything else runs.
import { describe, expect, it } from 'vitest';
import { exitStatus, scan } from '../../src/engine/scan.js';
import { tempProject } from '../helpers/cli.js';
import { deployment } from './helpers.js';

/** Trips a built-in rule (probe-port-mismatch), so built-in findings are there to compare. */
const MANIFEST = deployment('web', ['labels: { app: web }']).replace('port: http }, periodSeconds: 10', 'port: http-metrics }, periodSeconds: 10');

const FLAKY = `export default {
  name: 'flaky',
  rules: [
    { id: 'boom', title: 'Always throws', check() { throw new TypeError('labels is undefined'); } },
    { id: 'late', title: 'Rejects later', async check() { await Promise.resolve(); throw new Error('async failure'); } },
    { id: 'ok', title: 'Sees every Deployment', check(ws, report) { for (const d of ws.ofKind('Deployment')) report({ at: d, path: 'metadata.name', message: 'seen ' + d.name }); } },
  ],
};
`;

const GOOD = `export const name = 'good';
export default [{ id: 'seen', title: 'Sees every Deployment', check(ws, report) { for (const d of ws.ofKind('Deployment')) report({ at: d, path: 'kind', message: 'good' }); } }];
`;

async function scanWith(plugins: string[], files: Record<string, string>) {
  const config = `plugins:\n${plugins.map((p) => `  - ${JSON.stringify(p)}\n`).join('')}`;
  const dir = tempProject({ '.kubelint.yaml': config, 'app.yaml': MANIFEST, ...files });
  return scan({ paths: [dir] });
}

const builtinOnly = (findings: { ruleId: string }[]) => findings.filter((f) => !f.ruleId.includes('/'));

describe('a rule that throws', () => {
  it('is reported by rule id and plugin, and every other finding of the scan is intact', async () => {
    const plain = await scan({ paths: [tempProject({ 'app.yaml': MANIFEST })] });
    expect(builtinOnly(plain.findings).map((f) => f.ruleId)).toContain('probe-port-mismatch');

    const result = await scanWith(['./tools/flaky.mjs', './tools/good.mjs'], { 'tools/flaky.mjs': FLAKY, 'tools/good.mjs': GOOD });
    expect(result.errors).toHaveLength(2);
    expect(result.errors[0]).toMatch(/^rule flaky\/boom failed: TypeError: labels is undefined \(plugin "flaky", at tools\/flaky\.mjs:4:\d+\)$/);
    expect(result.errors[1]).toMatch(/^rule flaky\/late failed: Error: async failure \(plugin "flaky"/);
    expect(builtinOnly(result.findings)).toEqual(builtinOnly(plain.findings));
    expect(result.findings.filter((f) => f.ruleId.includes('/')).map((f) => [f.ruleId, f.message])).toEqual([
      ['good/seen', 'good'],
      ['flaky/ok', 'seen web'],
    ]);
    expect(exitStatus(result)).toBe(2);
    expect(exitStatus({ ...result, failOn: 'none' })).toBe(0);
  });

  it('names the rule when it reports something the engine cannot place', async () => {
    const bad = `export default { name: 'sloppy', rules: [{ id: 'no-at', title: 't', check(ws, report) { report({ message: 'where?' }); } }] };\n`;
    const result = await scanWith(['./sloppy.mjs'], { 'sloppy.mjs': bad });
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatch(/^rule sloppy\/no-at failed: TypeError: .* \(plugin "sloppy"/);
  });
});

describe('a plugin that fails to load', () => {
  // In-process, vitest's loader words syntax errors its own way; test/plugins/cli.test.ts checks Node's.
  const cases: [string, Record<string, string>, RegExp][] = [
    ['./tools/syntax.mjs', { 'tools/syntax.mjs': 'export default [ { id: "x", check() { return } ];\n' }, /^plugin "\.\/tools\/syntax\.mjs" failed to load \(tools\/syntax\.mjs\): ./],
    ['./tools/missing.mjs', {}, /^plugin "\.\/tools\/missing\.mjs" failed to load: file not found: .*tools\/missing\.mjs$/],
    ['@acme/kubelint-rules', {}, /^plugin "@acme\/kubelint-rules" failed to load: cannot find package "@acme\/kubelint-rules" in node_modules of /],
    ['./tools/throws.mjs', { 'tools/throws.mjs': 'throw new Error("no config for me");\nexport default [];\n' }, /^plugin "\.\/tools\/throws\.mjs" failed to load \(tools\/throws\.mjs\): no config for me$/],
    ['./tools/empty.mjs', { 'tools/empty.mjs': 'export const answer = 42;\n' }, /^plugin "\.\/tools\/empty\.mjs" \(tools\/empty\.mjs\): exports no rules/],
  ];

  it.each(cases)('%s is reported by name, exit 2, while the other plugin and the built-ins still run', async (spec, files, message) => {
    const result = await scanWith([spec, './tools/good.mjs'], { ...files, 'tools/good.mjs': GOOD });
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatch(message);
    expect(result.findings.map((f) => f.ruleId)).toEqual(expect.arrayContaining(['good/seen', 'probe-port-mismatch']));
    expect(exitStatus(result)).toBe(2);
    expect(exitStatus({ ...result, failOn: 'none' })).toBe(0);
  });
});

describe('rules a plugin gets wrong', () => {
  it('refuses a foreign prefix, a missing check and a bad severity, one error each, and keeps the good rules', async () => {
    const plugin = `export default { name: 'team', rules: [
      { id: 'other/x', title: 't', check() {} },
      { id: 'no-check', title: 't' },
      { id: 'loud', severity: 'fatal', title: 't', check() {} },
      { id: 'team/fine', title: 'Fine', check() {} },
      { id: 'plain', check() {} },
    ] };\n`;
    const result = await scanWith(['./team.mjs'], { 'team.mjs': plugin });
    expect(result.errors).toEqual([
      'plugin "team" (team.mjs): rule "other/x": the id must be kebab-case, optionally prefixed with "team/"',
      'plugin "team" (team.mjs): rule "no-check" has no check() function',
      'plugin "team" (team.mjs): rule "loud": severity must be one of error, warning, info',
    ]);
    const added = result.rules.filter((a) => a.rule.origin === 'team').map((a) => a.rule);
    expect(added.map((r) => [r.id, r.severity, r.family, r.title])).toEqual([
      ['team/fine', 'warning', 'custom', 'Fine'],
      ['team/plain', 'warning', 'custom', 'team/plain'],
    ]);
    expect(added[1].why).toMatch(/team plugin/);
  });

  it('refuses a reserved plugin name and a name used twice', async () => {
    const result = await scanWith(['./a.mjs', './b.mjs', './c.mjs'], {
      'a.mjs': "export default { name: 'custom', rules: [] };\n",
      'b.mjs': "export default { name: 'dup', rules: [{ id: 'x', check() {} }] };\n",
      'c.mjs': "export default { name: 'dup', rules: [{ id: 'x', check() {} }] };\n",
    });
    expect(result.errors).toEqual([
      'plugin "./a.mjs" (a.mjs): the name "custom" is reserved; export another `name`',
      'plugin "./c.mjs" (c.mjs): its name "dup" is already used by plugin "./b.mjs"; rule ids would collide',
    ]);
    expect(result.rules.filter((a) => a.rule.origin === 'dup')).toHaveLength(1);
  });
});
