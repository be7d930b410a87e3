import { defineRule } from '../../src/engine/rule.js';
import { evaluateSelector } from '../../src/workspace/selectors.js';

export default defineRule({
  id: 'networkpolicy-selects-nothing',
  family: 'reliability',
  severity: 'warning',
  title: 'A NetworkPolicy selects no pod',
  symptom: 'the policy protects nothing: the pods it was written for stay open to the whole cluster (or keep their egress), while everyone believes they are isolated',
  why: '`spec.podSelector` picks the pods a NetworkPolicy applies to, in its own namespace. A label typo or a label that changed in the Deployment makes it select nothing, and Kubernetes accepts it silently.',
  fix: "Make `spec.podSelector` match the pod template labels of the workload to isolate (same namespace), or use `podSelector: {}` to apply it to every pod of the namespace.",
  example: {
    bad: 'spec:\n  podSelector:\n    matchLabels: { app: api }   # the pods are labelled app: shop-api',
    good: 'spec:\n  podSelector:\n    matchLabels: { app: shop-api }',
  },
  peers: {
    kubeLinter: ['dangling-networkpolicy'],
    kubeScore: ['networkpolicy-targets-pod'],
  },
  notes: 'Fires only for a non-empty podSelector and only when the scan holds workloads (pod templates) in the policy\'s namespace.',
  check(ws, report) {
    const templatesByNs = ws.memo('reliability:templatesByNamespace', () => {
      const map = new Map<string, typeof ws.podTemplates>();
      for (const t of ws.podTemplates) map.set(t.owner.namespace, [...(map.get(t.owner.namespace) ?? []), t]);
      return map;
    });
    for (const np of ws.ofKind('NetworkPolicy')) {
      const selector = np.obj.spec?.podSelector;
      if (!selector || typeof selector !== 'object') continue;
      const templates = templatesByNs.get(np.namespace);
      if (!templates?.length) continue;
      const results = templates.map((t) => evaluateSelector(selector, t.labels));
      if (!results.length || results[0].total === 0) continue;
      if (results.some((r) => r.matches)) continue;
      report({
        at: np,
        path: ['spec', 'podSelector'],
        target: 'key',
        message: `NetworkPolicy "${np.name}" selects no pod: none of the ${templates.length} pod template${templates.length === 1 ? '' : 's'} in namespace "${np.namespace}" matches its podSelector`,
      });
    }
  },
});
