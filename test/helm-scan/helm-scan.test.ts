// Charts inside a scan: rendered in-process, findings mapped to template and values lines,
// values files read as env sources, --values / --set / valueSets applied as Helm does.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { scan } from '../../src/engine/scan.js';
import { json, REPO, runCli, tempProject } from '../helpers/cli.js';

const CHART = path.join(REPO, 'examples/charts/shop-api');

function chartCopy(extra: Record<string, string> = {}): string {
  const files: Record<string, string> = {};
  for (const rel of fs.readdirSync(CHART, { recursive: true }).map(String)) {
    const full = path.join(CHART, rel);
    if (fs.statSync(full).isFile()) files[`shop-api/${rel}`] = fs.readFileSync(full, 'utf8');
  }
  return tempProject({ ...files, ...extra });
}

function lineOf(file: string, needle: string): number {
  return fs.readFileSync(file, 'utf8').split('\n').findIndex((l) => l.includes(needle)) + 1;
}

describe('Helm charts in a scan', () => {
  it('points a probe mismatch at the template line and 512m at the values line', async () => {
    const result = await scan({ paths: [path.join(REPO, 'examples/charts')], history: false });
    const probe = result.findings.find((f) => f.ruleId === 'probe-port-mismatch');
    expect(probe).toMatchObject({ file: 'shop-api/templates/deployment.yaml', line: lineOf(path.join(CHART, 'templates/deployment.yaml'), 'port: metrics') });
    const quantity = result.findings.find((f) => f.ruleId === 'resource-quantity-suspicious');
    expect(quantity).toMatchObject({ file: 'shop-api/values.yaml', line: lineOf(path.join(CHART, 'values.yaml'), 'memory: 512m') });
    expect(quantity!.related?.[0].note).toMatch(/rendered at templates\/deployment\.yaml:\d+/);
  });

  it('--values and --set change the rendering as Helm would', () => {
    const dir = chartCopy({ 'prod.yaml': 'resources:\n  limits:\n    memory: 512Mi\n' });
    const before = json(runCli(['scan', dir, '--no-history', '--format', 'json']));
    expect(before.findings.map((f: any) => f.ruleId)).toContain('resource-quantity-suspicious');
    const after = json(runCli(['scan', dir, '--no-history', '--format', 'json', '--values', path.join(dir, 'prod.yaml'), '--set', 'image.tag=latest']));
    const rules = after.findings.map((f: any) => f.ruleId);
    expect(rules).not.toContain('resource-quantity-suspicious');
    // The tag set on the command line reaches the rendered image.
    expect(rules).toContain('image-tag-mutable');
  });

  it('renders each values set of config helm.valueSets and says which set a finding came from', async () => {
    const dir = chartCopy({
      '.kubelint.yaml': 'helm:\n  valueSets:\n    dev: { values: [dev.yaml] }\n    prod: { values: [prod.yaml] }\n',
      'dev.yaml': 'replicaCount: 1\n',
      'prod.yaml': 'resources:\n  limits:\n    memory: 512Mi\n',
    });
    const result = await scan({ paths: [dir], history: false });
    const suspicious = result.findings.filter((f) => f.ruleId === 'resource-quantity-suspicious');
    expect(suspicious.map((f) => f.message)).toEqual([expect.stringMatching(/values set dev/)]);
  });

  it('reads env values from chart values files', async () => {
    const dir = chartCopy({
      'shop-api/values.yaml':
        fs.readFileSync(path.join(CHART, 'values.yaml'), 'utf8') + 'env:\n  DATABASE_URL: "postgresql+asyncpg://app@db.shop.svc.cluster.local:5432/shop?connect_timeout=10"\n',
    });
    const result = await scan({ paths: [dir], history: false, onlyRules: ['dsn-asyncpg-param'] });
    expect(result.findings).toEqual([expect.objectContaining({ ruleId: 'dsn-asyncpg-param', file: 'shop-api/values.yaml', line: lineOf(path.join(dir, 'shop-api/values.yaml'), 'DATABASE_URL') })]);
  });
});
