// Rules from outside kubelint: plugin modules and declarative `customRules` in config.
// Ids of both carry a prefix (`<plugin>/` or `custom/`), so they never collide with built-ins,
// which have none; collisions among them are errors.
import type { KubelintConfig } from '../config/types.js';
import type { Rule } from '../engine/rule.js';

export interface ExtraRules {
  rules: Rule[];
  /** Plugins that failed to load, by name: reported, exit 2 unless --fail-on none. */
  errors: string[];
}

/** Load the rules that config adds. `configDir` resolves relative plugin paths. */
export async function loadExtraRules(config: KubelintConfig, configDir: string): Promise<ExtraRules> {
  // Most scans have neither: their loaders are imported only when config asks for them.
  const plugins = config.plugins?.length ? await (await import('./load-plugins.js')).loadPlugins(config.plugins, configDir) : { rules: [], errors: [] };
  const declared = config.customRules?.length ? await (await import('./declarative/rules.js')).declarativeRules(config.customRules) : { rules: [], errors: [] };
  const rules: Rule[] = [];
  const errors = [...plugins.errors, ...declared.errors];
  const seen = new Map<string, string>();
  for (const rule of [...plugins.rules, ...declared.rules]) {
    const origin = rule.origin ?? 'unknown';
    const first = seen.get(rule.id);
    if (first !== undefined) {
      errors.push(`rule id ${rule.id} from ${describeOrigin(origin)} is already defined by ${describeOrigin(first)}; the second one is ignored`);
      continue;
    }
    seen.set(rule.id, origin);
    rules.push(rule);
  }
  return { rules, errors };
}

function describeOrigin(origin: string): string {
  return origin === 'config' ? 'customRules in config' : `plugin "${origin}"`;
}
