// Load a chart (directory or packaged .tgz) and its subcharts into memory, the way
// Helm's loader sorts files: Chart.yaml, values.yaml, values.schema.json, templates/,
// charts/ (subcharts), requirements.yaml, and everything else as .Files.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { parseDocument } from 'yaml';
import { readTgz } from './tar.js';
import { parseIgnore, type IgnoreRules } from './helmignore.js';

export interface ChartFile {
  /** Path inside the chart ('templates/x.yaml'). */
  name: string;
  data: Buffer;
}

export interface LoadedChart {
  /** Chart.yaml as parsed (plain data). */
  metadata: Record<string, any>;
  /** Chart.yaml text, for positions of problems. */
  chartYamlText: string;
  templates: ChartFile[];
  valuesText?: string;
  schemaText?: string;
  /** Other files: what templates see as .Files. */
  files: ChartFile[];
  subcharts: LoadedChart[];
  /** v1 charts keep dependencies in requirements.yaml. */
  requirements?: Record<string, any>;
  requirementsText?: string;
  /** Path of the chart's root relative to the scan root, '/' separators ('' for the root itself). */
  relBase: string;
}

export class ChartLoadError extends Error {
  constructor(message: string, readonly relPath: string) {
    super(message);
  }
}

const toPosix = (p: string) => p.split(sep).join('/');

// Sync reads: charts are many small files, and sync I/O is several times faster for them.
function walk(dir: string, base: string, ignore: IgnoreRules | undefined, out: ChartFile[]): void {
  const entries = readdirSync(dir, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const abs = join(dir, e.name);
    const rel = toPosix(relative(base, abs));
    if (e.name === '.git' || e.name === 'node_modules') continue;
    const isDir = e.isDirectory() || (e.isSymbolicLink() && safeIsDir(abs));
    if (ignore?.ignores(rel, !!isDir)) continue;
    if (isDir) walk(abs, base, ignore, out);
    else if (e.isFile() || e.isSymbolicLink()) out.push({ name: rel, data: readFileSync(abs) });
  }
}

function safeIsDir(abs: string): boolean {
  try {
    return statSync(abs).isDirectory();
  } catch {
    return false;
  }
}

function parseYamlMap(text: string, what: string, relPath: string): Record<string, any> {
  const doc = parseDocument(text, { version: '1.1', uniqueKeys: false });
  if (doc.errors.length) throw new ChartLoadError(`cannot load ${what}: ${doc.errors[0].message.split('\n')[0]}`, relPath);
  const v = doc.toJS();
  if (v === null || v === undefined) return {};
  if (typeof v !== 'object' || Array.isArray(v)) throw new ChartLoadError(`cannot load ${what}: not a map`, relPath);
  return v;
}

/** Sort loaded files into a chart. `relBase` names the chart's location for positions. */
export function chartFromFiles(files: ChartFile[], relBase: string): LoadedChart {
  const at = (p: string) => (relBase ? `${relBase}/${p}` : p);
  const chartYaml = files.find((f) => f.name === 'Chart.yaml');
  if (!chartYaml) throw new ChartLoadError('Chart.yaml file is missing', at('Chart.yaml'));
  const chartYamlText = chartYaml.data.toString('utf8');
  const metadata = parseYamlMap(chartYamlText, 'Chart.yaml', at('Chart.yaml'));
  if (!metadata.name) throw new ChartLoadError('validation: chart.metadata.name is required', at('Chart.yaml'));
  metadata.apiVersion ??= 'v1';
  const chart: LoadedChart = { metadata, chartYamlText, templates: [], files: [], subcharts: [], relBase };
  const subFiles = new Map<string, ChartFile[]>();
  for (const f of files) {
    const n = f.name;
    if (n === 'Chart.yaml' || n === 'Chart.lock' || n === 'requirements.lock') continue;
    if (n === 'values.yaml') chart.valuesText = f.data.toString('utf8');
    else if (n === 'values.schema.json') chart.schemaText = f.data.toString('utf8');
    else if (n === 'requirements.yaml') {
      chart.requirementsText = f.data.toString('utf8');
      chart.requirements = parseYamlMap(chart.requirementsText, 'requirements.yaml', at(n));
    }
    else if (n.startsWith('templates/')) chart.templates.push(f);
    else if (n.startsWith('charts/')) {
      if (n.endsWith('.prov')) { chart.files.push(f); continue; }
      const rest = n.slice('charts/'.length);
      const cname = rest.split('/')[0];
      const list = subFiles.get(cname) ?? [];
      list.push({ name: rest, data: f.data });
      subFiles.set(cname, list);
    } else chart.files.push(f);
  }
  for (const [cname, list] of [...subFiles].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (list.length === 1 && list[0].name === cname) {
      if (cname.endsWith('.tgz')) chart.subcharts.push(chartFromArchive(list[0].data, at(`charts/${cname}`)));
      continue;
    }
    const inner = list.filter((f) => f.name.startsWith(cname + '/')).map((f) => ({ name: f.name.slice(cname.length + 1), data: f.data }));
    if (!inner.some((f) => f.name === 'Chart.yaml')) continue; // not a chart: Helm would refuse, we skip it
    chart.subcharts.push(chartFromFiles(inner, at(`charts/${cname}`)));
  }
  if (metadata.apiVersion === 'v1' && chart.requirements?.dependencies && !metadata.dependencies) metadata.dependencies = chart.requirements.dependencies;
  return chart;
}

/** A packaged chart: one top-level directory holding the chart. */
export function chartFromArchive(gz: Buffer, relPath: string): LoadedChart {
  let entries;
  try {
    entries = readTgz(gz);
  } catch (err) {
    throw new ChartLoadError(`cannot read chart archive: ${(err as Error).message}`, relPath);
  }
  const top = entries[0]?.path.split('/')[0];
  if (!top) throw new ChartLoadError('chart archive is empty', relPath);
  const files = entries.filter((e) => e.path.startsWith(top + '/')).map((e) => ({ name: e.path.slice(top.length + 1), data: e.data }));
  const ignoreFile = files.find((f) => f.name === '.helmignore');
  const ignore = ignoreFile ? parseIgnore(ignoreFile.data.toString('utf8')) : undefined;
  const kept = ignore ? files.filter((f) => !ignore.ignores(f.name, false)) : files;
  return chartFromFiles(kept, `${relPath}/${top}`);
}

/** Load a chart directory or .tgz from disk. `relBase` is its path relative to the scan root. */
export async function loadChart(absPath: string, relBase: string): Promise<LoadedChart> {
  const st = statSync(absPath);
  if (st.isFile()) return chartFromArchive(readFileSync(absPath), relBase);
  let ignore: IgnoreRules | undefined;
  try {
    ignore = parseIgnore(readFileSync(join(absPath, '.helmignore'), 'utf8'));
  } catch {
    ignore = undefined;
  }
  const files: ChartFile[] = [];
  walk(absPath, absPath, ignore, files);
  return chartFromFiles(files, relBase);
}
