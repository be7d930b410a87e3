// Turn what a plugin exported into engine rules: prefixed ids, origin, defaults for missing
// documentation, and a check whose failures name the plugin and the line that threw.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Severity } from '../model.js';
import type { Rule, RuleFamily } from '../engine/rule.js';

const FAMILIES: readonly RuleFamily[] = [
  'networking', 'probes', 'resources', 'stateful', 'dsn', 'secrets', 'architecture',
  'dockerfile', 'risky-env', 'validity', 'security', 'reliability', 'helm', 'custom',
];
const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

export const PREFIX_RE = /^[a-z0-9][a-z0-9-]*$/;
const ID_RE = /^[a-z0-9][a-z0-9-]*$/;

/** Plugin names kubelint keeps for itself: `custom/` is the prefix of declarative config rules. */
export const RESERVED_PREFIXES = new Set(['custom', 'builtin', 'config', 'kubelint']);

export interface PluginInfo {
  name: string;
  /** Absolute path of the module, to find the plugin's own frames in a stack. */
  file: string;
  /** Path shown to users (relative to the config dir when inside it). */
  shownFile: string;
}

export type Normalized = { rule: Rule; error?: undefined } | { rule?: undefined; error: string };

export function normalizePluginRule(raw: unknown, index: number, plugin: PluginInfo): Normalized {
  const where = `plugin "${plugin.name}" (${plugin.shownFile})`;
  if (!raw || typeof raw !== 'object') return { error: `${where}: rules[${index}] is not a rule object` };
  const r = raw as Partial<Rule> & Record<string, unknown>;
  if (typeof r.id !== 'string') return { error: `${where}: rules[${index}] has no string id` };
  const label = `${where}: rule "${r.id}"`;
  const id = prefixedId(r.id, plugin.name);
  if (!id) return { error: `${label}: the id must be kebab-case, optionally prefixed with "${plugin.name}/"` };
  if (typeof r.check !== 'function') return { error: `${label} has no check() function` };
  const severity = r.severity ?? 'warning';
  if (!SEVERITIES.includes(severity)) return { error: `${label}: severity must be one of ${SEVERITIES.join(', ')}` };
  const family = r.family ?? 'custom';
  if (!FAMILIES.includes(family)) return { error: `${label}: family must be one of ${FAMILIES.join(', ')}` };
  const original = r.check.bind(raw) as Rule['check'];
  const rule: Rule = {
    id,
    family,
    severity,
    title: text(r.title) ?? id,
    symptom: text(r.symptom) ?? `a convention of plugin ${plugin.name} is not followed`,
    why: text(r.why) ?? `Rule of the ${plugin.name} plugin (${plugin.shownFile}); its author did not say why.`,
    fix: text(r.fix) ?? 'See the finding message and the plugin documentation.',
    ...(r.example && typeof r.example === 'object' ? { example: r.example } : {}),
    ...(r.peers && typeof r.peers === 'object' ? { peers: r.peers } : {}),
    ...(typeof r.securitySeverity === 'number' ? { securitySeverity: r.securitySeverity } : {}),
    ...(text(r.notes) ? { notes: text(r.notes) } : {}),
    origin: plugin.name,
    check: async (ws, report, ctx) => {
      try {
        await original(ws, report, ctx);
      } catch (err) {
        throw pluginRuleError(err, plugin);
      }
    },
  };
  return { rule };
}

/** `team-label` -> `acme/team-label`; `acme/team-label` stays; another prefix is refused. */
function prefixedId(id: string, prefix: string): string | undefined {
  const slash = id.indexOf('/');
  if (slash < 0) return ID_RE.test(id) ? `${prefix}/${id}` : undefined;
  if (id.slice(0, slash) !== prefix) return undefined;
  return ID_RE.test(id.slice(slash + 1)) ? id : undefined;
}

function text(v: unknown): string | undefined {
  return typeof v === 'string' && v.trim() ? v : undefined;
}

/**
 * One line for the scan errors: what was thrown, the plugin, and the plugin's own frame that threw.
 * The engine prints `rule <id> failed: <stack>`, so the stack is replaced by that line.
 */
export function pluginRuleError(thrown: unknown, plugin: PluginInfo): Error {
  const err = thrown instanceof Error ? thrown : new Error(String(thrown));
  const frame = pluginFrame(err.stack ?? '', plugin);
  const line = `${err.name}: ${err.message.split('\n')[0]} (plugin "${plugin.name}"${frame ? `, at ${frame}` : `, ${plugin.shownFile}`})`;
  const wrapped = new Error(line);
  wrapped.stack = line;
  return wrapped;
}

function pluginFrame(stack: string, plugin: PluginInfo): string | undefined {
  for (const m of stack.matchAll(/\(?((?:file:\/\/)?\/[^\s()]+?):(\d+):(\d+)\)?$/gm)) {
    const file = m[1].startsWith('file:') ? safeFilePath(m[1]) : m[1];
    if (file && path.resolve(file) === plugin.file) return `${plugin.shownFile}:${m[2]}:${m[3]}`;
  }
  return undefined;
}

function safeFilePath(url: string): string | undefined {
  try {
    return fileURLToPath(url);
  } catch {
    return undefined;
  }
}
