// Find .kubelint.yaml upward from the scan root, parse it and validate it against the shipped schema.
import fs from 'node:fs';
import path from 'node:path';
import type { KubelintConfig, LoadedConfig } from './types.js';
import { KubelintError } from '../errors.js';

export const CONFIG_NAMES = ['.kubelint.yaml', '.kubelint.yml'];

export class ConfigError extends KubelintError {}

export function findConfig(startDir: string): string | undefined {
  let dir = path.resolve(startDir);
  for (;;) {
    for (const name of CONFIG_NAMES) {
      const candidate = path.join(dir, name);
      if (fs.existsSync(candidate)) return candidate;
    }
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** Read and validate the config (its parser and validator load only when there is a file). */
export async function loadConfig(explicitPath: string | undefined, scanRoot: string): Promise<LoadedConfig> {
  const file = explicitPath ? path.resolve(explicitPath) : findConfig(scanRoot);
  if (!file) return { config: {} };
  const { parse } = await import('./parse-yaml.js');
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    throw new ConfigError(`cannot read config ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  let data: unknown;
  try {
    data = parse(text, { prettyErrors: false }) ?? {};
  } catch (err) {
    throw new ConfigError(`${file}: invalid YAML: ${(err as Error).message.split('\n')[0]}`);
  }
  return { config: await validateConfig(data, file), path: file };
}

export async function validateConfig(data: unknown, file: string): Promise<KubelintConfig> {
  const { default: validate } = await import('../generated/config-validator.js');
  if (validate(data)) return data as KubelintConfig;
  const errors = (validate.errors ?? []).filter((e) => e.keyword !== 'oneOf' && e.keyword !== 'if');
  const lines = dedupe(errors.map((e) => describe(e)));
  throw new ConfigError(`${file}: invalid configuration\n${lines.map((l) => `  - ${l}`).join('\n')}`);
}

function describe(e: { instancePath: string; message?: string; keyword: string; params: Record<string, unknown> }): string {
  const at = e.instancePath ? e.instancePath.slice(1).replace(/\//g, '.') : '(top level)';
  if (e.keyword === 'additionalProperties') return `${at === '(top level)' ? '' : at + '.'}${String(e.params.additionalProperty)}: unknown key`;
  if (e.keyword === 'enum') return `${at}: must be one of ${(e.params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
  return `${at}: ${e.message ?? e.keyword}`;
}

function dedupe(list: string[]): string[] {
  return [...new Set(list)];
}
