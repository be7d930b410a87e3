import { defineRule } from '../../src/engine/rule.js';
import type { K8sObject } from '../../src/workspace/types.js';
import { evaluateSelector } from '../../src/workspace/selectors.js';

/** API groups of Kubernetes itself; anything else is a custom resource. */
function isBuiltinApi(apiVersion: string): boolean {
  const slash = apiVersion.indexOf('/');
  if (slash < 0) return true;
  const group = apiVersion.slice(0, slash);
  return ['apps', 'batch', 'policy', 'autoscaling', 'extensions'].includes(group) || group.endsWith('.k8s.io');
}

function labelsAt(v: unknown): Record<string, string> | undefined {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return undefined;
  const out: Record<string, string> = {};
  for (const [k, val] of Object.entries(v)) if (val != null) out[k] = String(val);
  return Object.keys(out).length ? out : undefined;
}

/**
 * Labels that pods created by an operator may carry: operators commonly copy a custom resource's
 * labels, or the pod labels it declares (podMetadata, podTemplate, template), onto the pods they run.
 */
function operatorPodLabels(cr: K8sObject): Record<string, string>[] {
  const spec = cr.obj.spec ?? {};
  return [
    labelsAt(cr.obj.metadata?.labels),
    labelsAt(spec.podMetadata?.labels),
    labelsAt(spec.podTemplate?.metadata?.labels),
    labelsAt(spec.template?.metadata?.labels),
  ].filter((l): l is Record<string, string> => l !== undefined);
}

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
  notes: 'Fires only for a non-empty podSelector and only when the scan holds workloads (pod templates) in the policy\'s namespace. Pods an operator creates are taken into account: a custom resource of the namespace whose labels (or declared pod labels: podMetadata, podTemplate, template) satisfy the selector counts as a match.',
  check(ws, report) {
    const templatesByNs = ws.memo('reliability:templatesByNamespace', () => {
      const map = new Map<string, typeof ws.podTemplates>();
      for (const t of ws.podTemplates) map.set(t.owner.namespace, [...(map.get(t.owner.namespace) ?? []), t]);
      return map;
    });
    const customByNs = ws.memo('reliability:customResourcesByNamespace', () => {
      const map = new Map<string, K8sObject[]>();
      for (const o of ws.objects) {
        if (!o.namespace || isBuiltinApi(o.apiVersion)) continue;
        map.set(o.namespace, [...(map.get(o.namespace) ?? []), o]);
      }
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
      const operated = (customByNs.get(np.namespace) ?? []).flatMap(operatorPodLabels);
      if (operated.some((labels) => evaluateSelector(selector, labels).matches)) continue;
      report({
        at: np,
        path: ['spec', 'podSelector'],
        target: 'key',
        message: `NetworkPolicy "${np.name}" selects no pod: none of the ${templates.length} pod template${templates.length === 1 ? '' : 's'} in namespace "${np.namespace}" matches its podSelector`,
      });
    }
  },
});
