// Kubernetes versions whose API schemas ship with kubelint (schemas/k8s/v<X.Y>/), and how a
// requested `kubernetesVersion` maps onto them.

/** Keep in step with the folders in schemas/k8s (a test checks it). */
export const SCHEMA_VERSIONS: readonly string[] = ['1.33', '1.36'];

/** Compare 'X.Y' versions numerically ('1.9' < '1.10'). */
export function compareVersions(a: string, b: string): number {
  const [am, an] = parseVersion(a);
  const [bm, bn] = parseVersion(b);
  return am - bm || an - bn;
}

/** 'v1.30.2' / '1.30' -> [1, 30]; anything unparsable sorts first. */
export function parseVersion(v: string): [number, number] {
  const m = /^v?(\d+)\.(\d+)/.exec(v.trim());
  return m ? [Number(m[1]), Number(m[2])] : [0, 0];
}

/** 'v1.30.2' -> '1.30'. */
export function normalizeVersion(v: string): string {
  const [major, minor] = parseVersion(v);
  return `${major}.${minor}`;
}

/**
 * The schema set used for a requested version: the same minor if shipped, else the newest
 * older one, else the oldest shipped (schemas change little between neighbours).
 */
export function schemaVersionFor(requested: string, available: readonly string[] = SCHEMA_VERSIONS): string {
  const sorted = [...available].sort(compareVersions);
  const want = normalizeVersion(requested);
  let pick = sorted[0];
  for (const v of sorted) if (compareVersions(v, want) <= 0) pick = v;
  return pick;
}
