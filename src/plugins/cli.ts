// The rule set the `rules` and `explain` commands show: built-ins plus what the config in effect
// adds (--config, else .kubelint.yaml found upward from the current folder).
import path from 'node:path';
import { loadConfig } from '../config/load.js';
import type { Rule } from '../engine/rule.js';
import { allRules } from '../engine/select.js';
import { loadExtraRules } from './index.js';

export interface ConfiguredRules {
  rules: Rule[];
  errors: string[];
}

export async function configuredRules(configFlag: string | undefined, cwd = process.cwd()): Promise<ConfiguredRules> {
  const { config, path: configPath } = await loadConfig(configFlag, cwd);
  const extra = await loadExtraRules(config, configPath ? path.dirname(configPath) : cwd);
  return { rules: allRules(extra.rules), errors: extra.errors };
}

/** Print plugin and custom rule errors; the command then exits 2, as a scan would. */
export function reportRuleErrors(errors: string[], write = (s: string) => void process.stderr.write(s)): number {
  for (const e of errors) write(`kubelint: ${e}\n`);
  return errors.length ? 2 : 0;
}
