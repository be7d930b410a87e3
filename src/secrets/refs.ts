// References from pods to Secrets and ConfigMaps (env, envFrom, volumes, projected volumes),
// resolved against the objects of the scan.
import type { KeyPath, Locatable } from '../model.js';
import type { Workspace } from '../workspace/workspace.js';
import type { K8sObject, PodTemplate } from '../workspace/types.js';
import { isObjectLike } from '../workspace/objects.js';
import { producedSecretName, providedSecretKeys, SECRET_PRODUCER_KINDS } from './k8s.js';

export type RefKind = 'Secret' | 'ConfigMap';

export interface ObjectRef {
  kind: RefKind;
  name: string;
  /** Keys the reference needs (secretKeyRef.key, volume items[].key), with where each is written. */
  keys: { key: string; path: KeyPath }[];
  optional: boolean;
  namespace: string;
  /** Report against this, with `namePath` pointing at the name. */
  at: Locatable;
  namePath: KeyPath;
  /** "container api (env DB_PASSWORD)", "volume certs". */
  usedBy: string;
  template: PodTemplate;
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v !== '' ? v : undefined;
}

function itemKeys(items: unknown, basePath: KeyPath): { key: string; path: KeyPath }[] {
  if (!Array.isArray(items)) return [];
  return items.flatMap((it: unknown, i: number) => (isObjectLike(it) && str(it.key) ? [{ key: it.key as string, path: [...basePath, 'items', i, 'key'] }] : []));
}

/** Every Secret/ConfigMap reference of every pod template. */
export function collectRefs(ws: Workspace): ObjectRef[] {
  const out: ObjectRef[] = [];
  for (const t of ws.podTemplates) {
    const namespace = t.owner.namespace;
    for (const c of t.containers) {
      const env = Array.isArray(c.container.env) ? c.container.env : [];
      env.forEach((e: any, i: number) => {
        const from = isObjectLike(e) && isObjectLike(e.valueFrom) ? e.valueFrom : undefined;
        if (!from) return;
        for (const [field, kind] of [['secretKeyRef', 'Secret'], ['configMapKeyRef', 'ConfigMap']] as const) {
          const ref = from[field];
          if (!isObjectLike(ref) || !str(ref.name)) continue;
          const base = ['env', i, 'valueFrom', field];
          out.push({
            kind, name: ref.name, optional: ref.optional === true, namespace, at: c, namePath: [...base, 'name'], template: t,
            keys: str(ref.key) ? [{ key: ref.key, path: [...base, 'key'] }] : [],
            usedBy: `container "${c.name}" (env ${e.name ?? i})`,
          });
        }
      });
      const envFrom = Array.isArray(c.container.envFrom) ? c.container.envFrom : [];
      envFrom.forEach((e: any, i: number) => {
        if (!isObjectLike(e)) return;
        for (const [field, kind] of [['secretRef', 'Secret'], ['configMapRef', 'ConfigMap']] as const) {
          const ref = e[field];
          if (!isObjectLike(ref) || !str(ref.name)) continue;
          out.push({
            kind, name: ref.name, optional: ref.optional === true, namespace, at: c, namePath: ['envFrom', i, field, 'name'], template: t,
            keys: [], usedBy: `container "${c.name}" (envFrom)`,
          });
        }
      });
    }
    const volumes = Array.isArray(t.spec.volumes) ? t.spec.volumes : [];
    volumes.forEach((v: any, i: number) => {
      if (!isObjectLike(v)) return;
      const volName = v.name ?? i;
      if (isObjectLike(v.secret) && str(v.secret.secretName)) {
        const base = ['volumes', i, 'secret'];
        out.push({
          kind: 'Secret', name: v.secret.secretName, optional: v.secret.optional === true, namespace, at: t, template: t,
          namePath: [...base, 'secretName'], keys: itemKeys(v.secret.items, base), usedBy: `volume "${volName}"`,
        });
      }
      if (isObjectLike(v.configMap) && str(v.configMap.name)) {
        const base = ['volumes', i, 'configMap'];
        out.push({
          kind: 'ConfigMap', name: v.configMap.name, optional: v.configMap.optional === true, namespace, at: t, template: t,
          namePath: [...base, 'name'], keys: itemKeys(v.configMap.items, base), usedBy: `volume "${volName}"`,
        });
      }
      const sources = isObjectLike(v.projected) && Array.isArray(v.projected.sources) ? v.projected.sources : [];
      sources.forEach((s: any, j: number) => {
        if (!isObjectLike(s)) return;
        for (const [field, kind] of [['secret', 'Secret'], ['configMap', 'ConfigMap']] as const) {
          const ref = s[field];
          if (!isObjectLike(ref) || !str(ref.name)) continue;
          const base = ['volumes', i, 'projected', 'sources', j, field];
          out.push({
            kind, name: ref.name, optional: ref.optional === true, namespace, at: t, template: t,
            namePath: [...base, 'name'], keys: itemKeys(ref.items, base), usedBy: `projected volume "${volName}"`,
          });
        }
      });
    });
  }
  return out;
}

/** Objects that provide a Secret (Secret, SealedSecret, ExternalSecret) or a ConfigMap, by namespace. */
export function providersIn(ws: Workspace, kind: RefKind, namespace: string): K8sObject[] {
  // Indexed once per scan: every reference of every pod asks.
  const byNamespace = ws.memo(`secrets:providers:${kind}`, () => {
    const index = new Map<string, K8sObject[]>();
    for (const o of ws.ofKind(...(kind === 'Secret' ? SECRET_PRODUCER_KINDS : ['ConfigMap']))) {
      const list = index.get(o.namespace);
      if (list) list.push(o);
      else index.set(o.namespace, [o]);
    }
    return index;
  });
  return byNamespace.get(namespace) ?? [];
}

export function providerName(obj: K8sObject): string {
  return obj.kind === 'ConfigMap' ? obj.name : producedSecretName(obj);
}

/** Keys the providers will hold; undefined when any of them cannot say (ExternalSecret dataFrom, templates). */
export function keysOf(providers: K8sObject[]): Set<string> | undefined {
  const all = new Set<string>();
  for (const p of providers) {
    const keys = providedSecretKeys(p);
    if (!keys) return undefined;
    for (const k of keys) all.add(k);
  }
  return all;
}

/** The closest candidate within two edits, for "did you mean". */
export function closest(word: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = 3;
  for (const c of candidates) {
    const d = editDistance(word, c);
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2) return 3;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length];
}
