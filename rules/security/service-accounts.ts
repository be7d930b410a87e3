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
  return ws.ofKind('RoleBinding', 'ClusterRoleBinding').filter((b) => {
    const subjects = Array.isArray(b.obj.subjects) ? b.obj.subjects : [];
    return subjects.some((s: any) => {
      if (!s || typeof s.name !== 'string') return false;
      if (s.kind === 'ServiceAccount') return s.name === account && (s.namespace ?? b.namespace) === namespace;
      if (s.kind === 'Group') return s.name === 'system:serviceaccounts' || s.name === `system:serviceaccounts:${namespace}`;
      if (s.kind === 'User') return s.name === `system:serviceaccount:${namespace}:${account}`;
      return false;
    });
  });
}
