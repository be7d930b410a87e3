// Turns ajv errors into problems a person can act on: one per problem, at the offending key
// or value, naming the field, the expected type, and the closest valid name for a typo.
import type { KeyPath } from '../model.js';
import { formatKeyPath } from '../util/keypath.js';
import { closestName } from './suggest.js';
import type { AjvError, SchemaProblem } from './types.js';
import { fieldNames, findFieldBelow, schemaAt, type SchemaView } from './walk.js';

/** `/spec/ports/0/port` -> ['spec','ports',0,'port'], numbers only where the data holds a list. */
export function instancePathToKeys(instancePath: string, data: unknown): KeyPath {
  if (!instancePath) return [];
  const out: KeyPath = [];
  let cur: any = data;
  for (const raw of instancePath.slice(1).split('/')) {
    const seg = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(cur) && /^\d+$/.test(seg)) {
      out.push(Number(seg));
      cur = cur[Number(seg)];
    } else {
      out.push(seg);
      cur = cur != null && typeof cur === 'object' ? cur[seg] : undefined;
    }
  }
  return out;
}

function valueAt(data: unknown, path: KeyPath): unknown {
  let cur: any = data;
  for (const seg of path) cur = cur != null && typeof cur === 'object' ? cur[seg as any] : undefined;
  return cur;
}

const TYPE_NAMES: Record<string, string> = {
  integer: 'an integer',
  number: 'a number',
  string: 'a string',
  boolean: 'a boolean (true or false)',
  object: 'a mapping',
  array: 'a list',
  null: 'null',
};

/** 'integer,string' -> 'an integer or a string'. */
export function expectedTypeText(type: string | string[]): string {
  const types = (Array.isArray(type) ? type : String(type).split(',')).map((t) => TYPE_NAMES[t] ?? t);
  return types.length > 1 ? `${types.slice(0, -1).join(', ')} or ${types[types.length - 1]}` : types[0];
}

/** How a value reads in a message: `a string ("3")`, `a mapping`. */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  switch (typeof value) {
    case 'string':
      return `a string (${JSON.stringify(value.length > 40 ? `${value.slice(0, 37)}...` : value)})`;
    case 'number':
      return Number.isInteger(value) ? `an integer (${value})` : `a number (${value})`;
    case 'boolean':
      return `a boolean (${value})`;
    case 'object':
      return 'a mapping';
    default:
      return typeof value;
  }
}

function typeHint(expected: string[], value: unknown): string {
  const wantsNumber = expected.includes('integer') || expected.includes('number');
  if (wantsNumber && typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value.trim())) return ': remove the quotes';
  if (expected.includes('string') && (typeof value === 'number' || typeof value === 'boolean')) return ': quote the value';
  return '';
}

function where(path: KeyPath, kind: string): string {
  return path.length ? formatKeyPath(path) : kind;
}

/** Loads the schema view of an object, only when an error needs it (unknown fields). */
export type SchemaViewLoader = () => Promise<SchemaView | undefined>;

/**
 * Problems of one object from its validator's errors. `data` is what was validated,
 * `kind` names the object in messages about its root.
 */
export async function problemsFromErrors(errors: AjvError[], data: unknown, kind: string, loadView: SchemaViewLoader): Promise<SchemaProblem[]> {
  const failedAlternatives = errors.filter((e) => e.keyword === 'anyOf' || e.keyword === 'oneOf').map((e) => e.instancePath);
  // Unknown field names per object, so that a typo of a required field (`containerport`) is
  // reported once, as the typo, and not again as the missing `containerPort`.
  const unknownByPath = new Map<string, string[]>();
  for (const e of errors) {
    if (e.keyword === 'additionalProperties') unknownByPath.set(e.instancePath, [...(unknownByPath.get(e.instancePath) ?? []), String(e.params.additionalProperty)]);
  }
  const seen = new Set<string>();
  const out: SchemaProblem[] = [];
  let view: SchemaView | undefined | null = null;
  for (const err of errors) {
    // A failed anyOf/oneOf explains itself; the errors of its branches would only confuse.
    if (err.keyword !== 'anyOf' && err.keyword !== 'oneOf' && failedAlternatives.some((p) => err.instancePath === p || err.instancePath.startsWith(`${p}/`))) continue;
    if (err.keyword === 'if' || err.keyword === 'then' || err.keyword === 'else') continue;
    const key = `${err.keyword}\u0000${err.instancePath}\u0000${JSON.stringify(err.params)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const path = instancePathToKeys(err.instancePath, data);
    const value = valueAt(data, path);
    switch (err.keyword) {
      case 'additionalProperties': {
        const field = String(err.params.additionalProperty);
        if (view === null) view = await loadView();
        out.push({ path: [...path, field], target: 'key', message: unknownFieldMessage(field, path, kind, view) });
        break;
      }
      case 'required': {
        const field = String(err.params.missingProperty);
        const typos = unknownByPath.get(err.instancePath);
        if (typos && typos.some((t) => closestName(t, [field]) === field)) break;
        out.push({ path, target: 'key', message: `${where(path, kind)} is missing required field "${field}"`, requiredField: field });
        break;
      }
      case 'type': {
        const expected = String(err.params.type).split(',');
        out.push({ path, target: 'value', message: `${where(path, kind)} must be ${expectedTypeText(expected)}, not ${describeValue(value)}${typeHint(expected, value)}` });
        break;
      }
      case 'enum': {
        const allowed = (err.params.allowedValues as unknown[]) ?? [];
        const shown = allowed.map((v) => (v === '' ? '""' : String(v)));
        const near = typeof value === 'string' ? closestName(value, allowed.filter((v): v is string => typeof v === 'string' && v !== '')) : undefined;
        const hint = near ? `; did you mean "${near}"?` : '';
        out.push({ path, target: 'value', message: `${where(path, kind)} has ${describeValue(value)}, which is not one of ${shown.join(', ')}${hint}` });
        break;
      }
      default:
        out.push({ path, target: 'value', message: `${where(path, kind)} ${constraintText(err)}` });
    }
  }
  return out;
}

function unknownFieldMessage(field: string, parentPath: KeyPath, kind: string, view: SchemaView | undefined): string {
  const inWhat = parentPath.length ? `in ${formatKeyPath(parentPath)}` : `at the top of the ${kind}`;
  let hint = '';
  if (view) {
    const schema = schemaAt(view, parentPath);
    const names = fieldNames(view, schema);
    const near = closestName(field, names);
    if (near) {
      hint = `; did you mean "${near}"?`;
    } else {
      const below = findFieldBelow(view, schema, field);
      const above = below ? undefined : ancestorHolding(view, parentPath, field);
      if (below) hint = `; "${field}" belongs in ${formatKeyPath([...parentPath, ...below.map((s) => (s === '[]' ? 0 : s))]).replace(/\[0\]/g, '[]')}`;
      else if (above) hint = `; "${field}" belongs in ${above.length ? formatKeyPath(above) : `the top level of the ${kind}`}`;
    }
  }
  return `unknown field "${field}" ${inWhat}${hint}`;
}

/** The nearest enclosing object (by path) whose schema has a field of that name. */
function ancestorHolding(view: SchemaView, parentPath: KeyPath, field: string): KeyPath | undefined {
  for (let i = parentPath.length - 1; i >= 0; i--) {
    const p = parentPath.slice(0, i);
    if (typeof parentPath[i] === 'number') continue;
    if (fieldNames(view, schemaAt(view, p)).includes(field)) return p;
  }
  return undefined;
}

function constraintText(err: AjvError): string {
  const p = err.params;
  switch (err.keyword) {
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return `must be ${p.comparison} ${p.limit}`;
    case 'minLength':
      return `must be at least ${p.limit} characters long`;
    case 'maxLength':
      return `must be at most ${p.limit} characters long`;
    case 'minItems':
      return `must have at least ${p.limit} items`;
    case 'maxItems':
      return `must have at most ${p.limit} items`;
    case 'minProperties':
      return `must have at least ${p.limit} fields`;
    case 'maxProperties':
      return `must have at most ${p.limit} fields`;
    case 'pattern':
      return `must match the pattern ${p.pattern}`;
    case 'format':
      return `must be a valid ${p.format}`;
    case 'uniqueItems':
      return `must not repeat items (items ${p.j} and ${p.i} are equal)`;
    case 'multipleOf':
      return `must be a multiple of ${p.multipleOf}`;
    case 'const':
      return `must be ${JSON.stringify(p.allowedValue)}`;
    case 'anyOf':
    case 'oneOf':
      return 'does not match any of the forms its schema allows';
    case 'not':
      return 'has a form its schema forbids';
    default:
      return `violates the schema (${err.keyword})`;
  }
}
