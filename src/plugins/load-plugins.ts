// Import the modules named in config `plugins:` and collect their rules. A plugin that cannot be
// found, imported or understood becomes one error naming it; the other plugins still load.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Rule } from '../engine/rule.js';
import { normalizePluginRule, PREFIX_RE, RESERVED_PREFIXES, type PluginInfo } from './normalize.js';
import { resolvePlugin, type ResolvedPlugin } from './resolve.js';

export interface LoadedPlugins {
  rules: Rule[];
  errors: string[];
}

export async function loadPlugins(specs: string[], configDir: string): Promise<LoadedPlugins> {
  const rules: Rule[] = [];
  const errors: string[] = [];
  const namesSeen = new Map<string, string>();
  for (const spec of specs) {
    let resolved: ResolvedPlugin;
    try {
      resolved = resolvePlugin(spec, configDir);
    } catch (err) {
      errors.push(`plugin "${spec}" failed to load: ${firstLine(err)}`);
      continue;
    }
    const shownFile = shown(resolved.file, configDir);
    let mod: Record<string, unknown>;
    try {
      mod = (await import(pathToFileURL(resolved.file).href)) as Record<string, unknown>;
    } catch (err) {
      // Node does not say where an ES module's syntax error is; `node --check` does.
      const hint = err instanceof SyntaxError ? ` (\`node --check ${resolved.file}\` shows where)` : '';
      errors.push(`plugin "${spec}" failed to load (${shownFile}): ${firstLine(err)}${hint}`);
      continue;
    }
    const shape = pluginShape(mod);
    if ('error' in shape) {
      errors.push(`plugin "${spec}" (${shownFile}): ${shape.error}`);
      continue;
    }
    const name = shape.name ?? resolved.fallbackName;
    if (!PREFIX_RE.test(name)) {
      errors.push(`plugin "${spec}" (${shownFile}): name "${name}" must be kebab-case (it prefixes rule ids); export a \`name\``);
      continue;
    }
    if (RESERVED_PREFIXES.has(name)) {
      errors.push(`plugin "${spec}" (${shownFile}): the name "${name}" is reserved; export another \`name\``);
      continue;
    }
    const earlier = namesSeen.get(name);
    if (earlier) {
      errors.push(`plugin "${spec}" (${shownFile}): its name "${name}" is already used by plugin "${earlier}"; rule ids would collide`);
      continue;
    }
    namesSeen.set(name, spec);
    const info: PluginInfo = { name, file: resolved.file, shownFile };
    shape.rules.forEach((raw, i) => {
      const n = normalizePluginRule(raw, i, info);
      if (n.error !== undefined) errors.push(n.error);
      else rules.push(n.rule);
    });
  }
  return { rules, errors };
}

type Shape = { name?: string; rules: unknown[] } | { error: string };

/** `export default [rules]`, `export default { name, rules }`, or named `rules` (and `name`) exports. */
function pluginShape(mod: Record<string, unknown>): Shape {
  const def = mod.default;
  const namedName = typeof mod.name === 'string' ? mod.name : undefined;
  if (Array.isArray(def)) return { name: namedName, rules: def };
  if (def && typeof def === 'object') {
    const obj = def as Record<string, unknown>;
    if (Array.isArray(obj.rules)) {
      if (obj.name !== undefined && typeof obj.name !== 'string') return { error: '`name` must be a string' };
      return { name: (obj.name as string | undefined) ?? namedName, rules: obj.rules };
    }
  }
  if (Array.isArray(mod.rules)) return { name: namedName, rules: mod.rules };
  return { error: 'exports no rules: `export default [rules]` or `export default { name, rules }`' };
}

function shown(file: string, configDir: string): string {
  const rel = path.relative(configDir, file);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel.split(path.sep).join('/') : file;
}

function firstLine(err: unknown): string {
  const e = err as Error;
  const msg = e instanceof Error ? `${e.name === 'Error' ? '' : `${e.name}: `}${e.message}` : String(err);
  return msg.split('\n')[0];
}
