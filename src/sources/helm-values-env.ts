// Helm values files as a source of environment values: UPPER_CASE keys with scalar values
// (`env: { DATABASE_URL: ... }`) and `- name: X / value: Y` lists, wherever they sit in the tree.
import type { KeyPath } from '../model.js';
import type { EnvValue, YamlDocUnit } from '../workspace/types.js';
import { registerEnvCollector } from '../workspace/env.js';
import type { Workspace } from '../workspace/workspace.js';

const ENV_NAME = /^[A-Z_][A-Z0-9_]*[A-Z][A-Z0-9_]*$/;
const VALUES_FILE = /(^|\/)values[^/]*\.ya?ml$/;

function isChartValuesFile(path: string, chartDirs: Set<string>): boolean {
  if (!VALUES_FILE.test(path)) return false;
  const dir = path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '';
  return chartDirs.has(dir);
}

function walk(node: unknown, path: KeyPath, unit: YamlDocUnit, out: EnvValue[], depth = 0): void {
  if (depth > 64 || node === null || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    node.forEach((item, i) => {
      if (item && typeof item === 'object' && !Array.isArray(item) && typeof item.name === 'string' && isScalar(item.value)) {
        out.push(envValue(item.name, item.value, unit, [...path, i, 'value']));
      } else walk(item, [...path, i], unit, out, depth + 1);
    });
    return;
  }
  for (const [key, value] of Object.entries(node)) {
    if (ENV_NAME.test(key) && isScalar(value)) out.push(envValue(key, value, unit, [...path, key]));
    else walk(value, [...path, key], unit, out, depth + 1);
  }
}

function isScalar(v: unknown): v is string | number | boolean {
  return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';
}

function envValue(name: string, value: string | number | boolean, unit: YamlDocUnit, path: KeyPath): EnvValue {
  return { name, value: String(value), source: 'helm-values', at: { unit, basePath: [] }, path };
}

export function helmValuesEnv(ws: Workspace): EnvValue[] {
  const chartDirs = new Set(
    ws.files.filter((f) => /(^|\/)Chart\.yaml$/.test(f.path)).map((f) => (f.path.includes('/') ? f.path.slice(0, f.path.lastIndexOf('/')) : '')),
  );
  if (!chartDirs.size) return [];
  const out: EnvValue[] = [];
  for (const unit of ws.yamlDocs) if (isChartValuesFile(unit.file.path, chartDirs)) walk(unit.value, [], unit, out);
  return out;
}

registerEnvCollector(helmValuesEnv);
