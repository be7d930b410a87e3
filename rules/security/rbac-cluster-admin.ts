import { defineRule } from '../../src/engine/rule.js';
import { boundRole, grantsEverything, policyRules } from './rbac.js';

function subjectsOf(binding: any): string {
  const subjects = Array.isArray(binding.subjects) ? binding.subjects : [];
  const names = subjects
    .filter((s: any) => s && s.name)
    .map((s: any) => `${s.kind ?? 'subject'} ${s.namespace ? `${s.namespace}/` : ''}${s.name}`);
  return names.length ? names.join(', ') : 'its subjects';
}

export default defineRule({
  id: 'rbac-cluster-admin',
  family: 'security',
  severity: 'warning',
  securitySeverity: 8.5,
  title: 'A binding grants cluster-admin (or an equivalent role)',
  symptom: 'a compromised pod or leaked token with this binding controls the whole cluster: every Secret, every node, every namespace',
  why: 'cluster-admin is superuser: all verbs on all resources. Bound to a service account it puts the cluster one application bug away from takeover; bound through a RoleBinding it is still full control of that namespace, including its Secrets and RBAC (CIS 5.1.1).',
  fix: 'Bind a role that lists only the resources and verbs the subject needs. Keep cluster-admin for break-glass human access.',
  example: {
    bad: 'kind: ClusterRoleBinding\nroleRef:\n  kind: ClusterRole\n  name: cluster-admin\nsubjects:\n  - { kind: ServiceAccount, name: deployer, namespace: ci }',
    good: 'kind: RoleBinding\nroleRef:\n  kind: Role\n  name: deployer\nsubjects:\n  - { kind: ServiceAccount, name: deployer, namespace: ci }',
  },
  peers: {
    kubeLinter: ['cluster-admin-role-binding'],
    polaris: ['clusterrolebindingClusterAdmin', 'rolebindingClusterAdminClusterRole', 'rolebindingClusterAdminRole'],
  },
  notes: 'Fires on bindings whose roleRef is the ClusterRole cluster-admin, and on bindings to a Role or ClusterRole of the scan that has a rule with `*` apiGroups, resources and verbs.',
  check(ws, report) {
    for (const binding of ws.ofKind('ClusterRoleBinding', 'RoleBinding')) {
      const ref = binding.obj.roleRef;
      if (!ref || typeof ref.name !== 'string') continue;
      const scope = binding.kind === 'ClusterRoleBinding' ? 'cluster-wide' : `in namespace "${binding.namespace}"`;
      if (ref.kind === 'ClusterRole' && ref.name === 'cluster-admin') {
        report({
          at: binding,
          path: ['roleRef', 'name'],
          message: `${binding.kind} "${binding.name}" grants cluster-admin ${scope} to ${subjectsOf(binding.obj)}`,
        });
        continue;
      }
      const role = boundRole(ws, binding);
      if (!role || !policyRules(role).some(grantsEverything)) continue;
      report({
        at: binding,
        path: ['roleRef', 'name'],
        message: `${binding.kind} "${binding.name}" binds ${role.kind} "${role.name}", which grants every verb on every resource (cluster-admin equivalent), ${scope} to ${subjectsOf(binding.obj)}`,
      });
    }
  },
});
