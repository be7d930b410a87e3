// Which rules run, at which severity, with which options: defaults, config, then CLI flags.
import type { Severity } from '../model.js';
import type { KubelintConfig } from '../config/types.js';
import { builtinRules } from '../../rules/index.js';
import type { Rule } from './rule.js';
import { UsageError } from '../sources/discover.js';

export interface ActiveRule {
  rule: Rule;
  severity: Severity;
  /** True when config set the severity: it then overrides per-finding severities too. */
  severityFromConfig: boolean;
  options: Record<string, unknown>;
}

export function allRules(extra: Rule[] = []): Rule[] {
  return [...builtinRules, ...extra];
}

export function findRule(id: string, extra: Rule[] = []): Rule | undefined {
  return allRules(extra).find((r) => r.id === id);
}

export function selectRules(config: KubelintConfig, flags: { only?: string[]; disable?: string[] }, extra: Rule[] = []): ActiveRule[] {
  const rules = allRules(extra);
  const known = new Set(rules.map((r) => r.id));
  for (const id of [...(flags.only ?? []), ...(flags.disable ?? [])]) {
    if (!known.has(id)) throw new UsageError(`unknown rule "${id}" (see \`kubelint rules\`)`);
  }
  for (const id of Object.keys(config.rules ?? {})) {
    if (!known.has(id)) throw new UsageError(`config names unknown rule "${id}" (see \`kubelint rules\`)`);
  }
  const only = flags.only?.length ? new Set(flags.only) : undefined;
  const disabled = new Set(flags.disable ?? []);
  const out: ActiveRule[] = [];
  for (const rule of rules) {
    if (only && !only.has(rule.id)) continue;
    if (disabled.has(rule.id)) continue;
    const setting = config.rules?.[rule.id];
    const configured = typeof setting === 'string' ? setting : setting?.severity;
    // --rule turns a rule on even when config turned it off.
    if (configured === 'off' && !only) continue;
    out.push({
      rule,
      severity: configured && configured !== 'off' ? configured : rule.severity,
      severityFromConfig: !!configured && configured !== 'off',
      options: (typeof setting === 'object' && setting.options) || {},
    });
  }
  return out;
}
