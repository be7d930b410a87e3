// Dependencies as Helm processes them before rendering: match Chart.yaml/requirements.yaml
// entries to charts under charts/, apply aliases, drop charts disabled by `condition`/`tags`,
// and copy `import-values` from children into parents.
import { copyValueOrigin } from '../sourcemap.js';
import { isMap, type GoMap } from '../template/values.js';
import { satisfies } from '../funcs/semver.js';
import { coalesceChart, coalesceTables, copyValues, pathToMap, pathValue, type ValuesChart } from './coalesce.js';
import type { LoadedChart } from './load.js';

export interface ChartNode extends ValuesChart {
  loaded: LoadedChart;
  metadata: Record<string, any>;
  deps: ChartNode[];
  /** The Chart.yaml (or requirements.yaml) entry that pulled this chart in. */
  dependency?: Record<string, any>;
  isLibrary: boolean;
}

export interface DepProblem {
  chart: ChartNode;
  message: string;
  /** Text to find in Chart.yaml for a position (the dependency name). */
  needle?: string;
}

function versionOk(constraint: unknown, version: unknown): boolean {
  if (!constraint || typeof constraint !== 'string') return true;
  try {
    return satisfies(constraint, String(version ?? ''));
  } catch {
    return true;
  }
}

/** Attach subcharts to their dependency entries (Helm's getAliasDependency); report missing ones. */
export function resolveDependencies(node: ChartNode, build: (c: LoadedChart, name: string) => ChartNode, problems: DepProblem[]): void {
  const reqs: Record<string, any>[] = Array.isArray(node.metadata.dependencies) ? node.metadata.dependencies.filter(isMap) : [];
  const available = node.loaded.subcharts;
  const deps: ChartNode[] = [];
  // Subcharts that no dependency entry names are always rendered.
  for (const sc of available) {
    if (!reqs.some((r) => r.name === sc.metadata.name && versionOk(r.version, sc.metadata.version))) deps.push(build(sc, sc.metadata.name));
  }
  for (const r of reqs) {
    const sc = available.find((c) => c.metadata.name === r.name && versionOk(r.version, c.metadata.version));
    if (!sc) {
      problems.push({ chart: node, message: `found in Chart.yaml, but missing in charts/ directory: ${r.name} (run \`helm dependency build\`)`, needle: String(r.name) });
      continue;
    }
    const child = build(sc, r.alias ? String(r.alias) : sc.metadata.name);
    child.dependency = r;
    deps.push(child);
  }
  node.deps = deps;
  for (const d of deps) resolveDependencies(d, build, problems);
}

/** Drop subcharts disabled by tags and conditions (evaluated against the coalesced values). */
export function applyConditions(node: ChartNode, cvals: GoMap, path: string): void {
  const tags = isMap(cvals.tags) ? (cvals.tags as GoMap) : {};
  node.deps = node.deps.filter((d) => {
    const r = d.dependency;
    if (!r) return true;
    let enabled = true;
    const rTags: unknown[] = Array.isArray(r.tags) ? r.tags : [];
    let hasTrue = false;
    let hasFalse = false;
    for (const t of rTags) {
      const v = tags[String(t)];
      if (v === true) hasTrue = true;
      else if (v === false) hasFalse = true;
    }
    if (!hasTrue && hasFalse) enabled = false;
    if (typeof r.condition === 'string') {
      for (const c of r.condition.split(',').map((s: string) => s.trim()).filter(Boolean)) {
        const pv = pathValue(cvals, path + c);
        if (pv.found && typeof pv.value === 'boolean') {
          enabled = pv.value;
          break;
        }
      }
    }
    return enabled;
  });
  for (const d of node.deps) applyConditions(d, cvals, `${path}${d.name}.`);
}

/** `import-values`: children first; imported values rank below the parent's own values. */
export function applyImportValues(node: ChartNode, warn: (m: string) => void): void {
  for (const d of node.deps) applyImportValues(d, warn);
  const withImports = node.deps.filter((d) => Array.isArray(d.dependency?.['import-values']) && d.dependency!['import-values'].length);
  if (!withImports.length) return;
  const cvals = coalesceChart(node, {}, true, warn);
  let imported: GoMap = {};
  for (const d of withImports) {
    for (const iv of d.dependency!['import-values'] as unknown[]) {
      let child: string;
      let parent: string;
      if (typeof iv === 'string') {
        child = `exports.${iv}`;
        parent = '.';
      } else if (isMap(iv) && typeof iv.child === 'string' && typeof iv.parent === 'string') {
        child = iv.child;
        parent = iv.parent;
      } else continue;
      const pv = pathValue(cvals, `${d.name}.${child}`);
      if (!pv.found || !isMap(pv.value)) {
        warn(`Warning: ImportValues missing table from chart ${d.name}: ${child}`);
        continue;
      }
      imported = mergeTablesKeepingDst(imported, pathToMap(parent, copyValues(pv.value)));
    }
  }
  node.values = coalesceTables(copyValues(cvals), imported, true, warn);
}

function mergeTablesKeepingDst(dst: GoMap, src: GoMap): GoMap {
  for (const k of Object.keys(src)) {
    if (isMap(dst[k]) && isMap(src[k])) mergeTablesKeepingDst(dst[k] as GoMap, src[k] as GoMap);
    else if (!(k in dst)) {
      dst[k] = src[k];
      copyValueOrigin(src, dst, k);
    }
  }
  return dst;
}
