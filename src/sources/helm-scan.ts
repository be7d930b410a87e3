// Charts in a scan: find them among the discovered files, render each (once per values set),
// and hand the rendered manifests to the YAML loader. Templates are never parsed as plain YAML.
import path from 'node:path';
import type { KubelintConfig } from '../config/types.js';
import type { SourceFile } from '../model.js';
import { chartFileRole, findChartRoots } from './helm/layout.js';
import type { LoadedSources } from './load.js';
import { loadYaml } from './yaml.js';

export interface HelmScanOptions {
  root: string;
  config: KubelintConfig;
  /** Relative to the current directory (CLI flags). */
  values: string[];
  set: string[];
  kubeVersion: string;
}

export { findChartRoots, chartFileRole };

/** Render every chart and add its manifests (units) and render errors (problems). */
export async function renderCharts(chartRoots: string[], opts: HelmScanOptions, into: LoadedSources): Promise<void> {
  const { renderChart } = await import('./helm/render.js');
  const helm = opts.config.helm ?? {};
  const cliValues = opts.values.map((v) => path.resolve(v));
  const sets: { name?: string; values: string[]; set: string[] }[] = helm.valueSets
    ? Object.entries(helm.valueSets)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([name, s]) => ({ name, values: s.values ?? [], set: s.set ?? [] }))
    : [{ values: [], set: [] }];
  for (const chart of chartRoots) {
    for (const set of sets) {
      try {
        const result = await renderChart(path.join(opts.root, chart), {
          root: opts.root,
          releaseName: helm.releaseName ?? 'release',
          namespace: helm.namespace,
          // Config values are relative to the scan root; CLI ones to where kubelint runs.
          valuesFiles: [...(helm.values ?? []), ...set.values].map((v) => path.resolve(opts.root, v)).concat(cliValues),
          set: [...(helm.set ?? []), ...set.set, ...opts.set],
          kubeVersion: `v${opts.kubeVersion}.0`,
          valueSetName: set.name,
        });
        for (const file of result.files) addRendered(file, into);
        into.problems.push(...result.problems);
      } catch (err) {
        into.notes.push(`${chart || '.'}: chart could not be rendered: ${(err as Error).message}`);
      }
    }
  }
}

/** Rendered text is YAML and nothing else: no secret scan of it (the template and values are scanned). */
function addRendered(file: SourceFile, into: LoadedSources): void {
  const result = loadYaml(file);
  into.units.push(...result.units);
  into.problems.push(...result.problems);
}

export function isChartArchive(relPath: string, chartRoots: string[]): boolean {
  return chartRoots.includes(relPath) && /\.tgz$/.test(relPath);
}
