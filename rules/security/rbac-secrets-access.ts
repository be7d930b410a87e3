import { defineRule } from '../../src/engine/rule.js';
import { policyRules, roleLabel, rolesWithRules } from './rbac.js';

const READ_VERBS = ['get', 'list', 'watch', '*'];

export default defineRule({
  id: 'rbac-secrets-access',
  family: 'security',
  severity: 'warning',
  securitySeverity: 6.5,
  title: 'A Role or ClusterRole can read any Secret',
  symptom: 'every pod or user bound to the role can read the Secrets it covers (database passwords, TLS keys, service account tokens) and escalate with them',
  why: '`get`, `list` or `watch` on `secrets` without `resourceNames` returns the contents of every Secret in the namespace, or of the whole cluster for a ClusterRoleBinding. `list` alone is enough: it returns the data, not only the names (CIS 5.1.2).',
  fix: 'Restrict the rule with `resourceNames` to the Secrets the workload needs, mount those Secrets instead of reading them through the API, or move the rule to a Role in the one namespace that needs it.',
  example: {
    bad: 'rules:\n  - apiGroups: [""]\n    resources: [secrets]\n    verbs: [get, list, watch]',
    good: 'rules:\n  - apiGroups: [""]\n    resources: [secrets]\n    resourceNames: [api-tls]\n    verbs: [get]',
  },
  peers: {
    kubeLinter: ['access-to-secrets', 'cluster-wide-secrets-access'],
  },
  notes: 'Fires on rules that name `secrets` explicitly in the core API group (or `*` groups) with get, list, watch or `*`, without resourceNames. A `*` resource is left to rbac-wildcard. Write-only access (create, update) is not reported.',
  check(ws, report) {
    for (const role of rolesWithRules(ws)) {
      for (const rule of policyRules(role)) {
        if (rule.resourceNames.length) continue;
        if (!(rule.apiGroups.includes('') || rule.apiGroups.includes('*'))) continue;
        const j = rule.resources.indexOf('secrets');
        if (j < 0) continue;
        const verbs = rule.verbs.filter((v) => READ_VERBS.includes(v));
        if (!verbs.length) continue;
        const scope = role.kind === 'ClusterRole' ? 'in every namespace it is bound for' : `in namespace "${role.namespace}"`;
        report({
          at: role,
          path: ['rules', rule.index, 'resources', j],
          message: `${roleLabel(role)} can ${verbs.join('/')} all Secrets ${scope} (no resourceNames)`,
        });
      }
    }
  },
});
