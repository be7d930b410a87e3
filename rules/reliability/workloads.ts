// Replica counts and autoscalers, shared by the reliability rules.
import type { K8sObject } from '../../src/workspace/types.js';
import type { Workspace } from '../../src/workspace/workspace.js';

export interface Autoscaler {
  object: K8sObject;
  targetKind: string;
  targetName: string;
  min: number;
  max: number;
}

function num(v: unknown, fallback: number): number {
  const n = typeof v === 'number' ? v : typeof v === 'string' && /^\d+$/.test(v.trim()) ? Number(v) : NaN;
  return Number.isFinite(n) ? n : fallback;
}

/** HorizontalPodAutoscalers and KEDA ScaledObjects of the scan, with their bounds. */
export function autoscalers(ws: Workspace): Autoscaler[] {
  return ws.memo('reliability:autoscalers', () => {
    const out: Autoscaler[] = [];
    for (const hpa of ws.ofKind('HorizontalPodAutoscaler')) {
      const ref = hpa.obj.spec?.scaleTargetRef;
      if (!ref || typeof ref.name !== 'string') continue;
      out.push({ object: hpa, targetKind: String(ref.kind ?? ''), targetName: ref.name, min: num(hpa.obj.spec.minReplicas, 1), max: num(hpa.obj.spec.maxReplicas, 1) });
    }
    for (const so of ws.ofKind('ScaledObject')) {
      const ref = so.obj.spec?.scaleTargetRef;
      if (!ref || typeof ref.name !== 'string') continue;
      out.push({ object: so, targetKind: String(ref.kind ?? 'Deployment'), targetName: ref.name, min: num(so.obj.spec.minReplicaCount, 0), max: num(so.obj.spec.maxReplicaCount, 100) });
    }
    return out;
  });
}

/** Autoscalers of the scan that scale this workload. */
export function autoscalersOf(ws: Workspace, workload: K8sObject): Autoscaler[] {
  return autoscalers(ws).filter(
    (a) => a.object.namespace === workload.namespace && a.targetName === workload.name && a.targetKind === workload.kind,
  );
}

export type Replicas = { kind: 'fixed'; count: number; explicit: boolean } | { kind: 'unknown' };

/** spec.replicas as Kubernetes reads it: absent means 1; a template placeholder is unknown. */
export function declaredReplicas(workload: K8sObject): Replicas {
  const v = workload.obj.spec?.replicas;
  if (v === undefined || v === null) return { kind: 'fixed', count: 1, explicit: false };
  const n = num(v, NaN);
  return Number.isFinite(n) ? { kind: 'fixed', count: n, explicit: true } : { kind: 'unknown' };
}

/** The fewest replicas a workload runs with: the autoscaler minimum when it has one, else spec.replicas. */
export function minimumReplicas(ws: Workspace, workload: K8sObject): number | undefined {
  const scalers = autoscalersOf(ws, workload);
  if (scalers.length) return Math.min(...scalers.map((a) => Math.max(a.min, 1)));
  const r = declaredReplicas(workload);
  return r.kind === 'fixed' ? r.count : undefined;
}

/** The most replicas a workload may run with. */
export function maximumReplicas(ws: Workspace, workload: K8sObject): number | undefined {
  const scalers = autoscalersOf(ws, workload);
  const r = declaredReplicas(workload);
  const fixed = r.kind === 'fixed' ? r.count : undefined;
  if (scalers.length) return Math.max(fixed ?? 0, ...scalers.map((a) => a.max));
  return fixed;
}

/** Workload kinds whose pods are evicted during a drain and counted by a PodDisruptionBudget. */
export const REPLICATED_KINDS = ['Deployment', 'StatefulSet', 'ReplicaSet', 'ReplicationController'];
