// Volume mounts of a container, with what backs each one (a claim, an emptyDir, a host path...).
import type { KeyPath } from '../../src/model.js';
import { isObjectLike } from '../../src/workspace/objects.js';
import type { ContainerRef } from '../../src/workspace/types.js';

export type VolumeBacking =
  /** `persistentVolumeClaim` volume. */
  | 'claim'
  /** StatefulSet `volumeClaimTemplates`. */
  | 'claim-template'
  /** Generic ephemeral volume: a claim that is deleted with the pod. */
  | 'ephemeral'
  | 'emptyDir'
  | 'hostPath'
  /** Network or cloud disks written inline (nfs, csi, awsElasticBlockStore, ...). */
  | 'disk'
  /** configMap, secret, projected, downwardAPI: configuration, not data. */
  | 'config'
  /** The volume name is not defined in the pod. */
  | 'undefined';

export interface MountInfo {
  mountPath: string;
  volume: string;
  backing: VolumeBacking;
  subPath?: string;
  /** Path of the mount relative to the container: ['volumeMounts', i]. */
  path: KeyPath;
}

const CONFIG_SOURCES = ['configMap', 'secret', 'projected', 'downwardAPI'];

/** `/var/lib/postgresql/data/` and `/var/lib/postgresql/data` are the same directory. */
export function normalisePath(p: string): string {
  const trimmed = p.trim().replace(/\/+/g, '/');
  return trimmed.length > 1 ? trimmed.replace(/\/$/, '') : trimmed;
}

/** Whether `dir` is `base` or lies under it. */
export function isWithin(dir: string, base: string): boolean {
  const d = normalisePath(dir);
  const b = normalisePath(base);
  return d === b || b === '/' || d.startsWith(`${b}/`);
}

function backingOf(c: ContainerRef, name: string): VolumeBacking {
  const owner = c.template.owner;
  if (owner.kind === 'StatefulSet' && Array.isArray(owner.obj.spec?.volumeClaimTemplates)) {
    // The StatefulSet controller mounts a claim for each template name (it wins over a pod volume).
    if (owner.obj.spec.volumeClaimTemplates.some((t: any) => t?.metadata?.name === name)) return 'claim-template';
  }
  const volumes = c.template.spec.volumes;
  const v = Array.isArray(volumes) ? volumes.find((x: any) => isObjectLike(x) && x.name === name) : undefined;
  if (!isObjectLike(v)) return 'undefined';
  if (v.persistentVolumeClaim) return 'claim';
  if (v.ephemeral) return 'ephemeral';
  if ('emptyDir' in v) return 'emptyDir';
  if (v.hostPath) return 'hostPath';
  if (CONFIG_SOURCES.some((k) => k in v)) return 'config';
  return 'disk';
}

export function mountsOf(c: ContainerRef): MountInfo[] {
  const mounts = c.container.volumeMounts;
  if (!Array.isArray(mounts)) return [];
  const out: MountInfo[] = [];
  mounts.forEach((m: any, i: number) => {
    if (!isObjectLike(m) || typeof m.mountPath !== 'string' || m.name == null) return;
    const subPath = typeof m.subPath === 'string' && m.subPath !== '' ? m.subPath : typeof m.subPathExpr === 'string' && m.subPathExpr !== '' ? m.subPathExpr : undefined;
    out.push({ mountPath: normalisePath(m.mountPath), volume: String(m.name), backing: backingOf(c, String(m.name)), subPath, path: ['volumeMounts', i] });
  });
  return out;
}

/** Backings whose data outlives the pod. */
export function isPersistent(b: VolumeBacking): boolean {
  return b === 'claim' || b === 'claim-template' || b === 'hostPath' || b === 'disk';
}

/** The mount that holds `dir`: the deepest mount at `dir` or above it. */
export function mountHolding(mounts: MountInfo[], dir: string): MountInfo | undefined {
  return mounts
    .filter((m) => m.backing !== 'config' && isWithin(dir, m.mountPath))
    .sort((a, b) => b.mountPath.length - a.mountPath.length)[0];
}
