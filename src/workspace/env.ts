// Environment values from every place they can be written, each with its exact location.
import type { ContainerRef, EnvValue } from './types.js';
import type { Workspace } from './workspace.js';
import { isObjectLike } from './objects.js';

export type EnvCollector = (ws: Workspace) => EnvValue[];

const collectors: EnvCollector[] = [];

/** Source modules (env files, compose, Helm values, Dockerfiles) register how to read their env values. */
export function registerEnvCollector(collector: EnvCollector): void {
  if (!collectors.includes(collector)) collectors.push(collector);
}

export function collectEnvValues(ws: Workspace): EnvValue[] {
  return [containerEnv(ws), configMapEnv(ws), ...collectors.map((c) => c(ws))].flat();
}

/** `env[].value` of every container. */
function containerEnv(ws: Workspace): EnvValue[] {
  const out: EnvValue[] = [];
  for (const c of ws.containers) {
    const env = c.container.env;
    if (!Array.isArray(env)) continue;
    env.forEach((e: any, i: number) => {
      if (!isObjectLike(e) || e.name == null || e.value == null || typeof e.value === 'object') return;
      out.push({
        name: String(e.name),
        value: String(e.value),
        source: 'container',
        at: c,
        path: ['env', i, 'value'],
        object: c.template.owner,
        container: c,
        namespace: c.template.owner.namespace,
      });
    });
  }
  return out;
}

/** ConfigMap `data` values, with the containers that consume them. */
function configMapEnv(ws: Workspace): EnvValue[] {
  const out: EnvValue[] = [];
  const consumersOf = configMapConsumers(ws);
  for (const cm of ws.ofKind('ConfigMap')) {
    const data = cm.obj.data;
    if (!isObjectLike(data)) continue;
    const consumers = consumersOf.get(`${cm.namespace}\u0000${cm.name}`) ?? [];
    for (const [key, value] of Object.entries(data)) {
      if (value == null || typeof value === 'object') continue;
      out.push({
        name: key,
        value: String(value),
        source: 'configmap',
        at: cm,
        path: ['data', key],
        object: cm,
        container: consumers[0],
        namespace: cm.namespace,
        consumers,
      });
    }
  }
  return out;
}

/** Containers by the ConfigMaps (`namespace\0name`) they read through envFrom or configMapKeyRef, in container order. */
function configMapConsumers(ws: Workspace): Map<string, ContainerRef[]> {
  const byConfigMap = new Map<string, ContainerRef[]>();
  for (const c of ws.containers) {
    const container = c.container as any;
    const names = new Set<unknown>();
    if (Array.isArray(container.envFrom)) for (const e of container.envFrom) names.add(e?.configMapRef?.name);
    if (Array.isArray(container.env)) for (const e of container.env) names.add(e?.valueFrom?.configMapKeyRef?.name);
    for (const name of names) {
      if (typeof name !== 'string') continue;
      const key = `${c.template.owner.namespace}\u0000${name}`;
      const list = byConfigMap.get(key);
      if (list) list.push(c);
      else byConfigMap.set(key, [c]);
    }
  }
  return byConfigMap;
}
