// examples/k8s/resources shows every probe, resource and risky-env rule, in the file written for it, and nothing else.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { scan } from '../../src/engine/scan.js';

const DIR = path.resolve(import.meta.dirname, '../../examples/k8s/resources');

describe('examples/k8s/resources', () => {
  it('reports exactly the mistakes each example describes', async () => {
    const result = await scan({ paths: [DIR], history: false });
    expect(result.errors).toEqual([]);
    const byFile = new Map<string, string[]>();
    for (const f of result.findings) byFile.set(f.file, [...(byFile.get(f.file) ?? []), f.ruleId]);
    expect(Object.fromEntries([...byFile].map(([file, rules]) => [file, [...new Set(rules)].sort()]))).toEqual({
      'catalog.yaml': ['limit-below-request', 'resource-quantity-suspicious'],
      'checkout.yaml': ['auth-disabled', 'debug-enabled', 'mock-mode'],
      'media.yaml': ['replicas-rwo-volume', 'runtime-package-install'],
      'nightly-export.yaml': ['memory-limit-missing', 'requests-missing'],
      'search.yaml': ['liveness-equals-readiness', 'probe-timing'],
    });
  });
});
