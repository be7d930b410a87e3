import { defineRule } from '../../src/engine/rule.js';
import { serviceAccountOf } from './service-accounts.js';

export default defineRule({
  id: 'service-account-missing',
  family: 'security',
  severity: 'error',
  securitySeverity: 3.0,
  title: 'A pod names a service account that does not exist',
  symptom: 'no pod is created: the ReplicaSet or Job reports `error looking up service account shop/web: serviceaccount "web" not found` and the rollout hangs',
  why: 'The API server refuses pods whose service account is missing. A typo, or a ServiceAccount that lives in another namespace or was left out of the manifests, stops every replica from starting.',
  fix: 'Create the ServiceAccount in the pod\'s namespace (in the same manifests or chart), or fix `serviceAccountName`.',
  example: {
    bad: 'kind: ServiceAccount\nmetadata: { name: web-sa, namespace: shop }\n---\n# pod spec\nserviceAccountName: web',
    good: 'kind: ServiceAccount\nmetadata: { name: web, namespace: shop }\n---\n# pod spec\nserviceAccountName: web',
  },
  peers: {
    kubeLinter: ['non-existent-service-account'],
  },
  notes: 'Fires only when the scan holds ServiceAccounts of the pod\'s namespace (a partial scan is not wrong). `default` always exists.',
  check(ws, report) {
    const withAccounts = ws.namespacesWith('ServiceAccount');
    for (const t of ws.podTemplates) {
      const sa = serviceAccountOf(t);
      if (!sa.path || sa.name === 'default') continue;
      const ns = t.owner.namespace;
      if (!withAccounts.has(ns) || ws.find('ServiceAccount', ns, sa.name)) continue;
      const elsewhere = ws.ofKind('ServiceAccount').filter((o) => o.name === sa.name).map((o) => `"${o.namespace}"`);
      report({
        at: t,
        path: sa.path,
        message: `${t.owner.kind} "${t.owner.name}" uses service account "${sa.name}", which is not among the ServiceAccounts of namespace "${ns}"${elsewhere.length ? ` (it exists in namespace ${elsewhere.join(', ')})` : ''}`,
      });
    }
  },
});
