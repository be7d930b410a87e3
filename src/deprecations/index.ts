// API deprecations and removals, looked up by apiVersion and kind. The facts live in
// deprecations.json (with its sources); this module only reads them.
import table from './deprecations.json' with { type: 'json' };
import { compareVersions, normalizeVersion } from '../schema/versions.js';

export interface ApiDeprecation {
  apiVersion: string;
  kind: string;
  /** First Kubernetes minor version that warns about this apiVersion. */
  deprecatedIn: string;
  /** First Kubernetes minor version that no longer serves it; null when no removal is scheduled. */
  removedIn: string | null;
  /** apiVersion to use instead; null when the API is gone without a successor. */
  replacement: string | null;
  /** Set when the replacement is another kind (Endpoints -> EndpointSlice). */
  replacementKind?: string;
  /** What changes besides the apiVersion line. */
  migration?: string;
}

export const API_DEPRECATIONS: readonly ApiDeprecation[] = table.apis as ApiDeprecation[];
export const DEPRECATION_SOURCES: readonly string[] = table.sources;

const byKey = new Map(API_DEPRECATIONS.map((d) => [`${d.apiVersion}\u0000${d.kind}`, d]));

export function deprecationOf(apiVersion: string, kind: string): ApiDeprecation | undefined {
  return byKey.get(`${apiVersion}\u0000${kind}`);
}

export type DeprecationVerdict = { state: 'removed' | 'deprecated'; entry: ApiDeprecation } | undefined;

/** Is apiVersion/kind removed or deprecated in `kubernetesVersion` ('1.30')? */
export function deprecationVerdict(apiVersion: string, kind: string, kubernetesVersion: string): DeprecationVerdict {
  const entry = deprecationOf(apiVersion, kind);
  if (!entry) return undefined;
  const v = normalizeVersion(kubernetesVersion);
  if (entry.removedIn && compareVersions(v, entry.removedIn) >= 0) return { state: 'removed', entry };
  if (compareVersions(v, entry.deprecatedIn) >= 0) return { state: 'deprecated', entry };
  return undefined;
}

/** `use networking.k8s.io/v1`, `use discovery.k8s.io/v1 EndpointSlice`, or the way out when there is no successor. */
export function replacementText(entry: ApiDeprecation): string {
  if (!entry.replacement) return entry.migration ?? 'there is no replacement API';
  return `use ${entry.replacement}${entry.replacementKind ? ` ${entry.replacementKind}` : ''}`;
}

/** The finding message: `extensions/v1beta1 Ingress is removed in Kubernetes 1.22: use networking.k8s.io/v1`. */
export function deprecationMessage(verdict: NonNullable<DeprecationVerdict>): string {
  const { entry, state } = verdict;
  const name = `${entry.apiVersion} ${entry.kind}`;
  if (state === 'removed') return `${name} is removed in Kubernetes ${entry.removedIn}: ${replacementText(entry)}`;
  const removal = entry.removedIn ? ` and removed in ${entry.removedIn}` : '';
  return `${name} is deprecated since Kubernetes ${entry.deprecatedIn}${removal}: ${replacementText(entry)}`;
}
