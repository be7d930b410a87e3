// Kubernetes treats a field set to null as absent (`creationTimestamp: null`, an empty
// `annotations:` key in a Helm chart), so nulls are dropped before validation.

/** `value` without null-valued mapping keys, deep; copies only the parts that change. */
export function withoutNulls(value: unknown): unknown {
  // Plain loops: this walks every object of every manifest, CRD schemas included.
  if (Array.isArray(value)) {
    let out: unknown[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const item = value[i];
      const next = withoutNulls(item);
      if (next !== item) (out ??= value.slice())[i] = next;
    }
    return out ?? value;
  }
  if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    let out: Record<string, unknown> | undefined;
    for (const k of Object.keys(record)) {
      const v = record[k];
      if (v === null) {
        out ??= { ...record };
        delete out[k];
        continue;
      }
      if (typeof v !== 'object') continue;
      const next = withoutNulls(v);
      if (next !== v) (out ??= { ...record })[k] = next;
    }
    return out ?? value;
  }
  return value;
}
