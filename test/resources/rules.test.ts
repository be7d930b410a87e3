// Rule behaviour the fixtures do not show well: odd shapes never make a rule throw, peer
// annotations silence the equivalent rule, and script findings point at the command itself.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { scan } from '../../src/engine/scan.js';
import { tempProject } from '../helpers/cli.js';

const RULES = [
  'probe-timing', 'liveness-equals-readiness', 'memory-limit-missing', 'requests-missing', 'limit-below-request',
  'resource-quantity-suspicious', 'replicas-rwo-volume', 'runtime-package-install', 'auth-disabled', 'mock-mode', 'debug-enabled',
];

async function run(files: Record<string, string>) {
  const dir = tempProject(files);
  try {
    const result = await scan({ paths: [dir], onlyRules: RULES, history: false });
    return { errors: result.errors, hits: result.findings.map((f) => `${f.file}:${f.line}:${f.column} ${f.ruleId}`) };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function pod(container: string, extra = ''): string {
  return `apiVersion: v1
kind: Pod
metadata: { name: p, namespace: shop${extra} }
spec:
  containers:
${container}`;
}

describe('probe, resource and risky-env rules', () => {
  it('do not throw on malformed shapes', async () => {
    const shapes = [
      '    - name: a\n      image: a:1\n      resources: null\n      livenessProbe: null\n      readinessProbe: 5\n      command: "sh -c apk add x"\n      env: [null, { name: DEBUG }, { name: LOG_LEVEL, value: { a: 1 } }]',
      '    - name: a\n      image: a:1\n      resources: { requests: "1Gi", limits: [1, 2] }\n      livenessProbe: { httpGet: null }\n      readinessProbe: { exec: { command: null } }',
      '    - name: a\n      image: a:1\n      resources: { requests: { memory: { nested: 1 }, cpu: null }, limits: { memory: true } }\n      args: [1, null, { x: 1 }]',
      '    - "not a container"',
    ];
    for (const shape of shapes) {
      const { errors } = await run({ 'pod.yaml': pod(shape) });
      expect(errors).toEqual([]);
    }
    const { errors } = await run({
      'rwo.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata: { name: d }\nspec:\n  replicas: "3"\n  template:\n    spec:\n      volumes: [null, { persistentVolumeClaim: { claimName: 5 } }]\n      containers: []\n',
      'lr.yaml': 'apiVersion: v1\nkind: LimitRange\nmetadata: { name: l }\nspec:\n  limits: [null, { type: Container, default: null, defaultRequest: { memory: 1Gi } }]\n',
    });
    expect(errors).toEqual([]);
  });

  it('honour the ignore annotations of equivalent kube-linter, Polaris and kube-score checks', async () => {
    const container = '    - name: a\n      image: a:1\n      resources: { requests: { memory: 64Mi } }';
    const plain = await run({ 'pod.yaml': pod(container) });
    expect(plain.hits.map((h) => h.split(' ')[1]).sort()).toEqual(['memory-limit-missing', 'requests-missing']);
    const polaris = await run({ 'pod.yaml': pod(container, ', annotations: { polaris.fairwinds.com/memoryLimitsMissing-exempt: "true" }') });
    expect(polaris.hits.map((h) => h.split(' ')[1])).toEqual(['requests-missing']);
    const kubeLinter = await run({ 'pod.yaml': pod(container, ', annotations: { ignore-check.kube-linter.io/unset-cpu-requirements: "batch pod" }') });
    expect(kubeLinter.hits.map((h) => h.split(' ')[1])).toEqual(['memory-limit-missing']);
    const kubeScore = await run({ 'pod.yaml': pod(container, ', annotations: { kube-score/ignore: "container-resources" }') });
    expect(kubeScore.hits).toEqual([]);
  });

  it('point a script finding at the install command inside a block scalar', async () => {
    const text = pod(
      '    - name: a\n      image: a:1\n      resources: { requests: { cpu: 10m, memory: 64Mi }, limits: { memory: 64Mi } }\n' +
        '      command: [sh, -c]\n      args:\n        - >-\n          echo "apk is the Alpine package manager" &&\n          apk update && apk add curl &&\n          exec /app\n',
    );
    const { hits } = await run({ 'pod.yaml': text });
    const line = text.split('\n').findIndex((l) => l.includes('apk add')) + 1;
    const column = text.split('\n')[line - 1].indexOf('apk add') + 1;
    expect(hits).toEqual([`pod.yaml:${line}:${column} runtime-package-install`]);
  });

  it('point an env finding at the value, for every source', async () => {
    const { hits } = await run({
      'cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: { name: c, namespace: shop }\ndata:\n  A: "1"\n  VERIFY_SSL: "false"\n',
      '.env': 'A=1\nDISABLE_AUTH=true\n',
      'docker-compose.yml': 'services:\n  web:\n    image: web:1\n    environment:\n      - LOG_LEVEL=debug\n',
    });
    expect(hits.sort()).toEqual(['.env:2:14 auth-disabled', 'cm.yaml:6:15 auth-disabled', 'docker-compose.yml:5:19 debug-enabled']);
  });
});
