// What the cluster needs: architectures a workload's pods may be scheduled on, read from
// `kubernetes.io/arch` (and the deprecated beta key) in nodeSelector and required node affinity.
import type { KeyPath } from '../model.js';
import type { PodTemplate } from '../workspace/types.js';
import type { Workspace } from '../workspace/workspace.js';
import { normalizeArch } from './platform.js';

export const ARCH_LABELS = ['kubernetes.io/arch', 'beta.kubernetes.io/arch'];

export interface ArchRequirement {
  template: PodTemplate;
  /** Architectures the pods can land on; the image must cover every one of them. */
  archs: string[];
  /** Absolute path (in the template's unit) of the selector that says so. */
  path: KeyPath;
  /** How it was written, for messages: `nodeSelector kubernetes.io/arch: amd64`. */
  how: string;
}

function isRecord(v: unknown): v is Record<string, any> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function templateArchRequirement(t: PodTemplate): ArchRequirement | undefined {
  const spec = t.spec;
  let fromSelector: { archs: string[]; path: KeyPath; how: string } | undefined;
  if (isRecord(spec.nodeSelector)) {
    for (const key of ARCH_LABELS) {
      const v = spec.nodeSelector[key];
      const arch = v == null ? undefined : normalizeArch(String(v));
      if (arch) fromSelector = { archs: [arch], path: [...t.basePath, 'nodeSelector', key], how: `nodeSelector ${key}: ${v}` };
    }
  }
  const fromAffinity = affinityArchs(t);
  if (fromSelector && fromAffinity) {
    const both = fromSelector.archs.filter((a) => fromAffinity.archs.includes(a));
    return { template: t, archs: both.length ? both : fromSelector.archs, path: fromSelector.path, how: fromSelector.how };
  }
  const chosen = fromSelector ?? fromAffinity;
  return chosen ? { template: t, ...chosen } : undefined;
}

/** Required node affinity: terms are ORed, so every term must pin the arch for a requirement to hold. */
function affinityArchs(t: PodTemplate): { archs: string[]; path: KeyPath; how: string } | undefined {
  const required = t.spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution;
  const terms = isRecord(required) && Array.isArray(required.nodeSelectorTerms) ? required.nodeSelectorTerms : undefined;
  if (!terms?.length) return undefined;
  const archs: string[] = [];
  let first: { path: KeyPath; how: string } | undefined;
  for (let ti = 0; ti < terms.length; ti++) {
    const exprs = Array.isArray(terms[ti]?.matchExpressions) ? terms[ti].matchExpressions : [];
    const ei = exprs.findIndex((e: any) => isRecord(e) && ARCH_LABELS.includes(String(e.key)) && e.operator === 'In' && Array.isArray(e.values));
    if (ei < 0) return undefined;
    const values: string[] = exprs[ei].values.map(String);
    for (const v of values) {
      const a = normalizeArch(v);
      if (a && !archs.includes(a)) archs.push(a);
    }
    first ??= {
      path: [...t.basePath, 'affinity', 'nodeAffinity', 'requiredDuringSchedulingIgnoredDuringExecution', 'nodeSelectorTerms', ti, 'matchExpressions', ei, 'values'],
      how: `node affinity ${exprs[ei].key} In [${values.join(', ')}]`,
    };
  }
  return archs.length && first ? { archs, ...first } : undefined;
}

export function archRequirements(ws: Workspace): ArchRequirement[] {
  return ws.memo('arch:requirements', () =>
    ws.podTemplates.map(templateArchRequirement).filter((r): r is ArchRequirement => !!r),
  );
}

/**
 * Architectures images must support for the whole scan: config `targetArchitectures`, else the
 * union of what workloads select, else amd64 (what nearly every cluster runs).
 */
export function targetArchitectures(ws: Workspace): { archs: string[]; source: 'config' | 'workloads' | 'default' } {
  return ws.memo('arch:targets', () => {
    const configured = ws.settings.targetArchitectures.map(normalizeArch).filter((a): a is string => !!a);
    if (configured.length) return { archs: [...new Set(configured)], source: 'config' as const };
    const fromWorkloads = [...new Set(archRequirements(ws).flatMap((r) => r.archs))];
    if (fromWorkloads.length) return { archs: fromWorkloads, source: 'workloads' as const };
    return { archs: ['amd64'], source: 'default' as const };
  });
}
