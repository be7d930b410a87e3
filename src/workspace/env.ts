// Environment values from every place they can be written, each with its exact location.
import type { EnvValue } from './types.js';
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
  for (const cm of ws.ofKind('ConfigMap')) {
    const data = cm.obj.data;
    if (!isObjectLike(data)) continue;
    const consumers = ws.containers.filter((c) => c.template.owner.namespace === cm.namespace && consumesConfigMap(c.container, cm.name));
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

function consumesConfigMap(container: any, name: string): boolean {
  if (Array.isArray(container.envFrom) && container.envFrom.some((e: any) => e?.configMapRef?.name === name)) return true;
  if (Array.isArray(container.env) && container.env.some((e: any) => e?.valueFrom?.configMapKeyRef?.name === name)) return true;
  return false;
}
