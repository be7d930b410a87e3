// Helm's value merging (pkg/chartutil/coalesce.go and values merging of -f files), over
// plain maps, keeping the origin of every entry that is copied.
import { copyValueOrigin } from '../sourcemap.js';
import { hasOwn, isMap, isNil, setKey, type GoMap } from '../template/values.js';

/** Deep copy keeping value origins. */
export function copyValues<T>(v: T): T {
  if (Array.isArray(v)) {
    const out = v.map(copyValues);
    v.forEach((_, k) => copyValueOrigin(v, out, k));
    return out as unknown as T;
  }
  if (isMap(v)) {
    const out: GoMap = {};
    for (const k of Object.keys(v)) {
      setKey(out, k, copyValues(v[k]));
      copyValueOrigin(v, out, k);
    }
    return out as T;
  }
  return v;
}

/** `-f a.yaml -f b.yaml`: later files win, maps merge deeply (Helm's mergeMaps). */
export function mergeMaps(a: GoMap, b: GoMap): GoMap {
  const out: GoMap = {};
  for (const k of Object.keys(a)) { setKey(out, k, a[k]); copyValueOrigin(a, out, k); }
  for (const k of Object.keys(b)) {
    const v = b[k];
    if (isMap(v) && isMap(out[k])) {
      setKey(out, k, mergeMaps(out[k] as GoMap, v));
      continue;
    }
    setKey(out, k, v);
    copyValueOrigin(b, out, k);
  }
  return out;
}

/**
 * coalesceTablesFullKey: merge src into dst, dst authoritative. With merge=false a null in
 * dst deletes the key (that is how users unset a default).
 */
export function coalesceTables(dst: GoMap, src: GoMap | undefined, merge: boolean, warn: (m: string) => void, prefix = ''): GoMap {
  if (!src) return dst;
  for (const k of Object.keys(src)) {
    const full = prefix ? `${prefix}.${k}` : k;
    const has = hasOwn(dst, k);
    const dv = dst[k];
    const sv = src[k];
    if (has && !merge && dv === null) {
      delete dst[k];
    } else if (!has) {
      setKey(dst, k, copyValues(sv));
      copyValueOrigin(src, dst, k);
    } else if (isMap(sv)) {
      if (isMap(dv)) coalesceTables(dv, sv, merge, warn, full);
      else if (!isNil(dv)) warn(`warning: cannot overwrite table with non table for ${full} (${JSON.stringify(sv)})`);
    } else if (isMap(dv) && !isNil(sv)) {
      warn(`warning: destination for ${full} is a table. Ignoring non-table value (${String(sv)})`);
    }
  }
  return dst;
}

export interface ValuesChart {
  name: string;
  values: GoMap;
  deps: ValuesChart[];
}

/**
 * CoalesceValues: user values `v` over the chart's defaults, then each subchart's defaults
 * under its name, with globals copied down. Mutates and returns `v`.
 */
export function coalesceChart(chart: ValuesChart, v: GoMap, merge: boolean, warn: (m: string) => void, prefix = ''): GoMap {
  coalesceOwnValues(chart, v, merge, warn, prefix);
  for (const sub of chart.deps) {
    const existing = v[sub.name];
    if (!hasOwn(v, sub.name) || isNil(existing)) setKey(v, sub.name, {});
    else if (!isMap(existing)) {
      warn(`type mismatch on ${sub.name}: ${typeof existing}`);
      continue;
    }
    const dv = v[sub.name] as GoMap;
    coalesceGlobals(dv, v, warn);
    setKey(v, sub.name, coalesceChart(sub, dv, merge, warn, prefix ? `${prefix}.${sub.name}` : sub.name));
  }
  return v;
}

function coalesceOwnValues(chart: ValuesChart, v: GoMap, merge: boolean, warn: (m: string) => void, prefix: string): void {
  const defaults = copyValues(chart.values);
  for (const k of Object.keys(defaults)) {
    const val = defaults[k];
    if (hasOwn(v, k)) {
      const value = v[k];
      if (value === null && !merge) delete v[k];
      else if (isMap(value)) {
        if (isMap(val)) coalesceTables(value, val, merge || chart.deps.some((d) => d.name === k), warn, prefix ? `${prefix}.${k}` : k);
        else if (!isNil(val)) warn(`warning: skipped value for ${prefix ? prefix + '.' : ''}${k}: Not a table.`);
      }
    } else {
      setKey(v, k, val);
      copyValueOrigin(defaults, v, k);
    }
  }
}

/** Copy the parent's `global` into the subchart's, parent values winning. */
function coalesceGlobals(dest: GoMap, src: GoMap, warn: (m: string) => void): void {
  const dg = isMap(dest.global) ? (dest.global as GoMap) : hasOwn(dest, 'global') && !isNil(dest.global) ? undefined : {};
  const sg = isMap(src.global) ? (src.global as GoMap) : hasOwn(src, 'global') && !isNil(src.global) ? undefined : {};
  if (!dg || !sg) {
    warn('warning: skipping globals because global is not a table.');
    return;
  }
  for (const k of Object.keys(sg)) {
    const val = sg[k];
    if (isMap(val)) {
      const vv = copyValues(val);
      const dv = dg[k];
      if (!hasOwn(dg, k)) setKey(dg, k, vv);
      else if (!isMap(dv)) warn(`Conflict: cannot merge map onto non-map for "${k}". Skipping.`);
      else {
        coalesceTables(vv, dv, true, warn);
        setKey(dg, k, vv);
      }
    } else if (isMap(dg[k])) {
      warn(`key ${k} is table. Skipping`);
    } else {
      setKey(dg, k, val);
      copyValueOrigin(sg, dg, k);
    }
  }
  setKey(dest, 'global', dg);
}

/** Values.PathValue / Table: walk a dotted path. */
export function pathValue(v: GoMap, path: string): { found: boolean; value?: unknown } {
  const parts = path.split('.');
  let cur: unknown = v;
  for (const p of parts) {
    if (!isMap(cur) || !hasOwn(cur, p)) return { found: false };
    cur = cur[p];
  }
  return { found: true, value: cur };
}

/** pathToMap: `a.b` + data -> {a: {b: data}}; `.` is the root. */
export function pathToMap(path: string, data: GoMap): GoMap {
  if (path === '.' || path === '') return data;
  const parts = path.split('.').filter(Boolean);
  let out: GoMap = data;
  for (let i = parts.length - 1; i >= 0; i--) out = { [parts[i]]: out };
  return out;
}
