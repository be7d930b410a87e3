// Read discovered files and hand each to the loaders that claim it.
import type { SourceFile, Unit } from '../model.js';
import type { DiscoveredFile } from './discover.js';
import { readSource, type ReadOutcome } from './read.js';
import { parseInWorkers, type ParseHelper } from './parallel.js';
import { prepareFile } from './prepare-file.js';
import { loadersFor, prepareLoaders, type LoadProblem } from './registry.js';
import { isYamlPath, loadYaml, type PreparedChunk } from './yaml.js';
import './index.js';
import { chartFileRole } from './helm/layout.js';
import { attachPrecomputed, type FilePrecomputed, type PrecomputeOptions } from './precomputed.js';
import { releaseText } from './release-text.js';

export interface LoadedSources {
  /** When set, texts of YAML files are dropped after loading (release-text.ts); files found changed when read again go here. */
  changed?: Set<string>;
  files: SourceFile[];
  units: Unit[];
  problems: LoadProblem[];
  notes: string[];
  /** Parse workers kept after loading (LoadOptions.keepWorkers); the caller closes them. */
  helper?: ParseHelper;
}

export interface LoadOptions {
  /** Chart roots relative to the scan root: their templates are rendered, never parsed as YAML. */
  chartRoots: string[];
  /** Pure per-file work parse workers do beside the parse (what the active rules will need). */
  precompute?: PrecomputeOptions;
  /** Keep the parse workers after loading, to read deferred CRD schemas ahead (LoadedSources.helper). */
  keepWorkers?: boolean;
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

export function loadFile(file: SourceFile, into: LoadedSources, opts: LoadOptions, prepared?: PreparedChunk[]): void {
  into.files.push(file);
  const inChart = templated(file.path, opts.chartRoots);
  for (const loader of loadersFor(file.path)) {
    if (inChart && loader.name !== 'text') continue;
    try {
      // A worker may have done the fast YAML parse already.
      const result = loader.name === 'yaml' && prepared ? loadYaml(file, prepared) : loader.load(file);
      into.units.push(...result.units);
      into.problems.push(...result.problems);
    } catch (err) {
      into.notes.push(`${file.path}: ${loader.name} loader failed: ${(err as Error).message}`);
    }
  }
}

/** Turn what reading a file gave into files, units, problems or notes. */
function accept(d: DiscoveredFile, outcome: ReadOutcome, into: LoadedSources, opts: LoadOptions, prepared?: PreparedChunk[], work?: FilePrecomputed): void {
  if (outcome.kind === 'text') {
    if (outcome.note) into.notes.push(`${d.relPath}: ${outcome.note}`);
    const file = { ...outcome.file, absPath: d.absPath };
    attachPrecomputed(file, work);
    loadFile(file, into, opts, prepared);
    // Rules read values; the text comes back from disk only for positions (release-text.ts).
    if (outcome.version && into.changed && isYamlPath(d.relPath) && !templated(d.relPath, opts.chartRoots)) releaseText(file, outcome.version, into.changed);
    return;
  }
  // A manifest we cannot read is a finding, never a silent skip.
  const parsers = loadersFor(d.relPath).filter((l) => l.name !== 'text');
  if (isYamlPath(d.relPath) || (outcome.kind === 'unreadable' && parsers.length)) {
    const ruleId = parsers.some((l) => l.name === 'dockerfile') ? 'dockerfile-syntax' : 'yaml-syntax';
    const file: SourceFile = { path: d.relPath, absPath: d.absPath, text: '' };
    into.files.push(file);
    into.problems.push({ ruleId, file, span: { start: 0, end: 0 }, message: `${d.relPath} cannot be parsed: ${outcome.reason}` });
  } else {
    into.notes.push(`${d.relPath}: skipped, ${outcome.reason}`);
  }
}

/** Read (and prepare, for `next`) files on the main thread. */
async function readInProcess(
  files: DiscoveredFile[],
  next: () => DiscoveredFile | undefined,
  into: LoadedSources,
  opts: LoadOptions,
  workersRunning = false,
): Promise<void> {
  const plain = iterate(files);
  for (let d = plain(); d; d = plain()) accept(d, readSource(d.absPath, d.relPath), into, opts);
  for (let d = next(); d; d = next()) {
    const r = await prepareFile(d.absPath, d.relPath, opts.precompute ?? {});
    accept(d, r.outcome, into, opts, r.prepared, r.work);
    // Reads are synchronous: let the event loop run, so results from workers are taken in as they come.
    if (workersRunning) await new Promise(setImmediate);
  }
}

/** A list handed out one item at a time (shift() would make big scans quadratic). */
function iterate<T>(items: T[]): () => T | undefined {
  let i = 0;
  return () => (i < items.length ? items[i++] : undefined);
}

export async function loadDiscovered(discovered: DiscoveredFile[], opts: LoadOptions, into: LoadedSources): Promise<void> {
  await prepareLoaders(discovered.map((d) => d.relPath));
  const yamlFiles = discovered.filter((d) => isYamlPath(d.relPath) && !templated(d.relPath, opts.chartRoots));
  const byPath = new Map(yamlFiles.map((d) => [d.relPath, d]));
  const others = discovered.filter((d) => !byPath.has(d.relPath));
  const plan = parseInWorkers(yamlFiles, opts.precompute ?? {}, (r) => accept(byPath.get(r.relPath)!, r.outcome, into, opts, r.prepared, r.work), opts.keepWorkers);
  // The main thread prepares files the same way the workers do, so results never depend on
  // which thread read a file.
  const t0 = performance.now();
  const timing = process.env.KUBELINT_TIMING ? (what: string) => () => process.stderr.write(`${what}: ${Math.round(performance.now() - t0)} ms after load start\n`) : undefined;
  await Promise.all([readInProcess(others, plan ? plan.next : iterate(yamlFiles), into, opts, !!plan).then(timing?.('main thread done')), plan?.done.then(timing?.('workers done'))]);
  into.helper = plan?.helper();
  const left = plan?.leftovers();
  if (left?.reasons.length) {
    // A worker that crashed loses nothing: what it held is read here.
    into.notes.push(`a parse worker stopped (${[...new Set(left.reasons)].join('; ')}); ${left.files.length} of its files were read in the main thread`);
    await readInProcess([], iterate(left.files), into, opts);
  }
  // Reading in parallel shuffles the order; restore a deterministic one.
  into.files.sort((a, b) => cmp(a.path, b.path));
  into.units.sort((a, b) => cmp(a.file.path, b.file.path) || ((a as any).index ?? 0) - ((b as any).index ?? 0));
  into.notes.sort();
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
