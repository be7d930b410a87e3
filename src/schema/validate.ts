// Schema validation of every Kubernetes object of a workspace: built-in kinds against the
// precompiled Kubernetes schemas, custom resources against their CRD when it is in the scan.
// Results are computed once per workspace and shared by the rule and the summary note.
import type { K8sObject, Workspace } from '../workspace/workspace.js';
import { builtinKinds, builtinSchema, builtinValidator } from './builtin.js';
import { crdIndex, crdValidator } from './crd.js';
import { prefetchedCrdSchemas } from './crd-prefetch.js';
import { requiredFieldExpected } from './kustomize.js';
import { withoutNulls } from './nulls.js';
import { problemsFromErrors } from './problems.js';
import { closestName } from './suggest.js';
import type { SchemaProblem, ValidateFn } from './types.js';
import type { SchemaView } from './walk.js';
import { precomputedOf, schemaKey } from '../sources/precomputed.js';

export type ValidationStatus =
  /** Checked, no problem. */
  | 'valid'
  /** Checked, `problems` says what is wrong. */
  | 'invalid'
  /** No schema: a custom resource whose CRD is not in the scan, or a kind kubelint does not know. */
  | 'unknown-kind'
  /** Its CRD is in the scan but declares no schema for that version. */
  | 'no-schema'
  /** A tool's own file that never reaches a cluster (kustomization.yaml): not validated, not counted. */
  | 'tool-config';

/** apiVersion groups of files that configure a tool rather than describe cluster objects. */
const TOOL_CONFIG_GROUPS = /^(kustomize\.config\.k8s\.io|config\.kubernetes\.io|kpt\.dev|skaffold)\//;

export interface ObjectValidation {
  object: K8sObject;
  status: ValidationStatus;
  problems: SchemaProblem[];
}

/** Validate every object of the workspace (memoized per workspace). */
export function validateWorkspace(ws: Workspace): Promise<ObjectValidation[]> {
  return ws.memo('schema:validation', async () => {
    await prefetchedCrdSchemas(ws);
    const out: ObjectValidation[] = [];
    for (const object of ws.objects) out.push(await validateObject(ws, object));
    return out;
  });
}

/** Validate one object of the workspace. */
export async function validateObject(ws: Workspace, object: K8sObject): Promise<ObjectValidation> {
  const version = ws.settings.kubernetesVersion;
  if (TOOL_CONFIG_GROUPS.test(object.apiVersion)) return { object, status: 'tool-config', problems: [] };
  const builtin = precomputedProblems(object, version) ?? (await builtinProblems(version, object.apiVersion, object.kind, object.obj));
  if (builtin) return finish(ws, object, builtin);
  const crds = crdIndex(ws);
  const entry = crds.byApiVersionKind.get(`${object.apiVersion}\u0000${object.kind}`);
  if (entry) {
    if (!entry.served) {
      return invalid(object, [{ path: ['apiVersion'], target: 'value', message: `${object.apiVersion} ${object.kind} is not served: CustomResourceDefinition ${entry.crdName} marks version ${entry.version} as served: false` }]);
    }
    const compiled = crdValidator(entry);
    if (!compiled) return { object, status: 'no-schema', problems: [] };
    return check(ws, object, compiled.validate, async () => compiled.view);
  }
  const slash = object.apiVersion.lastIndexOf('/');
  const group = slash < 0 ? '' : object.apiVersion.slice(0, slash);
  const versions = crds.byGroupKind.get(`${group}\u0000${object.kind}`);
  if (versions?.length) {
    const names = versions.map((v) => v.version).join(', ');
    return invalid(object, [{ path: ['apiVersion'], target: 'value', message: `${object.apiVersion} ${object.kind} is not a version CustomResourceDefinition ${versions[0].crdName} defines (it has ${names})` }]);
  }
  const kinds = await builtinKinds(version, object.apiVersion);
  if (kinds.length && !object.kind.endsWith('List')) {
    // A built-in group/version with a kind it does not have: a typo such as `kind: Deployement`.
    // (Custom resources never live in built-in groups.)
    const near = closestName(object.kind, kinds);
    const hint = near ? `; did you mean "${near}"?` : '';
    return invalid(object, [{ path: ['kind'], target: 'value', message: `${object.apiVersion} has no kind "${object.kind}"${hint}` }]);
  }
  return { object, status: 'unknown-kind', problems: [] };
}

function invalid(object: K8sObject, problems: SchemaProblem[]): ObjectValidation {
  return { object, status: 'invalid', problems };
}

/**
 * Problems of an object of a built-in kind, before the kustomize filter; undefined when
 * apiVersion/kind is not built in. A pure function of the object, so parse workers compute it.
 */
export async function builtinProblems(version: string, apiVersion: string, kind: string, obj: unknown): Promise<SchemaProblem[] | undefined> {
  if (TOOL_CONFIG_GROUPS.test(apiVersion)) return undefined;
  const validate = await builtinValidator(version, apiVersion, kind);
  if (!validate) return undefined;
  return problemsOf(obj, kind, validate, () => builtinSchema(version, apiVersion, kind));
}

function precomputedProblems(object: K8sObject, version: string): SchemaProblem[] | undefined {
  const work = precomputedOf(object.unit.file);
  if (!work?.schema || work.schemaVersion !== version) return undefined;
  return work.schema[schemaKey(object.unit.index, object.basePath)];
}

async function problemsOf(obj: unknown, kind: string, validate: ValidateFn, view: () => Promise<SchemaView | undefined>): Promise<SchemaProblem[]> {
  const data = withoutSopsMetadata(withoutNulls(obj));
  if (validate(data)) return [];
  return problemsFromErrors(validate.errors ?? [], data, kind, view);
}

async function check(ws: Workspace, object: K8sObject, validate: ValidateFn, view: () => Promise<SchemaView | undefined>): Promise<ObjectValidation> {
  return finish(ws, object, await problemsOf(object.obj, object.kind, validate, view));
}

/** Drop required-field problems that kustomize inputs are allowed to have. */
function finish(ws: Workspace, object: K8sObject, all: SchemaProblem[]): ObjectValidation {
  const problems = all.filter((p) => p.requiredField === undefined || requiredFieldExpected(ws, object, p.requiredField, p.path));
  return problems.length ? invalid(object, problems) : { object, status: 'valid', problems: [] };
}

/** sops removes its top-level `sops:` metadata before the object reaches the API server. */
function withoutSopsMetadata(data: any): any {
  if (!data || typeof data !== 'object' || !('sops' in data)) return data;
  const { sops: _sops, ...rest } = data;
  return rest;
}

/** Objects that were not validated because kubelint has no schema for them. */
export async function unvalidatedObjects(ws: Workspace): Promise<K8sObject[]> {
  return (await validateWorkspace(ws)).filter((r) => r.status === 'unknown-kind' || r.status === 'no-schema').map((r) => r.object);
}

/**
 * The summary note for skipped objects, e.g. "3 objects of unknown kinds were not validated
 * (monitoring.coreos.com/v1 ServiceMonitor ×2, ...): add their CustomResourceDefinitions to the
 * scan to check them". Undefined when every object was validated.
 */
export async function unvalidatedNote(ws: Workspace): Promise<string | undefined> {
  const skipped = await unvalidatedObjects(ws);
  if (!skipped.length) return undefined;
  const counts = new Map<string, number>();
  for (const o of skipped) counts.set(`${o.apiVersion} ${o.kind}`, (counts.get(`${o.apiVersion} ${o.kind}`) ?? 0) + 1);
  const kinds = [...counts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const shown = kinds.slice(0, 5).map(([k, n]) => (n > 1 ? `${k} ×${n}` : k));
  if (kinds.length > 5) shown.push(`${kinds.length - 5} more kinds`);
  const noun = skipped.length === 1 ? 'object of an unknown kind was' : 'objects of unknown kinds were';
  return `${skipped.length} ${noun} not validated against a schema (${shown.join(', ')}): add their CustomResourceDefinitions to the scan to check them`;
}
