// examples/k8s/baseline shows each baseline mistake where its story says, and clean.yaml stays silent
// under every rule, also when the whole examples folder is scanned (namespaces are shared there).
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { scan } from '../../src/engine/scan.js';

const EXAMPLES = path.resolve(import.meta.dirname, '../../examples');

describe('examples/k8s/baseline', () => {
  it('reports exactly the planted mistakes', async () => {
    const result = await scan({ paths: [EXAMPLES], history: false });
    expect(result.errors).toEqual([]);
    const baseline = result.findings
      .filter((f) => f.file.startsWith('k8s/baseline/'))
      .map((f) => `${f.file.slice('k8s/baseline/'.length)}:${f.line} ${f.ruleId}`)
      .sort();
    expect(baseline).toEqual(
      [
        'broker.yaml:17 statefulset-service-missing',
        'broker.yaml:25 service-account-missing',
        'checkout.yaml:51 pdb-blocks-eviction',
        'checkout.yaml:61 hpa-target-missing',
        'checkout.yaml:74 networkpolicy-selects-nothing',
        'ci-access.yaml:10 rbac-cluster-admin',
        'ci-access.yaml:24 rbac-wildcard',
        'ci-access.yaml:33 rbac-secrets-access',
        'log-collector.yaml:23 host-namespace',
        'log-collector.yaml:25 run-as-root',
        'log-collector.yaml:25 writable-root-fs',
        'log-collector.yaml:29 privilege-escalation',
        'log-collector.yaml:29 privileged-container',
        'log-collector.yaml:38 privilege-escalation',
        'log-collector.yaml:38 run-as-root',
        'log-collector.yaml:41 dangerous-capabilities',
        'log-collector.yaml:49 host-path-sensitive',
        'reports.yaml:11 default-service-account',
        'reports.yaml:16 image-tag-mutable',
        'reports.yaml:21 duplicate-env-var',
        'reports.yaml:8 job-ttl-missing',
      ].sort(),
    );
  });
});
