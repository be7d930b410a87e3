// `.env`-style files: KEY=VALUE lines, optional `export`, quotes and comments.
import type { KeyPath, SourceFile, Span, Unit } from '../model.js';
import type { EnvValue } from '../workspace/types.js';
import { registerEnvCollector } from '../workspace/env.js';
import { baseName, registerLoader, type LoadResult } from './registry.js';

export interface EnvEntry {
  key: string;
  value: string;
  keySpan: Span;
  valueSpan: Span;
}

export class EnvFileUnit implements Unit {
  readonly kind = 'env' as const;
  constructor(readonly file: SourceFile, readonly entries: EnvEntry[]) {}

  /** Path is [KEY] (the last assignment wins, as in shells) or [entryIndex]. */
  locate(path: KeyPath, target?: 'key' | 'value'): Span {
    const seg = path[0];
    const entry = typeof seg === 'number' ? this.entries[seg] : [...this.entries].reverse().find((e) => e.key === seg);
    if (!entry) return { start: 0, end: Math.min(1, this.file.text.length) };
    return target === 'key' ? entry.keySpan : entry.valueSpan;
  }
}

/** `.env`, `.env.local`, `prod.env`, `env/app.env`... but not `.envrc` or `environment.yaml`. */
export function isEnvFilePath(path: string): boolean {
  const name = baseName(path);
  return /^\.env(\..+)?$/.test(name) && !/\.(ya?ml|json|sh|ts|js|py)$/.test(name) || /\.env$/.test(name);
}

// `s`: a value may hold U+2028/U+2029, which `.` would not match without it.
const LINE = /^[ \t]*(?:export[ \t]+)?([A-Za-z_][A-Za-z0-9_.-]*)[ \t]*=[ \t]*(.*)$/s;

export function parseEnvFile(text: string): EnvEntry[] {
  const entries: EnvEntry[] = [];
  let offset = 0;
  for (const rawLine of text.split('\n')) {
    const line = rawLine.replace(/\r$/, '');
    const m = LINE.exec(line);
    if (m) {
      const keyStart = offset + line.indexOf(m[1]);
      const rawValue = m[2];
      const valueStart = offset + line.length - rawValue.length;
      const { value, start, end } = unquote(rawValue);
      entries.push({
        key: m[1],
        value,
        keySpan: { start: keyStart, end: keyStart + m[1].length },
        valueSpan: { start: valueStart + start, end: valueStart + end },
      });
    }
    offset += rawLine.length + 1;
  }
  return entries;
}

/** Strip quotes or a trailing ` # comment`; returns the value and its offsets inside `raw`. */
function unquote(raw: string): { value: string; start: number; end: number } {
  const q = raw[0];
  if (q === '"' || q === "'") {
    const close = raw.indexOf(q, 1);
    if (close > 0) {
      const inner = raw.slice(1, close);
      return { value: q === '"' ? inner.replace(/\\n/g, '\n').replace(/\\(["\\])/g, '$1') : inner, start: 1, end: close };
    }
  }
  const hash = raw.search(/[ \t]#/);
  const body = (hash >= 0 ? raw.slice(0, hash) : raw).replace(/(?<![ \t])[ \t]+$/, ''); // from the run's start only: linear
  return { value: body, start: 0, end: body.length };
}

export function loadEnvFile(file: SourceFile): LoadResult {
  return { units: [new EnvFileUnit(file, parseEnvFile(file.text))], problems: [] };
}

registerLoader({ name: 'envfile', matches: isEnvFilePath, load: loadEnvFile });

registerEnvCollector((ws) => {
  const out: EnvValue[] = [];
  for (const unit of ws.unitsOf<EnvFileUnit>('env')) {
    unit.entries.forEach((e, i) => {
      out.push({ name: e.key, value: e.value, source: 'envfile', at: { unit, basePath: [] }, path: [i] });
    });
  }
  return out;
});
