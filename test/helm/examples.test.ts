import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { renderChart } from '../../src/sources/helm/index.js';

const ROOT = join(__dirname, '..', '..');
const CHART = 'examples/charts/shop-api';

describe('examples/charts/shop-api', () => {
  it('renders, and maps the probe to the template and the memory limit to values.yaml', async () => {
    const r = await renderChart(CHART, { root: ROOT, releaseName: 'shop' });
    expect(r.problems).toEqual([]);
    const dep = r.files.find((f) => f.path === `${CHART}/templates/deployment.yaml`)!;
    const probe = dep.mapOffset!(dep.text.indexOf('port: metrics'))!;
    expect([probe.path, probe.line]).toEqual([`${CHART}/templates/deployment.yaml`, 27]);
    const memory = dep.mapOffset!(dep.text.indexOf('512m'))!;
    expect([memory.path, memory.line]).toEqual([`${CHART}/values.yaml`, 16]);
  });

  it('prod.yaml replaces the memory limit', async () => {
    const r = await renderChart(CHART, { root: ROOT, releaseName: 'shop', valuesFiles: [`${CHART}/prod.yaml`] });
    const dep = r.files.find((f) => f.path.endsWith('deployment.yaml'))!;
    expect(dep.text).toContain('memory: 1Gi');
    expect(dep.text).toContain('replicas: 4');
  });
});
