// Which workloads run the image a build produces: matched by repository, where tags allow.
import type { ContainerRef } from '../workspace/types.js';
import type { Workspace } from '../workspace/workspace.js';
import type { ImageBuild } from './builds.js';
import { matchesRepository } from './images.js';

export function containersOfBuild(ws: Workspace, build: ImageBuild): ContainerRef[] {
  if (!build.repositories.length) return [];
  return ws.containers.filter((c) => c.image && build.repositories.some((p) => matchesRepository(p, c.image)));
}
