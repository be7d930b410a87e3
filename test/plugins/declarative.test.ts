// Declarative `customRules`: match, JSON Schema, the failing key, messages, bad schemas.
import { describe, expect, it } from 'vitest';
import { exitStatus, scan } from '../../src/engine/scan.js';
import { ConfigError } from '../../src/config/load.js';
import { tempProject } from '../helpers/cli.js';
import { deployment, lineOf } from './helpers.js';

const TEAM_LABEL = `customRules:
  - id: team-label
    severity: error
    title: Deployments carry a team label
    message: "{{kind}} {{name}} ({{namespace}}) needs a team label at {{path}}: {{error}}"
    match: { kinds: [Deployment] }
    schema:
      required: [metadata]
      properties:
        metadata:
          required: [labels]
          properties:
            labels:
              required: [team]
              properties:
                team: { type: string, minLength: 1 }
`;

async function run(config: string, files: Record<string, string>) {
  const dir = tempProject({ '.kubelint.yaml': config, ...files });
  const result = await scan({ paths: [dir] });
  const custom = result.findings.filter((f) => f.ruleId.startsWith('custom/'));
  return { result, custom };
}

describe('declarative rule requiring metadata.labels.team on Deployments', () => {
  it('fires at the labels key when labels exist without team', async () => {
    const text = deployment('web', ['labels: { app: web }']);
    const { result, custom } = await run(TEAM_LABEL, { 'app.yaml': text });
    expect(result.errors).toEqual([]);
    expect(custom).toHaveLength(1);
    expect(custom[0]).toMatchObject({ ruleId: 'custom/team-label', severity: 'error', line: lineOf(text, 'labels: { app: web }'), column: 3, path: 'metadata.labels' });
    expect(custom[0].message).toBe("Deployment web (shop) needs a team label at metadata.labels: must have required property 'team'");
  });

  it('fires at the metadata key when there are no labels', async () => {
    const text = deployment('web', []);
    const { custom } = await run(TEAM_LABEL, { 'app.yaml': text });
    expect(custom.map((f) => [f.line, f.column, f.path])).toEqual([[lineOf(text, 'metadata:'), 1, 'metadata']]);
  });

  it('stays silent when the label is there, and on kinds it does not match', async () => {
    const service = 'apiVersion: v1\nkind: Service\nmetadata: { name: web, namespace: shop }\nspec:\n  selector: { app: web }\n  ports: [{ port: 80, targetPort: http }]\n';
    const { result, custom } = await run(TEAM_LABEL, { 'app.yaml': `${deployment('web', ['labels: { app: web, team: shop }'])}---\n${service}` });
    expect(result.rules.some((a) => a.rule.id === 'custom/team-label')).toBe(true);
    expect(custom).toEqual([]);
  });

  it('points at the value when the label is there but empty (the deepest failing key)', async () => {
    const text = deployment('web', ['labels:', '  app: web', '  team: ""']);
    const { custom } = await run(TEAM_LABEL, { 'app.yaml': text });
    expect(custom.map((f) => [f.line, f.column, f.path])).toEqual([[lineOf(text, 'team: ""'), 11, 'metadata.labels.team']]);
  });

  it('reports each matched object on its own, in every document', async () => {
    const a = deployment('a', []);
    const b = deployment('b', ['labels: { app: b, team: x }']);
    const c = deployment('c', ['labels: { app: c }']);
    const { custom } = await run(TEAM_LABEL, { 'app.yaml': [a, b, c].join('---\n') });
    expect(custom.map((f) => f.resource?.name)).toEqual(['a', 'c']);
  });
});

describe('declarative match and scope', () => {
  const rule = (match: string, schema: string, message = '{{kind}}/{{name}} {{container}} {{path}}') =>
    `customRules:\n  - id: r\n    title: t\n    message: "${message}"\n    match: ${match}\n    schema: ${schema}\n`;

  it('filters namespaces with globs and objects with a label selector', async () => {
    const config = rule(
      '{ kinds: [Deployment], namespaces: ["prod-*"], labelSelector: { matchExpressions: [{ key: tier, operator: In, values: [backend] }] } }',
      '{ required: [metadata], properties: { metadata: { required: [annotations] } } }',
    );
    const files = {
      'a.yaml': deployment('a', ['labels: { app: a, tier: backend }'], 'prod-eu'),
      'b.yaml': deployment('b', ['labels: { app: b, tier: frontend }'], 'prod-eu'),
      'c.yaml': deployment('c', ['labels: { app: c, tier: backend }'], 'staging'),
    };
    const { custom } = await run(config, files);
    expect(custom.map((f) => f.file)).toEqual(['a.yaml']);
  });

  it('checks each container with scope container, naming it in the message', async () => {
    const config = rule('{ kinds: [Deployment], scope: container }', '{ properties: { image: { pattern: "^registry\\\\.internal/" } } }');
    const text = deployment('web', ['labels: { app: web }']);
    const { custom } = await run(config, { 'app.yaml': text });
    expect(custom.map((f) => [f.line, f.path, f.message])).toEqual([
      [lineOf(text, 'image:'), 'spec.template.spec.containers[0].image', 'Deployment/web web image'],
    ]);
    expect(custom[0].column).toBe(18);
  });

  it('checks the pod spec with scope podSpec and points at it when a top-level key is missing', async () => {
    const config = rule('{ scope: podSpec }', '{ required: [priorityClassName] }');
    const text = deployment('web', ['labels: { app: web }']);
    const { custom } = await run(config, { 'app.yaml': text });
    expect(custom.map((f) => [f.line, f.path])).toEqual([[lineOf(text, '    spec:'), 'spec.template.spec']]);
  });

  it('points at an unexpected key for additionalProperties', async () => {
    const config = rule(
      '{ kinds: [Deployment] }',
      '{ properties: { metadata: { properties: { labels: { additionalProperties: false, properties: { app: {}, team: {} } } } } } }',
    );
    const text = deployment('web', ['labels:', '  app: web', '  owner: someone']);
    const { custom } = await run(config, { 'app.yaml': text });
    expect(custom.map((f) => [f.line, f.column, f.path])).toEqual([[lineOf(text, 'owner: someone'), 5, 'metadata.labels.owner']]);
  });

  it('accepts ids written with the custom/ prefix and defaults severity to warning', async () => {
    const config = TEAM_LABEL.replace('id: team-label', 'id: custom/team-label').replace('    severity: error\n', '');
    const { custom } = await run(config, { 'app.yaml': deployment('web', []) });
    expect(custom.map((f) => [f.ruleId, f.severity])).toEqual([['custom/team-label', 'warning']]);
  });
});

describe('declarative rule errors', () => {
  it('reports a schema ajv cannot compile by rule id, exits 2, and runs the other rules', async () => {
    const config = `${TEAM_LABEL}  - id: broken\n    title: t\n    message: m\n    schema: { type: nonsense }\n`;
    const { result, custom } = await run(config, { 'app.yaml': deployment('web', []) });
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatch(/^custom rule custom\/broken .*invalid schema/);
    expect(custom.map((f) => f.ruleId)).toEqual(['custom/team-label']);
    expect(exitStatus(result)).toBe(2);
    expect(exitStatus({ ...result, failOn: 'none' })).toBe(0);
  });

  it('refuses two rules with the same id', async () => {
    const config = TEAM_LABEL + TEAM_LABEL.replace('customRules:\n', '');
    const { result, custom } = await run(config, { 'app.yaml': deployment('web', []) });
    expect(result.errors).toEqual(['rule id custom/team-label from customRules in config is already defined by customRules in config; the second one is ignored']);
    expect(custom).toHaveLength(1);
  });

  it('validates customRules entries with the config schema', async () => {
    const bad = [
      'customRules:\n  - id: Team_Label\n    title: t\n    message: m\n    schema: {}\n',
      'customRules:\n  - id: x\n    title: t\n    message: m\n    schema: {}\n    match: { scope: pod }\n',
      'customRules:\n  - id: x\n    title: t\n    schema: {}\n',
    ];
    for (const config of bad) {
      const dir = tempProject({ '.kubelint.yaml': config, 'app.yaml': deployment('web', []) });
      await expect(scan({ paths: [dir] })).rejects.toThrow(ConfigError);
    }
  });
});
