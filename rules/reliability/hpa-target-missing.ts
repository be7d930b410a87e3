import { defineRule } from '../../src/engine/rule.js';

/** Built-in kinds with a scale subresource. */
const SCALABLE = ['Deployment', 'StatefulSet', 'ReplicaSet', 'ReplicationController'];

export default defineRule({
  id: 'hpa-target-missing',
  family: 'reliability',
  severity: 'error',
  title: 'A HorizontalPodAutoscaler targets a workload that does not exist',
  symptom: 'the HPA never scales anything: `kubectl describe hpa` shows FailedGetScale ("deployments.apps \\"web\\" not found") while the real workload stays at its fixed replica count under load',
  why: '`scaleTargetRef` is matched by kind and name in the HPA\'s namespace. A renamed Deployment, a typo, or the wrong kind leaves the autoscaler pointing at nothing, and nothing warns about it.',
  fix: 'Point `scaleTargetRef` (apiVersion, kind, name) at the workload to scale, in the same namespace as the HPA.',
  example: {
    bad: 'scaleTargetRef:\n  apiVersion: apps/v1\n  kind: Deployment\n  name: web-api   # the Deployment is called "web"',
    good: 'scaleTargetRef:\n  apiVersion: apps/v1\n  kind: Deployment\n  name: web',
  },
  peers: {
    kubeLinter: ['dangling-horizontalpodautoscaler'],
    kubeScore: ['horizontalpodautoscaler-has-target'],
  },
  notes: 'Fires when the scan holds objects of the target kind in the HPA\'s namespace but none with that name, or when the target is a built-in workload kind and a workload of that name exists there under another built-in kind.',
  check(ws, report) {
    for (const hpa of ws.ofKind('HorizontalPodAutoscaler')) {
      const ref = hpa.obj.spec?.scaleTargetRef;
      if (!ref || typeof ref.name !== 'string' || typeof ref.kind !== 'string') continue;
      const ns = hpa.namespace;
      if (ws.find(ref.kind, ns, ref.name)) continue;
      // Only for a built-in target kind: a custom one (an Argo Rollout, say) may wrap a Deployment of the same name.
      const otherKind = SCALABLE.includes(ref.kind)
        ? SCALABLE.map((k) => ws.find(k, ns, ref.name)).find((o) => o !== undefined)
        : undefined;
      if (otherKind) {
        report({
          at: hpa,
          path: ['spec', 'scaleTargetRef', 'kind'],
          message: `HorizontalPodAutoscaler "${hpa.name}" targets ${ref.kind} "${ref.name}", but "${ref.name}" is a ${otherKind.kind} in namespace "${ns}"`,
        });
        continue;
      }
      const sameKind = ws.ofKind(ref.kind).filter((o) => o.namespace === ns);
      if (!sameKind.length) continue;
      report({
        at: hpa,
        path: ['spec', 'scaleTargetRef', 'name'],
        message: `HorizontalPodAutoscaler "${hpa.name}" targets ${ref.kind} "${ref.name}", which is not in namespace "${ns}" (it has ${sameKind.slice(0, 5).map((o) => `"${o.name}"`).join(', ')}${sameKind.length > 5 ? ', ...' : ''})`,
      });
    }
  },
});
