// Security settings of a container as Kubernetes applies them: a container-level
// securityContext field overrides the pod-level one of the same name.
import type { KeyPath, Locatable } from '../../src/model.js';
import type { ContainerRef, PodTemplate } from '../../src/workspace/types.js';

/** Where an effective setting comes from, so a finding can point at it. */
export interface Setting<T> {
  value: T;
  at: Locatable;
  path: KeyPath;
  level: 'container' | 'pod';
}

/** Fields that exist at both levels (PodSecurityContext and SecurityContext). */
type SharedField = 'runAsUser' | 'runAsGroup' | 'runAsNonRoot' | 'seccompProfile' | 'seLinuxOptions' | 'windowsOptions';

function objectOr(v: unknown): Record<string, any> | undefined {
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, any>) : undefined;
}

export function containerSecurityContext(c: ContainerRef): Record<string, any> {
  return objectOr(c.container.securityContext) ?? {};
}

export function podSecurityContext(t: PodTemplate): Record<string, any> {
  return objectOr(t.spec.securityContext) ?? {};
}

/** The effective value of a field that the container may override. */
export function effective<T = unknown>(c: ContainerRef, field: SharedField): Setting<T> | undefined {
  const own = containerSecurityContext(c);
  if (own[field] !== undefined && own[field] !== null) {
    return { value: own[field] as T, at: c, path: ['securityContext', field], level: 'container' };
  }
  const pod = podSecurityContext(c.template);
  if (pod[field] !== undefined && pod[field] !== null) {
    return { value: pod[field] as T, at: c.template, path: ['securityContext', field], level: 'pod' };
  }
  return undefined;
}

/** A container-only field (privileged, allowPrivilegeEscalation, capabilities, readOnlyRootFilesystem). */
export function own<T = unknown>(c: ContainerRef, field: string): Setting<T> | undefined {
  const sc = containerSecurityContext(c);
  if (sc[field] === undefined || sc[field] === null) return undefined;
  return { value: sc[field] as T, at: c, path: ['securityContext', field], level: 'container' };
}

/** Windows pods have no Linux users, capabilities or read-only root filesystems. */
export function isWindowsPod(t: PodTemplate): boolean {
  if (objectOr(t.spec.os)?.name === 'windows') return true;
  const selector = objectOr(t.spec.nodeSelector);
  return selector?.['kubernetes.io/os'] === 'windows';
}

/** Capability names as the runtime reads them: upper case, without the CAP_ prefix. */
export function capabilityName(raw: unknown): string {
  return String(raw).trim().toUpperCase().replace(/^CAP_/, '');
}

export interface CapabilityEntry {
  name: string;
  path: KeyPath;
}

export function capabilityList(c: ContainerRef, list: 'add' | 'drop'): CapabilityEntry[] {
  const caps = objectOr(containerSecurityContext(c).capabilities);
  const entries = caps?.[list];
  if (!Array.isArray(entries)) return [];
  return entries.map((e, i) => ({ name: capabilityName(e), path: ['securityContext', 'capabilities', list, i] }));
}

/** User id as a number, or undefined when the value is not a plain integer (a template, say). */
export function userId(v: unknown): number | undefined {
  if (typeof v === 'number' && Number.isInteger(v)) return v;
  if (typeof v === 'string' && /^\d+$/.test(v.trim())) return Number(v);
  return undefined;
}

export type RootVerdict =
  | { root: false }
  | { root: true; reason: 'uid0'; setting: Setting<unknown> }
  | { root: true; reason: 'nonroot-false'; setting: Setting<unknown> }
  | { root: true; reason: 'unset' };

/**
 * Whether a container may run as root: an effective runAsUser of 0 is root; a positive one is not;
 * otherwise runAsNonRoot: true (the kubelet refuses to start a root image) makes it safe.
 * A runAsUser that is not a plain number (a Helm placeholder) is given the benefit of the doubt.
 */
export function rootVerdict(c: ContainerRef): RootVerdict {
  const user = effective(c, 'runAsUser');
  if (user) {
    const uid = userId(user.value);
    if (uid === 0) return { root: true, reason: 'uid0', setting: user };
    return { root: false };
  }
  const nonRoot = effective(c, 'runAsNonRoot');
  if (nonRoot?.value === true || nonRoot?.value === 'true') return { root: false };
  if (nonRoot) return { root: true, reason: 'nonroot-false', setting: nonRoot };
  return { root: true, reason: 'unset' };
}

/** Deepest existing part of `securityContext.<path>` of a container, for findings about absent settings. */
export function deepestSecurityPath(c: ContainerRef, rest: string[]): KeyPath {
  const out: KeyPath = [];
  let cur: unknown = c.container;
  for (const seg of ['securityContext', ...rest]) {
    const obj = objectOr(cur);
    if (!obj || obj[seg] === undefined || obj[seg] === null) break;
    out.push(seg);
    cur = obj[seg];
  }
  return out;
}

export function describeContainer(c: ContainerRef): string {
  const kind = c.kind === 'init' ? 'init container' : c.kind === 'ephemeral' ? 'ephemeral container' : 'container';
  return `${kind} "${c.name}" of ${c.template.owner.kind} "${c.template.owner.name}"`;
}
