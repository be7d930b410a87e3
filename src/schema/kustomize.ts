// Kustomize inputs are not complete objects: a patch holds only the fields it changes, and a
// base may leave `spec.selector` to `commonLabels`. Validating them as finished manifests
// would report "missing required field" on every overlay, so required-field problems are not
// reported for those files (unknown fields and wrong types still are).
import { posix } from 'node:path';
import type { K8sObject, Workspace } from '../workspace/workspace.js';

export interface KustomizeRoles {
  /** Files a Kustomization applies as patches. */
  patches: Set<string>;
  /** Resource files of a Kustomization that adds labels to selectors. */
  labelledResources: Set<string>;
}

function isObject(v: unknown): v is Record<string, any> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function strings(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string') : [];
}

export function kustomizeRoles(ws: Workspace): KustomizeRoles {
  return ws.memo('schema:kustomize-roles', () => {
    const patches = new Set<string>();
    const labelledResources = new Set<string>();
    for (const k of ws.ofKind('Kustomization', 'Component')) {
      if (!k.apiVersion.startsWith('kustomize.config.k8s.io/')) continue;
      const dir = posix.dirname(k.unit.file.path);
      const at = (rel: string) => posix.normalize(posix.join(dir, rel));
      const o = k.obj;
      for (const p of strings(o.patchesStrategicMerge)) patches.add(at(p));
      for (const p of Array.isArray(o.patches) ? o.patches : []) if (isObject(p) && typeof p.path === 'string') patches.add(at(p.path));
      const addsSelectorLabels =
        isObject(o.commonLabels) || (Array.isArray(o.labels) && o.labels.some((l: unknown) => isObject(l) && l.includeSelectors === true));
      if (addsSelectorLabels) for (const r of strings(o.resources)) labelledResources.add(at(r));
    }
    return { patches, labelledResources };
  });
}

/** Should a missing required field `field` of this object go unreported? */
export function requiredFieldExpected(ws: Workspace, object: K8sObject, field: string, parentPath: (string | number)[]): boolean {
  const roles = kustomizeRoles(ws);
  const file = object.unit.file.path;
  if (roles.patches.has(file)) return false;
  if (roles.labelledResources.has(file) && field === 'selector' && parentPath.length === 1 && parentPath[0] === 'spec') return false;
  return true;
}
