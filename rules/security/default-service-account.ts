import { defineRule } from '../../src/engine/rule.js';
import { isPartialObject } from '../reliability/kustomize.js';
import { bindingsFor, serviceAccountOf, tokenMounted } from './service-accounts.js';

export default defineRule({
  id: 'default-service-account',
  family: 'security',
  severity: 'info',
  securitySeverity: 4.0,
  title: 'A pod runs as the namespace default service account with its token mounted',
  symptom: "every pod of the namespace shares one identity: a permission granted to `default` for one app is granted to all of them, and each pod carries a token an attacker can use against the API server",
  why: 'Pods without `serviceAccountName` run as `default` and get its token mounted. Nothing distinguishes them in RBAC or audit logs, and any RoleBinding to `default` (often added "just to make it work") silently extends to every pod in the namespace.',
  fix: 'Create a ServiceAccount per application and set `serviceAccountName`; set `automountServiceAccountToken: false` when the app does not call the Kubernetes API.',
  example: {
    bad: 'spec:\n  containers: [...]',
    good: 'spec:\n  serviceAccountName: web\n  automountServiceAccountToken: false\n  containers: [...]',
  },
  peers: {
    kubeLinter: ['default-service-account'],
  },
  notes: 'Info by default: fires only when the pod uses `default` (explicitly or implicitly) and the token is mounted (neither the pod nor the `default` ServiceAccount of the scan sets automountServiceAccountToken: false). Raised to warning when a RoleBinding or ClusterRoleBinding of the scan grants a role to that `default` account, since every pod of the namespace then holds those permissions.',
  check(ws, report) {
    for (const t of ws.podTemplates) {
      const sa = serviceAccountOf(t);
      if (sa.name !== 'default') continue;
      if (!sa.path && isPartialObject(ws, t.owner)) continue;
      if (!tokenMounted(ws, t, 'default')) continue;
      const ns = t.owner.namespace;
      const grants = bindingsFor(ws, ns, 'default');
      const how = sa.path ? 'runs as the "default" service account' : 'sets no serviceAccountName, so it runs as the "default" service account';
      const extra = grants.length
        ? `; ${grants.map((b) => `${b.kind} "${b.name}"`).join(', ')} grant${grants.length > 1 ? '' : 's'} roles to it, which every pod of namespace "${ns}" then holds`
        : '';
      report({
        at: t,
        path: sa.path ?? [],
        severity: grants.length ? 'warning' : undefined,
        message: `${t.owner.kind} "${t.owner.name}" ${how} with its API token mounted${extra}`,
      });
    }
  },
});
