import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { renderChart } from '../../src/sources/helm/index.js';
import type { SourceFile } from '../../src/model.js';

const ROOT = join(__dirname, '..', '..');
const CHART = 'fixtures/charts/mapping';

/** Where the rendered text `needle` (its n-th occurrence) comes from. */
function origin(file: SourceFile, needle: string, skip = 0) {
  const at = file.text.indexOf(needle);
  expect(at).toBeGreaterThanOrEqual(0);
  const m = file.mapOffset!(at + skip)!;
  return { where: `${m.path.replace(`${CHART}/`, '')}:${m.line}`, note: m.note };
}

async function deployment(opts: { valuesFiles?: string[]; set?: string[] } = {}) {
  const r = await renderChart(CHART, { root: ROOT, releaseName: 'demo', ...opts });
  expect(r.problems).toEqual([]);
  expect(r.files).toHaveLength(1);
  return { file: r.files[0], result: r };
}

describe('source mapping of rendered output', () => {
  it('maps literal template text to its template line and column', async () => {
    const { file } = await deployment();
    expect(origin(file, 'port: metrics')).toEqual({ where: 'templates/deployment.yaml:23', note: undefined });
    const m = file.mapOffset!(file.text.indexOf('port: metrics'))!;
    expect(m.column).toBe(15);
    expect(origin(file, 'livenessProbe')).toEqual({ where: 'templates/deployment.yaml:20', note: undefined });
  });

  it('maps toYaml of values to the values.yaml line that set each entry', async () => {
    const { file } = await deployment();
    expect(origin(file, '512m')).toEqual({ where: 'values.yaml:10', note: 'rendered at templates/deployment.yaml:25' });
    expect(origin(file, 'team: payments')).toEqual({ where: 'values.yaml:14', note: 'rendered at templates/deployment.yaml:12' });
  });

  it('maps an inline value to the action and notes the values line', async () => {
    const { file } = await deployment();
    expect(origin(file, '8080')).toEqual({ where: 'templates/deployment.yaml:19', note: `value from ${CHART}/values.yaml:6` });
  });

  it('maps include output to the helper line', async () => {
    const { file } = await deployment();
    expect(origin(file, 'release: demo')).toEqual({ where: 'templates/_helpers.tpl:3', note: 'included at templates/deployment.yaml:6' });
  });

  it('--values and --set change the rendering as Helm would, and the mapping follows', async () => {
    const base = (await deployment()).file.text;
    expect(base).toContain('replicas: 1');
    expect(base).toContain('image: "registry.example/api:1.0.0"');
    const { file, result } = await deployment({ valuesFiles: [`${CHART}/prod.yaml`], set: ['image.tag=1.2.3'] });
    expect(file.text).toContain('replicas: 4');
    expect(file.text).toContain('image: "registry.example/api:1.2.3"');
    expect(file.text).toMatch(/limits:\n\s+cpu: "1"\n\s+memory: 512m/);
    expect(origin(file, 'replicas: 4', 'replicas: '.length)).toEqual({ where: 'templates/deployment.yaml:8', note: `value from ${CHART}/prod.yaml:1` });
    expect(origin(file, 'cpu: "1"')).toEqual({ where: 'prod.yaml:4', note: 'rendered at templates/deployment.yaml:25' });
    expect(origin(file, '1.2.3').note).toBe('value from --set image.tag=1.2.3');
    expect(result.valuesFiles.map((f) => f.path)).toEqual([`${CHART}/values.yaml`, `${CHART}/prod.yaml`]);
  });

  it('names the values set in notes and the origin tag', async () => {
    const r = await renderChart(CHART, { root: ROOT, valueSetName: 'prod' });
    expect(r.files[0].origin).toBe('helm:mapping@prod');
    expect(r.files[0].mapOffset!(0)!.note).toBe('values set prod');
  });
});
