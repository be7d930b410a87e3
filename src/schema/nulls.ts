// Kubernetes treats a field set to null as absent (`creationTimestamp: null`, an empty
// `annotations:` key in a Helm chart), so nulls are dropped before validation.

/** `value` without null-valued mapping keys, deep; copies only the parts that change. */
export function withoutNulls(value: unknown): unknown {
  if (Array.isArray(value)) {
    let out: unknown[] | undefined;
    value.forEach((item, i) => {
      const next = withoutNulls(item);
      if (next !== item) (out ??= value.slice())[i] = next;
    });
    return out ?? value;
  }
  if (value && typeof value === 'object') {
    let out: Record<string, unknown> | undefined;
    for (const [k, v] of Object.entries(value)) {
      if (v === null) {
        out ??= { ...(value as Record<string, unknown>) };
        delete out[k];
        continue;
      }
      const next = withoutNulls(v);
      if (next !== v) (out ??= { ...(value as Record<string, unknown>) })[k] = next;
    }
    return out ?? value;
  }
  return value;
}
