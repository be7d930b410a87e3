import type { KeyPath } from '../model.js';
import type { ContainerPort, ContainerRef, K8sObject, PodTemplate } from './types.js';
import { isObjectLike, stringMap } from './objects.js';

/** Where each workload kind keeps its pod template metadata and spec. */
const TEMPLATE_PATHS: Record<string, { meta: KeyPath; spec: KeyPath; completes: boolean }> = {
  Pod: { meta: ['metadata'], spec: ['spec'], completes: false },
  Deployment: { meta: ['spec', 'template', 'metadata'], spec: ['spec', 'template', 'spec'], completes: false },
  StatefulSet: { meta: ['spec', 'template', 'metadata'], spec: ['spec', 'template', 'spec'], completes: false },
  DaemonSet: { meta: ['spec', 'template', 'metadata'], spec: ['spec', 'template', 'spec'], completes: false },
  ReplicaSet: { meta: ['spec', 'template', 'metadata'], spec: ['spec', 'template', 'spec'], completes: false },
  // Argo Rollouts replace Deployments with the same pod template shape.
  Rollout: { meta: ['spec', 'template', 'metadata'], spec: ['spec', 'template', 'spec'], completes: false },
  ReplicationController: { meta: ['spec', 'template', 'metadata'], spec: ['spec', 'template', 'spec'], completes: false },
  Job: { meta: ['spec', 'template', 'metadata'], spec: ['spec', 'template', 'spec'], completes: true },
  CronJob: {
    meta: ['spec', 'jobTemplate', 'spec', 'template', 'metadata'],
    spec: ['spec', 'jobTemplate', 'spec', 'template', 'spec'],
    completes: true,
  },
};

export const WORKLOAD_KINDS = Object.keys(TEMPLATE_PATHS);

function dig(obj: any, path: KeyPath): any {
  let cur = obj;
  for (const seg of path) {
    if (cur == null || typeof cur !== 'object') return undefined;
    cur = cur[seg as any];
  }
  return cur;
}

export function extractPodTemplates(owner: K8sObject): PodTemplate[] {
  const paths = TEMPLATE_PATHS[owner.kind];
  if (!paths) return [];
  const spec = dig(owner.obj, paths.spec);
  if (!isObjectLike(spec)) return [];
  const meta = dig(owner.obj, paths.meta);
  const specPath = [...owner.basePath, ...paths.spec];
  const template: PodTemplate = {
    unit: owner.unit,
    basePath: specPath,
    owner,
    specPath: paths.spec,
    spec,
    labels: stringMap(isObjectLike(meta) ? meta.labels : undefined),
    labelsPath: [...paths.meta, 'labels'],
    annotations: stringMap(isObjectLike(meta) ? meta.annotations : undefined),
    containers: [],
    runsToCompletion: paths.completes,
  };
  const lists: [string, ContainerRef['kind']][] = [
    ['containers', 'container'],
    ['initContainers', 'init'],
    ['ephemeralContainers', 'ephemeral'],
  ];
  for (const [field, kind] of lists) {
    const list = spec[field];
    if (!Array.isArray(list)) continue;
    list.forEach((c: unknown, i: number) => {
      if (!isObjectLike(c)) return;
      const path = [...paths.spec, field, i];
      template.containers.push({
        unit: owner.unit,
        basePath: [...owner.basePath, ...path],
        template,
        container: c,
        name: c.name != null ? String(c.name) : `#${i}`,
        image: c.image != null ? String(c.image) : '',
        kind,
        longRunning: kind === 'container' || (kind === 'init' && c.restartPolicy === 'Always'),
        ports: containerPorts(c),
        path,
      });
    });
  }
  return [template];
}

function containerPorts(c: Record<string, any>): ContainerPort[] {
  if (!Array.isArray(c.ports)) return [];
  const out: ContainerPort[] = [];
  c.ports.forEach((p: any, index: number) => {
    if (!isObjectLike(p)) return;
    const n = Number(p.containerPort);
    if (!Number.isFinite(n)) return;
    out.push({ name: p.name != null ? String(p.name) : undefined, containerPort: n, protocol: p.protocol ?? 'TCP', index });
  });
  return out;
}
