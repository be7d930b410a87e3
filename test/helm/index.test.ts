import { describe, expect, it } from 'vitest';
import { chartFileRole, findChartRoots, isInsideChart } from '../../src/sources/helm/index.js';

describe('chart discovery helpers', () => {
  const paths = [
    'deploy/app.yaml',
    'charts/web/Chart.yaml',
    'charts/web/values.yaml',
    'charts/web/templates/deployment.yaml',
    'charts/web/charts/redis/Chart.yaml',
    'charts/web/charts/pg-1.0.0.tgz',
    'charts/web/crds/crd.yaml',
    'packaged/api-0.1.0.tgz',
  ];

  it('finds chart roots and skips subcharts', () => {
    expect(findChartRoots(paths)).toEqual(['charts/web', 'packaged/api-0.1.0.tgz']);
  });

  it('classifies files inside charts; templates never count as plain manifests, crds do', () => {
    const roots = findChartRoots(paths);
    expect(chartFileRole('charts/web/templates/deployment.yaml', roots)).toBe('template');
    expect(chartFileRole('charts/web/values.yaml', roots)).toBe('values');
    expect(chartFileRole('charts/web/charts/redis/templates/x.yaml', roots)).toBe('subchart');
    expect(chartFileRole('deploy/app.yaml', roots)).toBeUndefined();
    expect(isInsideChart('charts/web/templates/deployment.yaml', roots)).toBe(true);
    expect(isInsideChart('charts/web/crds/crd.yaml', roots)).toBe(false);
    expect(isInsideChart('deploy/app.yaml', roots)).toBe(false);
    expect(isInsideChart('packaged/api-0.1.0.tgz', roots)).toBe(true);
  });
});
