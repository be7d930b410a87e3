// Rules declared in config `customRules:`: each matched node must satisfy a JSON Schema.
// Schemas are compiled with ajv once per run; ajv is imported only when a config declares rules.
import type { CustomRuleConfig } from '../../config/types.js';
import type { Rule } from '../../engine/rule.js';
import { formatKeyPath } from '../../util/keypath.js';
import { deepestFailingKey, type SchemaError } from './failing-key.js';
import { matchedNodes, type MatchedNode } from './match.js';

export const CUSTOM_PREFIX = 'custom/';

type Validate = ((data: unknown) => boolean) & { errors?: SchemaError[] | null };
type Compile = (schema: unknown) => Validate;

export interface DeclaredRules {
  rules: Rule[];
  errors: string[];
}

export async function declarativeRules(entries: CustomRuleConfig[]): Promise<DeclaredRules> {
  if (!entries.length) return { rules: [], errors: [] };
  const compile = await schemaCompiler();
  const rules: Rule[] = [];
  const errors: string[] = [];
  for (const entry of entries) {
    const id = customRuleId(entry.id);
    let validate: Validate;
    try {
      validate = compile(entry.schema);
    } catch (err) {
      errors.push(`custom rule ${id} (customRules in config): invalid schema: ${(err as Error).message.split('\n')[0]}`);
      continue;
    }
    rules.push(declarativeRule(id, entry, validate));
  }
  return { rules, errors };
}

/** `team-label` and `custom/team-label` both name the rule `custom/team-label`. */
export function customRuleId(id: string): string {
  return id.startsWith(CUSTOM_PREFIX) ? id : CUSTOM_PREFIX + id;
}

function declarativeRule(id: string, entry: CustomRuleConfig, validate: Validate): Rule {
  const scope = entry.match?.scope ?? 'object';
  const what = scope === 'object' ? 'object' : scope === 'podSpec' ? 'pod spec' : 'container';
  return {
    id,
    family: 'custom',
    severity: entry.severity ?? 'warning',
    title: entry.title,
    symptom: entry.symptom ?? `the ${what} breaks a convention this project declared in its kubelint config`,
    why: entry.why ?? `The project declares this rule in .kubelint.yaml (customRules, id ${entry.id}): ${entry.title}.`,
    fix: entry.fix ?? `Change the ${what} so that it satisfies the schema of customRules entry "${entry.id}" in .kubelint.yaml.`,
    origin: 'config',
    check(ws, report) {
      for (const m of matchedNodes(ws, entry.match)) {
        if (validate(m.node)) continue;
        const failing = deepestFailingKey(validate.errors ?? [], m.node);
        const path = failing?.path ?? [];
        report({
          at: m.at,
          path,
          ...(failing?.target ? { target: failing.target } : {}),
          message: renderMessage(entry.message, m, formatKeyPath(path), failing?.error.message ?? 'does not match the schema'),
        });
      }
    },
  };
}

/** Fill `{{kind}}`, `{{name}}`, `{{namespace}}`, `{{container}}`, `{{path}}`, `{{error}}`; other text stays. */
export function renderMessage(template: string, m: MatchedNode, failingPath: string, error: string): string {
  const values: Record<string, string> = {
    kind: m.object.kind,
    name: m.object.name,
    namespace: m.object.namespace,
    container: m.container ?? '',
    path: failingPath,
    error,
  };
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, key: string) => values[key] ?? whole);
}

async function schemaCompiler(): Promise<Compile> {
  const [ajvModule, formatsModule] = await Promise.all([import('ajv'), import('ajv-formats')]);
  const Ajv = unwrapDefault(ajvModule) as any;
  const addFormats = unwrapDefault(formatsModule) as any;
  // strict off: user schemas often carry annotations (markdownDescription, x-*) ajv does not know.
  const ajv = new Ajv({ allErrors: true, strict: false, allowUnionTypes: true });
  addFormats(ajv);
  return (schema) => ajv.compile(schema) as Validate;
}

/** CommonJS packages arrive as `{ default: module.exports }`, sometimes nested once more. */
function unwrapDefault(mod: any): unknown {
  let m = mod;
  while (m && typeof m !== 'function' && m.default) m = m.default;
  return m;
}
