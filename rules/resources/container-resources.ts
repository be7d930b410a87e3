// Shared reading of container `resources` and of the LimitRange defaults that fill them in.
import type { ContainerRef } from '../../src/workspace/types.js';
import type { Workspace } from '../../src/workspace/workspace.js';
import { isObjectLike } from '../../src/workspace/objects.js';

export type ResourceSection = 'requests' | 'limits';

/** The `requests` or `limits` map of a container (empty when absent or malformed). */
export function resourceMap(c: ContainerRef, section: ResourceSection): Record<string, unknown> {
  const resources = c.container.resources;
  if (!isObjectLike(resources)) return {};
  const map = resources[section];
  return isObjectLike(map) ? map : {};
}

/** A resource counts as set when its key holds a value (null and '' are how templates leave it unset). */
export function isSet(map: Record<string, unknown>, name: string): boolean {
  const v = map[name];
  return v !== undefined && v !== null && v !== '';
}

/**
 * Containers whose own resources matter for scheduling and the node's memory: app containers and
 * native sidecars, in every workload kind (Jobs included). Plain init containers run one at a time
 * before the app and are left out of the "missing" rules; ephemeral containers cannot set resources.
 */
export function resourceBearingContainers(ws: Workspace): ContainerRef[] {
  return ws.containers.filter((c) => c.kind === 'container' || (c.kind === 'init' && c.longRunning));
}

export interface LimitRangeDefaults {
  /** Resources that get a default limit (`default`, or `max`). */
  limits: Set<string>;
  /** Resources that get a default request (`defaultRequest`, `default`, `max` or `min`). */
  requests: Set<string>;
}

/** Per namespace: what the scanned LimitRanges of type Container fill in for containers that leave it out. */
export function limitRangeDefaults(ws: Workspace): Map<string, LimitRangeDefaults> {
  return ws.memo('resources:limitRangeDefaults', () => {
    const out = new Map<string, LimitRangeDefaults>();
    for (const lr of ws.ofKind('LimitRange')) {
      const items = lr.obj.spec?.limits;
      if (!Array.isArray(items)) continue;
      let entry = out.get(lr.namespace);
      if (!entry) out.set(lr.namespace, (entry = { limits: new Set(), requests: new Set() }));
      for (const item of items) {
        if (!isObjectLike(item) || item.type !== 'Container') continue;
        // The API server defaults a LimitRange item: max fills `default`, `default` fills
        // `defaultRequest`, and min fills `defaultRequest`.
        for (const name of keysOf(item.default, item.max)) entry.limits.add(name);
        for (const name of keysOf(item.default, item.max, item.defaultRequest, item.min)) entry.requests.add(name);
      }
    }
    return out;
  });
}

function keysOf(...maps: unknown[]): string[] {
  return maps.flatMap((m) => (isObjectLike(m) ? Object.keys(m) : []));
}

/** Where to point a "missing" finding: the deepest of resources.<section>, resources, the container. */
export function missingResourcePath(c: ContainerRef, section: ResourceSection): (string | number)[] {
  const resources = c.container.resources;
  if (!isObjectLike(resources)) return [];
  return isObjectLike(resources[section]) ? ['resources', section] : ['resources'];
}

export function describeContainer(c: ContainerRef): string {
  const role = c.kind === 'init' ? (c.longRunning ? 'sidecar' : 'init container') : 'container';
  return `${role} "${c.name}" of ${c.template.owner.kind} "${c.template.owner.name}"`;
}
