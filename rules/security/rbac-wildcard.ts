import { defineRule } from '../../src/engine/rule.js';
import { policyRules, roleLabel, rolesWithRules } from './rbac.js';

export default defineRule({
  id: 'rbac-wildcard',
  family: 'security',
  severity: 'warning',
  securitySeverity: 7.0,
  title: 'A Role or ClusterRole grants wildcard verbs or resources',
  symptom: 'the role silently grants more than intended, including resources and verbs added later (CRDs, `escalate`, `impersonate`): whoever holds it can often escalate to cluster-admin',
  why: '`*` in `verbs` or `resources` matches everything, today and after every upgrade or new CRD. RBAC is additive and has no deny, so one wildcard rule undoes a careful least-privilege role (CIS 5.1.3).',
  fix: 'List the resources and verbs the subject needs, e.g. `resources: [configmaps]`, `verbs: [get, list, watch]`.',
  example: {
    bad: 'rules:\n  - apiGroups: [""]\n    resources: ["*"]\n    verbs: ["*"]',
    good: 'rules:\n  - apiGroups: [""]\n    resources: [configmaps]\n    verbs: [get, list, watch]',
  },
  peers: {
    kubeLinter: ['wildcard-in-rules'],
  },
  notes: 'Looks at `verbs` and `resources` of resource rules; a wildcard only in `apiGroups` with named resources, and `nonResourceURLs` rules, are not reported. Aggregated ClusterRoles (with `aggregationRule`) are skipped because the controller fills their rules.',
  check(ws, report) {
    for (const role of rolesWithRules(ws)) {
      for (const rule of policyRules(role)) {
        if (!rule.resources.length) continue;
        const fields = (['verbs', 'resources'] as const).filter((f) => rule[f].includes('*'));
        if (!fields.length) continue;
        const first = fields[0];
        report({
          at: role,
          path: ['rules', rule.index, first, rule[first].indexOf('*')],
          message: `${roleLabel(role)} grants ${fields.map((f) => `"*" ${f}`).join(' and ')} in rule ${rule.index + 1}${rule.resources.includes('*') ? '' : ` on ${rule.resources.join(', ')}`}`,
        });
      }
    }
  },
});
