// Rules changed after the noise review of real manifests (docs/noise.md) keep their real findings.
import path from 'node:path';
import { expect, it } from 'vitest';
import { scan } from '../../src/engine/scan.js';

const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures/rules');

it('probe-port-mismatch: a missing port name and a port of another container are errors, an undeclared number is info', async () => {
  const result = await scan({ paths: [path.join(FIXTURES, 'probe-port-mismatch/named-port-typo.yaml')], history: false, onlyRules: ['probe-port-mismatch'] });
  expect(result.findings.map((f) => [f.severity, f.message.replace(/ \(.*$|:.*$/, '')])).toEqual([
    ['error', 'livenessProbe of container "api" uses port name "http-metrics", which the container does not define'],
    ['info', 'readinessProbe of container "api" probes port 8081, which it does not declare'],
    ['error', 'livenessProbe of container "app" probes port 4317, which belongs to container "otel"'],
  ]);
});

it('secret-ref-missing: Secrets made at runtime by a Job of the namespace, and kustomize-generated ConfigMaps, are not reported', async () => {
  const result = await scan({ paths: [path.join(FIXTURES, 'secret-ref-missing')], history: false, onlyRules: ['secret-ref-missing'] });
  const names = result.findings.map((f) => /(?:Secret|ConfigMap) "([^"]+)"/.exec(f.message)?.[1]);
  expect(names).toContain('ledger-signing');
  expect(names).toContain('reports-extra');
  expect(names).not.toContain('gateway-webhook-cert');
  expect(names).not.toContain('reports-rules');
});
