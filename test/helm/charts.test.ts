import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { renderChart } from '../../src/sources/helm/index.js';
import { expectedDocs, renderedDocs } from './golden.js';
import { FIXED_NOW } from './helpers.js';

const ROOT = join(__dirname, '..', '..');
const CHARTS = 'fixtures/charts';

async function render(chart: string, opts: Partial<Parameters<typeof renderChart>[1]> = {}) {
  return renderChart(`${CHARTS}/${chart}`, { root: ROOT, releaseName: 'demo', namespace: 'apps', now: FIXED_NOW, ...opts });
}

describe('golden charts render exactly as written by hand', () => {
  it('basic: helpers, include/nindent, toYaml, range over maps and lists, NOTES and tests not emitted', async () => {
    const r = await render('basic');
    expect(r.problems).toEqual([]);
    expect(r.files.map((f) => f.path)).toEqual([`${CHARTS}/basic/templates/deployment.yaml`, `${CHARTS}/basic/templates/service.yaml`]);
    expect(renderedDocs(r.files)).toEqual(expectedDocs(`${ROOT}/${CHARTS}/expected/basic.yaml`));
  });

  it('basic: each file starts with the # Source line helm template prints', async () => {
    const r = await render('basic');
    for (const f of r.files) expect(f.text.startsWith('# Source: basic/templates/')).toBe(true);
  });
});
