// Rules from outside kubelint: plugin modules and declarative `customRules` in config.
import type { KubelintConfig } from '../config/types.js';
import type { Rule } from '../engine/rule.js';

export interface ExtraRules {
  rules: Rule[];
  /** Plugins that failed to load, by name: reported, exit 2 unless --fail-on none. */
  errors: string[];
}

/** Load the rules that config adds. `configDir` resolves relative plugin paths. */
export async function loadExtraRules(config: KubelintConfig, configDir: string): Promise<ExtraRules> {
  void config;
  void configDir;
  return { rules: [], errors: [] };
}
