// Which service account a pod runs as, and whether its token is mounted.
import type { KeyPath } from '../../src/model.js';
import type { K8sObject, PodTemplate } from '../../src/workspace/types.js';
import type { Workspace } from '../../src/workspace/workspace.js';

export interface PodServiceAccount {
  name: string;
  /** Path (relative to the template) of the field that names it; undefined when implicit. */
  path?: KeyPath;
}

export function serviceAccountOf(t: PodTemplate): PodServiceAccount {
  for (const field of ['serviceAccountName', 'serviceAccount']) {
    const v = t.spec[field];
    if (typeof v === 'string' && v.trim() !== '') return { name: v.trim(), path: [field] };
  }
  return { name: 'default' };
}

/** The pod setting wins; otherwise the ServiceAccount's (when in the scan); Kubernetes defaults to mounting. */
export function tokenMounted(ws: Workspace, t: PodTemplate, account: string): boolean {
  const pod = t.spec.automountServiceAccountToken;
  if (pod === false || pod === 'false') return false;
  if (pod === true || pod === 'true') return true;
  const sa = ws.find('ServiceAccount', t.owner.namespace, account);
  const fromSa = sa?.obj.automountServiceAccountToken;
  return !(fromSa === false || fromSa === 'false');
}

/**
 * Bindings of the scan whose subjects include the given service account (directly or by group).
 * A RoleBinding of another namespace counts too: it grants the account rights there.
 */
export function bindingsFor(ws: Workspace, namespace: string, account: string): K8sObject[] {
  const index = subjectIndex(ws);
  const keys = [`ServiceAccount\u0000${namespace}\u0000${account}`, 'Group\u0000system:serviceaccounts', `Group\u0000system:serviceaccounts:${namespace}`, `User\u0000system:serviceaccount:${namespace}:${account}`];
  const found = new Set<number>();
  for (const key of keys) for (const i of index.bySubject.get(key) ?? []) found.add(i);
  return [...found].sort((a, b) => a - b).map((i) => index.bindings[i]);
}

/** Bindings by the subjects they name, so a lookup per pod template does not walk every binding. */
function subjectIndex(ws: Workspace): { bindings: K8sObject[]; bySubject: Map<string, number[]> } {
  return ws.memo('service-accounts:subjects', () => {
    const bindings = ws.ofKind('RoleBinding', 'ClusterRoleBinding');
    const bySubject = new Map<string, number[]>();
    bindings.forEach((b, i) => {
      for (const s of Array.isArray(b.obj.subjects) ? b.obj.subjects : []) {
        if (!s || typeof s.name !== 'string') continue;
        let key: string | undefined;
        if (s.kind === 'ServiceAccount') {
          const ns = s.namespace ?? b.namespace;
          if (typeof ns === 'string') key = `ServiceAccount\u0000${ns}\u0000${s.name}`;
        } else if (s.kind === 'Group' || s.kind === 'User') key = `${s.kind}\u0000${s.name}`;
        if (!key) continue;
        const list = bySubject.get(key);
        if (!list) bySubject.set(key, [i]);
        else if (list[list.length - 1] !== i) list.push(i);
      }
    });
    return { bindings, bySubject };
  });
}
