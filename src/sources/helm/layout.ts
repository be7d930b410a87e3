// Which files of a scan belong to a chart, and what each is. Kept apart from the renderer so a
// scan without charts never loads it.
/**
 * Chart roots among scanned paths (relative, '/' separators): directories holding a
 * Chart.yaml, and packaged `.tgz` charts, except subcharts under another chart's `charts/`
 * (their parent renders them).
 */
export function findChartRoots(paths: string[]): string[] {
  const roots = new Set<string>();
  for (const p of paths) {
    const name = p.slice(p.lastIndexOf('/') + 1);
    if (name === 'Chart.yaml') roots.add(p.includes('/') ? p.slice(0, p.lastIndexOf('/')) : '');
    else if (/\.tgz$/.test(name) && !/(^|\/)charts\//.test(p)) roots.add(p);
  }
  const sorted = [...roots].sort((a, b) => a.length - b.length);
  const kept: string[] = [];
  for (const r of sorted) {
    // A chart inside another chart's charts/ directory is a subchart.
    if (kept.some((k) => r.startsWith(k ? `${k}/charts/` : 'charts/'))) continue;
    kept.push(r);
  }
  return kept.sort();
}

export type ChartFileRole = 'template' | 'values' | 'chart-meta' | 'crd' | 'subchart' | 'other';

/** What a file inside a chart is, or undefined when the path is not inside any of `roots`. */
export function chartFileRole(relPath: string, roots: string[]): ChartFileRole | undefined {
  let best: string | undefined;
  for (const r of roots) {
    if (r === relPath) return 'subchart';
    if ((r === '' || relPath.startsWith(r + '/')) && (best === undefined || r.length > best.length)) best = r;
  }
  if (best === undefined) return undefined;
  const inner = best ? relPath.slice(best.length + 1) : relPath;
  if (inner.startsWith('charts/')) return 'subchart';
  if (inner.startsWith('templates/')) return 'template';
  if (inner.startsWith('crds/')) return 'crd';
  if (inner === 'Chart.yaml' || inner === 'Chart.lock' || inner === 'requirements.yaml' || inner === 'requirements.lock' || inner === 'values.schema.json') return 'chart-meta';
  if (/^values[^/]*\.ya?ml$/.test(inner)) return 'values';
  return 'other';
}

/**
 * Does a raw file belong to one of the charts (so discovery must not lint it as a plain
 * manifest)? Everything in a chart except `crds/` (plain YAML that Helm applies as is).
 */
export function isInsideChart(relPath: string, roots: string[]): boolean {
  const role = chartFileRole(relPath, roots);
  return role !== undefined && role !== 'crd';
}
