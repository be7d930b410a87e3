// Helpers for Role/ClusterRole rules and bindings.
import type { K8sObject } from '../../src/workspace/types.js';
import type { Workspace } from '../../src/workspace/workspace.js';

export interface PolicyRule {
  index: number;
  apiGroups: string[];
  resources: string[];
  verbs: string[];
  resourceNames: string[];
  nonResourceURLs: string[];
}

function strings(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x) => x != null).map((x) => String(x)) : [];
}

/** Roles whose rules are written in the manifest (aggregated ClusterRoles get theirs from the controller). */
export function rolesWithRules(ws: Workspace): K8sObject[] {
  return ws.ofKind('Role', 'ClusterRole').filter((r) => !(r.kind === 'ClusterRole' && r.obj.aggregationRule));
}

/** Read once per role: several rules ask, and a role bound many times is asked once per binding. */
const policyRulesOf = new WeakMap<K8sObject, readonly PolicyRule[]>();

export function policyRules(role: K8sObject): readonly PolicyRule[] {
  let read = policyRulesOf.get(role);
  if (!read) {
    const rules = role.obj.rules;
    read = !Array.isArray(rules)
      ? []
      : rules.map((r: any, index: number) => ({
          index,
          apiGroups: strings(r?.apiGroups),
          resources: strings(r?.resources),
          verbs: strings(r?.verbs),
          resourceNames: strings(r?.resourceNames),
          nonResourceURLs: strings(r?.nonResourceURLs),
        }));
    policyRulesOf.set(role, read);
  }
  return read;
}

/** A rule that grants every verb on every resource of every API group: cluster-admin in disguise. */
export function grantsEverything(rule: PolicyRule): boolean {
  return rule.apiGroups.includes('*') && rule.resources.includes('*') && rule.verbs.includes('*');
}

export function roleLabel(role: K8sObject): string {
  return `${role.kind} "${role.name}"`;
}

/** The Role or ClusterRole a binding refers to, when it is in the scan. */
export function boundRole(ws: Workspace, binding: K8sObject): K8sObject | undefined {
  const ref = binding.obj.roleRef;
  if (!ref || typeof ref.name !== 'string') return undefined;
  if (ref.kind === 'ClusterRole') return ws.find('ClusterRole', '', ref.name);
  if (ref.kind === 'Role') return ws.find('Role', binding.namespace, ref.name);
  return undefined;
}
