// A small TOML encoder for Helm's toToml (BurntSushi/toml layout: scalars first, then tables).
import { isMap, isNil, sortedKeys, type GoMap } from '../template/values.js';

function key(k: string): string {
  return /^[A-Za-z0-9_-]+$/.test(k) ? k : JSON.stringify(k);
}

function scalar(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v);
  if (typeof v === 'boolean' || typeof v === 'bigint') return String(v);
  if (typeof v === 'number') return Number.isInteger(v) ? v.toFixed(1) : String(v);
  if (Array.isArray(v)) return '[' + v.map(scalar).join(', ') + ']';
  if (isMap(v)) return '{' + sortedKeys(v).map((k) => `${key(k)} = ${scalar(v[k])}`).join(', ') + '}';
  throw new Error(`toml: cannot encode ${String(v)}`);
}

function table(m: GoMap, path: string[], out: string[]): void {
  const keys = sortedKeys(m).filter((k) => !isNil(m[k]));
  const isTableArray = (v: unknown) => Array.isArray(v) && v.length > 0 && v.every(isMap);
  for (const k of keys) if (!isMap(m[k]) && !isTableArray(m[k])) out.push(`${'  '.repeat(path.length)}${key(k)} = ${scalar(m[k])}`);
  for (const k of keys) {
    const v = m[k];
    const p = [...path, k];
    if (isMap(v)) {
      out.push('', `${'  '.repeat(path.length)}[${p.map(key).join('.')}]`);
      table(v, p, out);
    } else if (isTableArray(v)) {
      for (const item of v as GoMap[]) {
        out.push('', `${'  '.repeat(path.length)}[[${p.map(key).join('.')}]]`);
        table(item, p, out);
      }
    }
  }
}

export function toToml(v: unknown): string {
  if (!isMap(v)) throw new Error('toml: top-level values must be Go maps or structs');
  const out: string[] = [];
  table(v, [], out);
  return out.join('\n').replace(/^\n+/, '') + '\n';
}
