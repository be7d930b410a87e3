// Render a chart the way `helm template` does, in-process: load, merge values, process
// dependencies, validate against schemas, execute every template, and split the output
// into manifests whose every offset maps back to a template or values line.
import { readFile } from 'node:fs/promises';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { isMap as isYamlMap, isSeq, parseAllDocuments } from 'yaml';
import type { MappedPosition, SourceFile, Span } from '../../model.js';
import type { LoadProblem } from '../registry.js';
import { helmFuncs } from './funcs/index.js';
import { ExecError, TemplateSet, type TemplateSource } from './template/exec.js';
import { GoStruct, isMap, type GoMap } from './template/values.js';
import { OriginFile, originAt, type Origin, type Segment } from './sourcemap.js';
import { ChartLoadError, loadChart, type LoadedChart } from './chart/load.js';
import { decodeYaml, YamlDecodeError } from './chart/yamlvalues.js';
import { coalesceChart, copyValues, mergeMaps } from './chart/coalesce.js';
import { applyConditions, applyImportValues, resolveDependencies, type ChartNode, type DepProblem } from './chart/deps.js';
import { applySet } from './chart/strvals.js';
import { validateValues } from './chart/schema.js';
import { filesObject } from './chart/files.js';
import { capabilitiesObject } from './chart/capabilities.js';

export const RENDER_ERROR = 'helm-render-error';

export interface RenderOptions {
  /** Scan root: every path in the result is relative to it. */
  root: string;
  releaseName?: string;
  namespace?: string;
  /** `-f` files, in order (absolute, or relative to `root`). */
  valuesFiles?: string[];
  set?: string[];
  setString?: string[];
  kubeVersion?: string;
  /** Name of the values set (render matrices), shown in notes and the origin tag. */
  valueSetName?: string;
  /** Seed for random and crypto functions (default: the release name). */
  seed?: string;
  /** Clock for `now` (ms since epoch); default: the real clock. */
  now?: number;
}

export interface HelmRenderResult {
  files: SourceFile[];
  problems: LoadProblem[];
  valuesFiles: SourceFile[];
}

const toPosix = (p: string) => p.split(sep).join('/');

class Problems {
  readonly list: LoadProblem[] = [];
  private readonly seen = new Set<string>();
  add(file: SourceFile, span: Span, message: string, key = message): void {
    const k = `${file.path}\0${span.start}\0${key}`;
    if (this.seen.has(k)) return;
    this.seen.add(k);
    this.list.push({ ruleId: RENDER_ERROR, file, span, message });
  }
}

function sourceFileOf(o: OriginFile, root: string): SourceFile {
  return { path: o.path, absPath: resolve(root, o.path), text: o.text };
}

function spanAt(text: string, offset: number): Span {
  const start = Math.max(0, Math.min(offset, text.length));
  let end = text.indexOf('\n', start);
  if (end < 0) end = text.length;
  return { start, end: Math.max(end, Math.min(start + 1, text.length)) };
}

/** Capitalised Chart.yaml fields, as templates see `.Chart`. */
function chartStruct(meta: Record<string, any>, isRoot: boolean): GoStruct {
  const maint = (m: any) => new GoStruct('*chart.Maintainer', { Name: m?.name ?? '', Email: m?.email ?? '', URL: m?.url ?? '' });
  const dep = (d: any) => new GoStruct('*chart.Dependency', {
    Name: d?.name ?? '', Version: d?.version ?? '', Repository: d?.repository ?? '', Condition: d?.condition ?? '',
    Tags: d?.tags ?? null, Enabled: true, ImportValues: d?.['import-values'] ?? null, Alias: d?.alias ?? '',
  });
  const s = (v: unknown) => (v === undefined || v === null ? '' : String(v));
  return new GoStruct('chart.Metadata', {
    Name: s(meta.name), Home: s(meta.home), Sources: meta.sources ?? null, Version: s(meta.version), Description: s(meta.description),
    Keywords: meta.keywords ?? null, Maintainers: Array.isArray(meta.maintainers) ? meta.maintainers.map(maint) : null, Icon: s(meta.icon),
    APIVersion: s(meta.apiVersion), Condition: s(meta.condition), Tags: s(meta.tags), AppVersion: s(meta.appVersion),
    Deprecated: meta.deprecated === true, Annotations: isMap(meta.annotations) ? meta.annotations : null, KubeVersion: s(meta.kubeVersion),
    Dependencies: Array.isArray(meta.dependencies) ? meta.dependencies.map(dep) : null, Type: s(meta.type), IsRoot: isRoot,
  });
}

/** Helm's template order: deepest paths first, so parent charts' defines win. */
function helmOrder(names: string[]): string[] {
  const depth = (s: string) => s.split('/').length;
  return names.slice().sort((a, b) => (depth(a) !== depth(b) ? depth(b) - depth(a) : a < b ? 1 : a > b ? -1 : 0));
}

/** Split rendered text into documents the way Helm does (a `---` line starts a new one). */
function splitDocs(text: string): { start: number; end: number }[] {
  const docs: { start: number; end: number }[] = [];
  let start = 0;
  const seps: { at: number; after: number }[] = [];
  for (let i = 0; i < text.length; i = text.indexOf('\n', i) + 1 || text.length) {
    if (text.startsWith('---', i)) {
      let after = i + 3;
      while (after < text.length && /\s/.test(text[after])) after++;
      seps.push({ at: i, after });
    }
    if (text.indexOf('\n', i) < 0) break;
  }
  for (const s of seps) {
    docs.push({ start, end: s.at });
    start = s.after;
  }
  docs.push({ start, end: text.length });
  // Trim each document as Helm does.
  return docs
    .map(({ start: a, end: b }) => {
      while (a < b && /\s/.test(text[a])) a++;
      while (b > a && /\s/.test(text[b - 1])) b--;
      return { start: a, end: b };
    })
    .filter((d) => d.end > d.start);
}

/** Remove Helm's `<no value>` markers, moving segment offsets with the text. */
function stripNoValue(text: string, segments: Segment[]): { text: string; segments: Segment[] } {
  const marker = '<no value>';
  if (!text.includes(marker)) return { text, segments };
  const cuts: number[] = [];
  for (let i = text.indexOf(marker); i >= 0; i = text.indexOf(marker, i + marker.length)) cuts.push(i);
  const shift = (o: number) => {
    let n = 0;
    for (const c of cuts) if (c < o) n += Math.min(marker.length, o - c);
    return o - n;
  };
  const out = text.split(marker).join('');
  const segs: Segment[] = segments.map((s) => ({ out: shift(s.out), origin: s.origin }));
  return { text: out, segments: segs };
}

interface Rendered {
  text: string;
  segments: Segment[];
}

function buildManifest(name: string, r: Rendered, templateOrigin: Origin): Rendered | undefined {
  const docs = splitDocs(r.text);
  if (!docs.length) return undefined;
  let text = '';
  const segments: Segment[] = [];
  docs.forEach((d, k) => {
    const header = `${k ? '---\n' : ''}# Source: ${name}\n`;
    segments.push({ out: text.length, origin: templateOrigin });
    text += header;
    // Segments covering [d.start, d.end), rebased.
    const base = text.length - d.start;
    const first = r.segments.findIndex((s, i) => (r.segments[i + 1]?.out ?? Infinity) > d.start);
    for (let i = Math.max(0, first); i < r.segments.length && r.segments[i].out < d.end; i++) {
      const s = r.segments[i];
      if (s.out < d.start) {
        const o = s.origin.exact ? { ...s.origin, offset: s.origin.offset + (d.start - s.out) } : s.origin;
        segments.push({ out: d.start + base, origin: o });
      } else segments.push({ out: s.out + base, origin: s.origin });
    }
    text += r.text.slice(d.start, d.end) + '\n';
  });
  return { text, segments };
}

function mapper(segments: Segment[], valueSetName?: string): (offset: number) => MappedPosition | undefined {
  return (offset: number) => {
    const o = originAt(segments, offset);
    if (!o) return undefined;
    const { line, column } = o.file.position(o.offset);
    const notes = [o.note, valueSetName ? `values set ${valueSetName}` : undefined].filter(Boolean);
    return { path: o.file.path, line, column, ...(notes.length ? { note: notes.join('; ') } : {}) };
  };
}

/** Render one chart directory or packaged chart. Never throws for chart problems: they become LoadProblems. */
export async function renderChart(chartDir: string, opts: RenderOptions): Promise<HelmRenderResult> {
  const root = resolve(opts.root);
  const abs = resolve(root, chartDir);
  const relBase = toPosix(relative(root, abs));
  const problems = new Problems();
  const valuesFiles: SourceFile[] = [];
  const warn = () => undefined;

  let loaded: LoadedChart;
  try {
    loaded = await loadChart(abs, relBase);
  } catch (err) {
    const path = err instanceof ChartLoadError ? err.relPath : relBase ? `${relBase}/Chart.yaml` : 'Chart.yaml';
    let text = '';
    try { text = await readFile(resolve(root, path), 'utf8'); } catch { /* not a readable file */ }
    problems.add({ path, absPath: resolve(root, path), text }, { start: 0, end: Math.min(1, text.length) }, `chart cannot be loaded: ${(err as Error).message}`);
    return { files: [], problems: problems.list, valuesFiles };
  }

  const at = (c: LoadedChart, p: string) => (c.relBase ? `${c.relBase}/${p}` : p);

  // Chart defaults, with positions.
  const build = (c: LoadedChart, name: string): ChartNode => {
    let values: GoMap = {};
    if (c.valuesText !== undefined) {
      const file = new OriginFile(at(c, 'values.yaml'), c.valuesText);
      valuesFiles.push({ path: file.path, absPath: resolve(root, file.path), text: c.valuesText, origin: `helm:${loaded.metadata.name}` });
      try {
        const v = decodeYaml(c.valuesText, file);
        if (isMap(v)) values = v;
      } catch (err) {
        const e = err as YamlDecodeError;
        problems.add(sourceFileOf(file, root), spanAt(c.valuesText, e.offset ?? 0), `cannot parse values.yaml: ${e.message}`);
      }
    }
    return { name, loaded: c, metadata: { ...c.metadata, name }, values, deps: [], isLibrary: c.metadata.type === 'library' };
  };
  const top = build(loaded, loaded.metadata.name);
  const depProblems: DepProblem[] = [];
  resolveDependencies(top, build, depProblems);
  for (const p of depProblems) {
    const fromReq = p.chart.loaded.metadata.apiVersion === 'v1' && Array.isArray(p.chart.loaded.requirements?.dependencies);
    const text = fromReq ? p.chart.loaded.requirementsText ?? '' : p.chart.loaded.chartYamlText;
    const i = p.needle ? text.search(new RegExp(`name:\\s*["']?${p.needle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}["']?\\s*$`, 'm')) : -1;
    const fromRequirements = p.chart.loaded.metadata.apiVersion === 'v1' && Array.isArray(p.chart.loaded.requirements?.dependencies);
    const path = at(p.chart.loaded, fromRequirements ? 'requirements.yaml' : 'Chart.yaml');
    problems.add({ path, absPath: resolve(root, path), text }, spanAt(text, Math.max(0, i)), p.message);
  }

  // User values: -f files in order, then --set, then --set-string.
  let user: GoMap = {};
  for (const f of opts.valuesFiles ?? []) {
    const fileAbs = isAbsolute(f) ? f : resolve(root, f);
    const rel = toPosix(relative(root, fileAbs));
    let text: string;
    try {
      text = await readFile(fileAbs, 'utf8');
    } catch (err) {
      problems.add({ path: rel, absPath: fileAbs, text: '' }, { start: 0, end: 0 }, `cannot read values file: ${(err as Error).message}`);
      continue;
    }
    const file = new OriginFile(rel, text);
    valuesFiles.push({ path: rel, absPath: fileAbs, text, origin: `helm-values:${loaded.metadata.name}` });
    try {
      const v = decodeYaml(text, file);
      if (isMap(v)) user = mergeMaps(user, v);
    } catch (err) {
      problems.add({ path: rel, absPath: fileAbs, text }, spanAt(text, (err as YamlDecodeError).offset ?? 0), `cannot parse values file: ${(err as Error).message}`);
    }
  }
  const chartYaml = (): SourceFile => ({ path: at(loaded, 'Chart.yaml'), absPath: resolve(root, at(loaded, 'Chart.yaml')), text: loaded.chartYamlText });
  for (const [list, asString] of [[opts.set ?? [], false], [opts.setString ?? [], true]] as const) {
    for (const s of list) {
      try {
        applySet(user, s, asString);
      } catch (err) {
        problems.add(chartYaml(), { start: 0, end: 0 }, `failed parsing ${asString ? '--set-string' : '--set'} data: ${(err as Error).message}`);
      }
    }
  }

  // Dependencies: conditions/tags against the values with every subchart present, then import-values.
  applyConditions(top, coalesceChart(top, copyValues(user), false, warn), '');
  applyImportValues(top, warn);
  const values = coalesceChart(top, copyValues(user), false, warn);

  // values.schema.json of every chart, against that chart's scope.
  const checkSchemas = (node: ChartNode, scope: unknown) => {
    if (node.loaded.schemaText !== undefined) {
      for (const v of validateValues(node.loaded.schemaText, scope)) {
        const origin = v.origin;
        const msg = `values don't meet the specifications of the schema(s) in chart ${node.name}: ${v.message}`;
        if (origin && origin.file.text) problems.add(sourceFileOf(origin.file, root), spanAt(origin.file.text, origin.offset), msg);
        else {
          const path = at(node.loaded, 'values.schema.json');
          problems.add({ path, absPath: resolve(root, path), text: node.loaded.schemaText }, { start: 0, end: 1 }, msg);
        }
      }
    }
    for (const d of node.deps) checkSchemas(d, isMap(scope) ? (scope as GoMap)[d.name] ?? {} : {});
  };
  checkSchemas(top, values);

  // Templates of every chart, named as Helm names them, with the values each one sees.
  const funcs = helmFuncs({ seed: opts.seed ?? opts.releaseName ?? 'release-name', now: () => opts.now ?? Date.now() });
  const set = new TemplateSet(funcs);
  const release = { Name: opts.releaseName ?? 'release-name', Namespace: opts.namespace ?? 'default', IsUpgrade: false, IsInstall: true, Revision: 1n, Service: 'Helm' };
  const capabilities = capabilitiesObject(opts.kubeVersion);
  interface Job { source: TemplateSource; data: GoMap; basePath: string; emit: boolean }
  const jobs = new Map<string, Job>();
  const collect = (node: ChartNode, fullPath: string, scope: GoMap, isRoot: boolean): GoMap => {
    const files = new Map<string, Buffer>(node.loaded.files.map((f) => [f.name, f.data]));
    const subcharts: GoMap = {};
    const data: GoMap = {
      Chart: chartStruct(node.metadata, isRoot), Files: filesObject(files), Release: release, Capabilities: capabilities,
      Values: scope, Subcharts: subcharts,
    };
    for (const d of node.deps) subcharts[d.name] = collect(d, `${fullPath}/charts/${d.name}`, isMap(scope[d.name]) ? (scope[d.name] as GoMap) : {}, false);
    for (const t of node.loaded.templates) {
      const base = t.name.slice(t.name.lastIndexOf('/') + 1);
      const partial = base.startsWith('_');
      if (node.isLibrary && !partial) continue;
      const name = `${fullPath}/${t.name}`;
      const file = new OriginFile(at(node.loaded, t.name), t.data.toString('utf8'), name, true);
      const isNotes = t.name === 'templates/NOTES.txt';
      const isTest = t.name.startsWith('templates/tests/');
      jobs.set(name, { source: { name, file }, data, basePath: `${fullPath}/templates`, emit: !partial && !isNotes && !isTest });
    }
    return data;
  };
  collect(top, top.name, values, true);
  for (const name of helmOrder([...jobs.keys()])) set.add(jobs.get(name)!.source);

  const files: SourceFile[] = [];
  if (top.isLibrary) return { files, problems: problems.list, valuesFiles };
  for (const name of [...jobs.keys()].sort()) {
    const job = jobs.get(name)!;
    const partial = name.slice(name.lastIndexOf('/') + 1).startsWith('_');
    if (partial) {
      if (job.source.parseError) reportExecError(job.source.parseError, problems, root);
      continue;
    }
    let rendered: Rendered;
    try {
      const data = { ...job.data, Template: { Name: name, BasePath: job.basePath } };
      const { writer } = set.execute(name, data);
      rendered = stripNoValue(writer.text, writer.segments);
    } catch (err) {
      if (err instanceof ExecError) reportExecError(err, problems, root);
      else problems.add(sourceFileOf(job.source.file, root), { start: 0, end: 1 }, `rendering failed: ${(err as Error).message}`);
      continue;
    }
    if (!job.emit) continue;
    const manifest = buildManifest(name, rendered, { file: job.source.file, offset: 0 });
    if (!manifest) continue;
    const mapOffset = mapper(manifest.segments, opts.valueSetName);
    // Helm parses what it rendered; a template that produces bad YAML fails the install.
    const bad = firstYamlError(manifest.text);
    if (bad) {
      const o = originAt(manifest.segments, bad.offset) ?? { file: job.source.file, offset: 0 };
      const where = o.file === job.source.file || o.file.isTemplate ? o : { file: job.source.file, offset: 0 };
      problems.add(sourceFileOf(where.file, root), spanAt(where.file.text, where.offset), `YAML parse error on ${name}: ${bad.message}`);
      continue;
    }
    files.push({
      path: job.source.file.path,
      absPath: resolve(root, job.source.file.path),
      text: manifest.text,
      mapOffset,
      origin: `helm:${top.name}${opts.valueSetName ? `@${opts.valueSetName}` : ''}`,
    });
  }
  return { files, problems: problems.list, valuesFiles };
}

/** Helm reads each rendered document's head (apiVersion, kind, metadata): it must be YAML and a map. */
function firstYamlError(text: string): { offset: number; message: string } | undefined {
  for (const doc of parseAllDocuments(text, { version: '1.1', uniqueKeys: false, prettyErrors: false })) {
    const e = (doc as any).errors?.[0];
    if (e) return { offset: e.pos?.[0] ?? 0, message: String(e.message).split('\n')[0] };
    const contents = (doc as any).contents;
    if (contents && !isYamlMap(contents)) {
      const what = isSeq(contents) ? 'array' : typeof (contents as any).value === 'string' ? 'string' : typeof (contents as any).value;
      return { offset: contents.range?.[0] ?? 0, message: `error unmarshaling JSON: json: cannot unmarshal ${what} into Go value of type releaseutil.SimpleHead` };
    }
  }
  return undefined;
}

function reportExecError(err: ExecError, problems: Problems, root: string): void {
  const file = sourceFileOf(err.source.file, root);
  // Recursive includes can stack up hundreds of callers: keep the nearest and the outermost.
  const chain = err.via.length > 2 ? [err.via[0], '...', err.via[err.via.length - 1]] : err.via;
  const via = chain.length ? ` (via ${chain.join(' <- ')})` : '';
  problems.add(file, spanAt(file.text, err.pos), err.message + via, err.message);
}
