// The environment a container really gets: `envFrom` ConfigMaps/Secrets first, then `env` entries
// (which win), resolved against the objects of the scan.
import type { KeyPath } from '../../src/model.js';
import { isObjectLike } from '../../src/workspace/objects.js';
import type { ContainerRef } from '../../src/workspace/types.js';
import type { Workspace } from '../../src/workspace/workspace.js';

export interface EnvSetting {
  name: string;
  /** The value, when the scan shows it (a literal, or a ConfigMap key). */
  value?: string;
  /** Path of the `env[]` entry relative to the container, for literals and references written there. */
  path?: KeyPath;
  source: 'env' | 'configmap' | 'secret' | 'field';
}

export interface ContainerEnv {
  get(name: string): EnvSetting | undefined;
  /** An `envFrom` source is not in the scan, so any variable may come from it. */
  opaque: boolean;
}

export function containerEnv(ws: Workspace, c: ContainerRef): ContainerEnv {
  const ns = c.template.owner.namespace;
  const vars = new Map<string, EnvSetting>();
  let opaque = false;
  const envFrom = c.container.envFrom;
  if (Array.isArray(envFrom)) {
    for (const src of envFrom) {
      if (!isObjectLike(src)) continue;
      const prefix = typeof src.prefix === 'string' ? src.prefix : '';
      if (isObjectLike(src.configMapRef)) {
        const cm = ws.find('ConfigMap', ns, String(src.configMapRef.name));
        if (!cm) opaque = true;
        else if (isObjectLike(cm.obj.data)) {
          for (const [k, v] of Object.entries(cm.obj.data)) vars.set(prefix + k, { name: prefix + k, value: v == null ? undefined : String(v), source: 'configmap' });
        }
      } else if (isObjectLike(src.secretRef)) {
        const secret = ws.find('Secret', ns, String(src.secretRef.name));
        if (!secret) opaque = true;
        else {
          // Secret values are not trusted as configuration (placeholders, encryption): only their names count.
          const keys = [...Object.keys(isObjectLike(secret.obj.data) ? secret.obj.data : {}), ...Object.keys(isObjectLike(secret.obj.stringData) ? secret.obj.stringData : {})];
          for (const k of keys) vars.set(prefix + k, { name: prefix + k, source: 'secret' });
        }
      }
    }
  }
  const env = c.container.env;
  if (Array.isArray(env)) {
    env.forEach((e: any, i: number) => {
      if (!isObjectLike(e) || e.name == null) return;
      const name = String(e.name);
      if (e.value != null && typeof e.value !== 'object') {
        vars.set(name, { name, value: String(e.value), path: ['env', i, 'value'], source: 'env' });
        return;
      }
      const from = e.valueFrom;
      if (!isObjectLike(from)) {
        vars.set(name, { name, value: '', path: ['env', i], source: 'env' }); // `- name: X` alone sets X to ""
        return;
      }
      if (isObjectLike(from.configMapKeyRef)) {
        const cm = ws.find('ConfigMap', ns, String(from.configMapKeyRef.name));
        const raw = cm && isObjectLike(cm.obj.data) ? cm.obj.data[String(from.configMapKeyRef.key)] : undefined;
        vars.set(name, { name, value: raw == null ? undefined : String(raw), path: ['env', i], source: 'configmap' });
      } else if (isObjectLike(from.secretKeyRef)) {
        vars.set(name, { name, path: ['env', i], source: 'secret' });
      } else {
        vars.set(name, { name, path: ['env', i], source: 'field' });
      }
    });
  }
  return { get: (name) => vars.get(name), opaque };
}
