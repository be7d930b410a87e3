// Read discovered files and hand each to the loaders that claim it.
import type { SourceFile, Unit } from '../model.js';
import type { DiscoveredFile } from './discover.js';
import { readSource } from './read.js';
import { loadersFor, type LoadProblem } from './registry.js';
import { isYamlPath } from './yaml.js';
import './index.js';
import { chartFileRole } from './helm/index.js';

export interface LoadedSources {
  files: SourceFile[];
  units: Unit[];
  problems: LoadProblem[];
  notes: string[];
}

export interface LoadOptions {
  /** Chart roots relative to the scan root: their templates are rendered, never parsed as YAML. */
  chartRoots: string[];
}

/**
 * Which loaders may see a file of a chart: templates and subcharts only get the text-level
 * loaders (secret scanning); values files, Chart.yaml and crds/ are plain YAML.
 */
function templated(relPath: string, chartRoots: string[]): boolean {
  if (!chartRoots.length) return false;
  const role = chartFileRole(relPath, chartRoots);
  return role === 'template' || role === 'subchart' || role === 'other';
}

export function loadFile(file: SourceFile, into: LoadedSources, opts: LoadOptions): void {
  into.files.push(file);
  const inChart = templated(file.path, opts.chartRoots);
  for (const loader of loadersFor(file.path)) {
    if (inChart && loader.name !== 'text') continue;
    try {
      const result = loader.load(file);
      into.units.push(...result.units);
      into.problems.push(...result.problems);
    } catch (err) {
      into.notes.push(`${file.path}: ${loader.name} loader failed: ${(err as Error).message}`);
    }
  }
}

export async function loadDiscovered(discovered: DiscoveredFile[], opts: LoadOptions, into: LoadedSources): Promise<void> {
  const queue = [...discovered];
  const workers = Array.from({ length: 8 }, async () => {
    for (let d = queue.shift(); d; d = queue.shift()) {
      const outcome = await readSource(d.absPath, d.relPath);
      if (outcome.kind === 'text') {
        if (outcome.note) into.notes.push(`${d.relPath}: ${outcome.note}`);
        loadFile(outcome.file, into, opts);
      } else if (outcome.kind === 'unreadable' || isYamlPath(d.relPath)) {
        // A manifest we cannot read is a finding, never a silent skip.
        if (isYamlPath(d.relPath) || loadersFor(d.relPath).some((l) => l.name !== 'text')) {
          const ruleId = isYamlPath(d.relPath) ? 'yaml-syntax' : loadersFor(d.relPath).some((l) => l.name === 'dockerfile') ? 'dockerfile-syntax' : 'yaml-syntax';
          const file: SourceFile = { path: d.relPath, absPath: d.absPath, text: '' };
          into.files.push(file);
          into.problems.push({ ruleId, file, span: { start: 0, end: 0 }, message: `${d.relPath} cannot be parsed: ${outcome.reason}` });
        } else {
          into.notes.push(`${d.relPath}: skipped, ${outcome.reason}`);
        }
      } else {
        into.notes.push(`${d.relPath}: skipped, ${outcome.reason}`);
      }
    }
  });
  await Promise.all(workers);
  // Reading in parallel shuffles the order; restore a deterministic one.
  into.files.sort((a, b) => cmp(a.path, b.path));
  into.units.sort((a, b) => cmp(a.file.path, b.file.path) || ((a as any).index ?? 0) - ((b as any).index ?? 0));
  into.notes.sort();
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
