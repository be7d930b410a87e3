import { defineRule } from '../../src/engine/rule.js';
import type { K8sObject } from '../../src/workspace/types.js';
import type { Workspace } from '../../src/workspace/workspace.js';
import { isPartialObject } from './kustomize.js';
import { autoscalersOf, declaredReplicas } from './workloads.js';

/** A Deployment that mounts a claim only one node can attach cannot simply run a second replica. */
function mountsExclusiveClaim(ws: Workspace, d: K8sObject): boolean {
  const volumes = d.obj.spec?.template?.spec?.volumes;
  if (!Array.isArray(volumes)) return false;
  return volumes.some((v: any) => {
    const claim = v?.persistentVolumeClaim?.claimName;
    if (typeof claim !== 'string') return false;
    const pvc = ws.find('PersistentVolumeClaim', d.namespace, claim);
    const modes: unknown[] = Array.isArray(pvc?.obj.spec?.accessModes) ? pvc!.obj.spec.accessModes : [];
    return !modes.some((m) => m === 'ReadWriteMany' || m === 'ReadOnlyMany');
  });
}

export default defineRule({
  id: 'single-replica',
  family: 'reliability',
  severity: 'info',
  title: 'A Deployment or StatefulSet runs a single replica',
  symptom: 'every node drain, eviction, crash or rollout of a Recreate-style change is an outage: requests fail until the one pod is back',
  why: '`replicas` defaults to 1. With one pod there is nothing to take traffic while it restarts, is rescheduled after a node failure, or is evicted during a cluster upgrade.',
  fix: 'Run at least 2 replicas (with a PodDisruptionBudget and pod anti-affinity), or let a HorizontalPodAutoscaler with `minReplicas: 2` manage them.',
  example: {
    bad: 'kind: Deployment\nspec:\n  template: ...',
    good: 'kind: Deployment\nspec:\n  replicas: 2\n  template: ...',
  },
  peers: {
    kubeLinter: ['minimum-three-replicas'],
    polaris: ['deploymentMissingReplicas'],
    kubeScore: ['deployment-replicas'],
  },
  notes: 'Info level. Skips workloads targeted by a HorizontalPodAutoscaler or KEDA ScaledObject of the scan, `replicas: 0` (scaled down on purpose), non-numeric replicas (templates), Deployments with `strategy: Recreate` (declared singletons), and Deployments that mount a PersistentVolumeClaim that is not ReadWriteMany/ReadOnlyMany (a second replica could not attach it).',
  check(ws, report) {
    for (const w of ws.ofKind('Deployment', 'StatefulSet')) {
      const r = declaredReplicas(w);
      if (r.kind !== 'fixed' || r.count !== 1) continue;
      if (autoscalersOf(ws, w).length || isPartialObject(ws, w)) continue;
      if (w.kind === 'Deployment' && (w.obj.spec?.strategy?.type === 'Recreate' || mountsExclusiveClaim(ws, w))) continue;
      report({
        at: w,
        path: r.explicit ? ['spec', 'replicas'] : ['spec'],
        target: r.explicit ? undefined : 'key',
        message: `${w.kind} "${w.name}" runs a single replica${r.explicit ? '' : ' (replicas is not set and defaults to 1)'} and no autoscaler targets it`,
      });
    }
  },
});
