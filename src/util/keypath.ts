import type { KeyPath } from '../model.js';

/** Parse `spec.containers[0].ports["http.alt"]` into ['spec','containers',0,'ports','http.alt']. */
export function parseKeyPath(path: string | KeyPath): KeyPath {
  if (Array.isArray(path)) return path;
  const out: KeyPath = [];
  const re = /([^.[\]]+)|\[(\d+)\]|\["((?:[^"\\]|\\.)*)"\]|\['([^']*)'\]/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(path))) {
    if (m[1] !== undefined) out.push(m[1]);
    else if (m[2] !== undefined) out.push(Number(m[2]));
    else if (m[3] !== undefined) out.push(m[3].replace(/\\(.)/g, '$1'));
    else if (m[4] !== undefined) out.push(m[4]);
  }
  return out;
}

/** Format a key path the way users read it: spec.containers[0].ports. Keys with dots are quoted. */
export function formatKeyPath(path: KeyPath): string {
  let s = '';
  for (const seg of path) {
    if (typeof seg === 'number') s += `[${seg}]`;
    else if (/^[A-Za-z0-9_-]+$/.test(seg)) s += s ? `.${seg}` : seg;
    else s += `["${seg.replace(/["\\]/g, '\\$&')}"]`;
  }
  return s;
}

/** Read a value at a path from plain data. */
export function getAt(value: unknown, path: KeyPath): unknown {
  let cur: any = value;
  for (const seg of path) {
    if (cur == null || typeof cur !== 'object') return undefined;
    cur = cur[seg as any];
  }
  return cur;
}
