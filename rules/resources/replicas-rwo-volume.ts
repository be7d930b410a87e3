import { defineRule } from '../../src/engine/rule.js';
import { isObjectLike } from '../../src/workspace/objects.js';
import type { K8sObject } from '../../src/workspace/types.js';
import type { Workspace } from '../../src/workspace/workspace.js';

/** Controllers whose replicas share one pod template, and so share its volumes. */
const REPLICATED_KINDS = ['Deployment', 'StatefulSet', 'ReplicaSet', 'ReplicationController'];
const SINGLE_NODE_MODES = new Set(['ReadWriteOnce', 'ReadWriteOncePod']);

interface Scaling {
  /** Why there can be more than one pod: "replicas: 3", "HorizontalPodAutoscaler "x" (maxReplicas 5)". */
  reason: string;
}

/** Autoscalers in the scan that may run more than one replica of `target`. */
function autoscalersOf(ws: Workspace, target: K8sObject): Scaling | undefined {
  for (const hpa of ws.ofKind('HorizontalPodAutoscaler')) {
    const ref = hpa.obj.spec?.scaleTargetRef;
    if (hpa.namespace !== target.namespace || !isObjectLike(ref) || ref.kind !== target.kind || ref.name !== target.name) continue;
    const max = Number(hpa.obj.spec?.maxReplicas);
    if (Number.isFinite(max) && max > 1) return { reason: `HorizontalPodAutoscaler "${hpa.name}" scales it up to ${max} replicas` };
  }
  // KEDA ScaledObjects create an HPA at apply time; maxReplicaCount defaults to 100.
  for (const so of ws.ofKind('ScaledObject')) {
    const ref = so.obj.spec?.scaleTargetRef;
    if (so.namespace !== target.namespace || !isObjectLike(ref) || (ref.kind ?? 'Deployment') !== target.kind || ref.name !== target.name) continue;
    const max = so.obj.spec?.maxReplicaCount === undefined ? 100 : Number(so.obj.spec.maxReplicaCount);
    if (Number.isFinite(max) && max > 1) return { reason: `ScaledObject "${so.name}" scales it up to ${max} replicas` };
  }
  return undefined;
}

function scalingOf(ws: Workspace, workload: K8sObject): Scaling | undefined {
  const replicas = workload.obj.spec?.replicas;
  if (typeof replicas === 'number' && replicas > 1) return { reason: `it runs ${replicas} replicas` };
  return autoscalersOf(ws, workload);
}

export default defineRule({
  id: 'replicas-rwo-volume',
  family: 'resources',
  severity: 'error',
  title: 'Several replicas share a ReadWriteOnce volume',
  symptom: 'the second pod is stuck in ContainerCreating with "Multi-Attach error for volume ... Volume is already used by pod(s) ..." as soon as it lands on another node',
  why: 'A ReadWriteOnce PersistentVolumeClaim can be attached to one node at a time (ReadWriteOncePod: to one pod). All replicas of a Deployment mount the same claim, so every replica scheduled on a different node, and every scale-up by an autoscaler, waits for an attach that never comes. It often works on a one-node dev cluster and fails in production.',
  fix: 'Run one replica (with `strategy: Recreate`), use a StatefulSet with `volumeClaimTemplates` so each replica gets its own claim, or use a ReadWriteMany storage class (NFS, CephFS, EFS, Azure Files) if the replicas really must share files.',
  example: {
    bad: 'kind: Deployment\nspec:\n  replicas: 3\n  template:\n    spec:\n      volumes:\n        - name: data\n          persistentVolumeClaim: { claimName: uploads }   # accessModes: [ReadWriteOnce]',
    good: 'kind: StatefulSet\nspec:\n  replicas: 3\n  volumeClaimTemplates:\n    - metadata: { name: data }\n      spec: { accessModes: [ReadWriteOnce], resources: { requests: { storage: 10Gi } } }',
  },
  notes:
    'Needs the PersistentVolumeClaim in the scan (same namespace) and fires only when all its access modes are ReadWriteOnce or ReadWriteOncePod. Counts `spec.replicas` above 1, or a HorizontalPodAutoscaler or KEDA ScaledObject in the scan that targets the workload with a maximum above 1. StatefulSet `volumeClaimTemplates` give each replica its own claim and are fine.',
  check(ws, report) {
    for (const template of ws.podTemplates) {
      const workload = template.owner;
      const volumes = template.spec.volumes;
      if (!REPLICATED_KINDS.includes(workload.kind) || !Array.isArray(volumes)) continue;
      let scaling: Scaling | undefined | null = null;
      volumes.forEach((volume: unknown, i: number) => {
        if (!isObjectLike(volume) || !isObjectLike(volume.persistentVolumeClaim)) return;
        const claimName = volume.persistentVolumeClaim.claimName;
        if (typeof claimName !== 'string') return;
        const pvc = ws.find('PersistentVolumeClaim', workload.namespace, claimName);
        const modes = pvc?.obj.spec?.accessModes;
        if (!Array.isArray(modes) || !modes.length || !modes.every((m) => SINGLE_NODE_MODES.has(m))) return;
        if (scaling === null) scaling = scalingOf(ws, workload);
        if (!scaling) return;
        const oncePod = modes.includes('ReadWriteOncePod');
        report({
          at: template,
          path: ['volumes', i, 'persistentVolumeClaim', 'claimName'],
          message: `${workload.kind} "${workload.name}" mounts PersistentVolumeClaim "${claimName}" (${modes.join(', ')}) while ${scaling.reason}: ${oncePod ? 'only one pod can use it at a time' : 'replicas on other nodes cannot attach it'} (Multi-Attach error)`,
        });
      });
    }
  },
});
