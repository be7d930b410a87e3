import { defineRule } from '../../src/engine/rule.js';
import { WORKLOAD_KINDS } from '../../src/workspace/pods.js';
import { isPartialObject, kustomizationsOf } from './kustomize.js';

const KINDS = [...WORKLOAD_KINDS, 'Service'];

export default defineRule({
  id: 'default-namespace',
  family: 'reliability',
  severity: 'info',
  title: 'A workload or Service lands in the default namespace',
  symptom: 'applications pile up in `default`, where RBAC, quotas, NetworkPolicies and `kubectl delete --all` cannot tell them apart; an apply without `-n` goes there by accident',
  why: 'Namespaces are the unit of access control, quotas and network isolation. Objects without a namespace go wherever the current kubectl context points, usually `default`, which most clusters leave unprotected (CIS 5.7.1, 5.7.4).',
  fix: 'Set `metadata.namespace` to the application\'s namespace, or let kustomize (`namespace:`), Helm (`--namespace`) or the `defaultNamespace` config option set it.',
  example: {
    bad: 'metadata:\n  name: web',
    good: 'metadata:\n  name: web\n  namespace: shop',
  },
  peers: {
    kubeLinter: ['use-namespace'],
  },
  notes: 'Info level. Workloads and Services only (other objects follow them). Fires on `namespace: default`, and on a missing namespace unless a kustomization of the scan that builds the file sets `namespace:`, the file is rendered from a Helm chart (the release namespace applies), or the config `defaultNamespace` names another namespace.',
  check(ws, report) {
    for (const o of ws.ofKind(...KINDS)) {
      if (o.namespace !== 'default') continue;
      if (o.namespaceExplicit) {
        report({ at: o, path: ['metadata', 'namespace'], message: `${o.kind} "${o.name}" is deployed to the default namespace` });
        continue;
      }
      if (o.unit.helmSource || o.unit.file.origin?.startsWith('helm') || isPartialObject(ws, o)) continue;
      if (kustomizationsOf(ws, o.unit.file.path).some((k) => k.namespace)) continue;
      report({
        at: o,
        path: ['metadata'],
        target: 'key',
        message: `${o.kind} "${o.name}" has no namespace: it goes to the current kubectl context's namespace, usually "default"`,
      });
    }
  },
});
