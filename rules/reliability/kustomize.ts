// kustomization.yaml files of the scan: they set namespaces and image tags of the manifests they build.
import path from 'node:path';
import type { K8sObject } from '../../src/workspace/types.js';
import { WORKLOAD_KINDS } from '../../src/workspace/pods.js';
import type { Workspace } from '../../src/workspace/workspace.js';

export interface Kustomization {
  /** Directory of the kustomization file, relative to the scan root ('' for the root). */
  dir: string;
  namespace?: string;
  /** Files and directories it includes (resources, bases, components), relative to the scan root. */
  includes: string[];
  /** Image names whose tag or digest it sets. */
  pinnedImages: Set<string>;
  /** Files it applies as patches (strategic merge or JSON 6902), relative to the scan root. */
  patches: string[];
}

const FILE_NAMES = new Set(['kustomization.yaml', 'kustomization.yml', 'Kustomization']);

function posixDir(p: string): string {
  const d = path.posix.dirname(p);
  return d === '.' ? '' : d;
}

export function kustomizations(ws: Workspace): Kustomization[] {
  return ws.memo('reliability:kustomizations', () => {
    const out: Kustomization[] = [];
    for (const doc of ws.yamlDocs) {
      if (!FILE_NAMES.has(path.posix.basename(doc.file.path))) continue;
      const v = doc.value as any;
      if (!v || typeof v !== 'object') continue;
      const dir = posixDir(doc.file.path);
      const includes: string[] = [];
      for (const field of ['resources', 'bases', 'components']) {
        if (!Array.isArray(v[field])) continue;
        for (const entry of v[field]) {
          if (typeof entry !== 'string' || /^[a-z]+:\/\/|^git@|^github\.com\//.test(entry)) continue;
          includes.push(path.posix.normalize(path.posix.join(dir, entry)));
        }
      }
      const patches: string[] = [];
      const patchPaths = [
        ...(Array.isArray(v.patchesStrategicMerge) ? v.patchesStrategicMerge : []),
        ...(Array.isArray(v.patches) ? v.patches.map((p: any) => p?.path) : []),
        ...(Array.isArray(v.patchesJson6902) ? v.patchesJson6902.map((p: any) => p?.path) : []),
      ];
      for (const p of patchPaths) if (typeof p === 'string' && !p.includes('\n')) patches.push(path.posix.normalize(path.posix.join(dir, p)));
      const pinnedImages = new Set<string>();
      if (Array.isArray(v.images)) {
        for (const img of v.images) {
          if (img && typeof img.name === 'string' && (img.newTag != null || img.digest != null)) pinnedImages.add(img.name);
        }
      }
      out.push({ dir, namespace: typeof v.namespace === 'string' && v.namespace ? v.namespace : undefined, includes, pinnedImages, patches });
    }
    return out;
  });
}

function within(file: string, dirOrFile: string): boolean {
  if (dirOrFile === '' || dirOrFile === '.') return !file.startsWith('..');
  return file === dirOrFile || file.startsWith(dirOrFile + '/');
}

/**
 * Kustomizations that build a file: the ones in its directory or above, and the ones that include it
 * (directly or through a base they include), followed transitively.
 */
export function kustomizationsOf(ws: Workspace, file: string): Kustomization[] {
  // Rules ask for every object and container of a file: answered once per file.
  const cache = ws.memo('kustomize:of-file', () => new Map<string, Kustomization[]>());
  let found = cache.get(file);
  if (!found) {
    found = findKustomizationsOf(ws, file);
    cache.set(file, found);
  }
  return found;
}

function findKustomizationsOf(ws: Workspace, file: string): Kustomization[] {
  const all = kustomizations(ws);
  const found = new Set<Kustomization>();
  const queue = [file];
  const seen = new Set<string>();
  while (queue.length) {
    const f = queue.pop()!;
    if (seen.has(f)) continue;
    seen.add(f);
    for (const k of all) {
      if (found.has(k)) continue;
      if (within(f, k.dir) || k.includes.some((inc) => within(f, inc))) {
        found.add(k);
        // The kustomization itself may be a base of another one.
        queue.push(k.dir === '' ? 'kustomization.yaml' : `${k.dir}/kustomization.yaml`);
      }
    }
  }
  return [...found];
}

/**
 * A fragment rather than a whole object: a file some kustomization applies as a patch, or a workload
 * whose containers lack an image (the API server requires one, so only a patch leaves it out).
 * Rules that judge a setting by its absence skip fragments: the base they patch has the rest.
 */
export function isPartialObject(ws: Workspace, object: K8sObject): boolean {
  const partial = ws.memo('reliability:partial-objects', () => {
    const patchFiles = new Set(kustomizations(ws).flatMap((k) => k.patches));
    const set = new Set<K8sObject>(ws.objects.filter((o) => patchFiles.has(o.unit.file.path)));
    for (const t of ws.podTemplates) {
      if (t.containers.some((c) => c.kind !== 'ephemeral' && !c.image.trim())) set.add(t.owner);
    }
    // A workload without a pod template is a fragment too (the API requires one).
    const withTemplate = new Set(ws.podTemplates.map((t) => t.owner));
    for (const o of ws.ofKind(...WORKLOAD_KINDS)) if (!withTemplate.has(o)) set.add(o);
    return set;
  });
  return partial.has(object);
}
