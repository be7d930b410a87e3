import { describe, expect, it } from 'vitest';
import { findingsFor, lines } from '../security/scan-helper.js';

function deployment(name: string, opts: { replicas?: number; namespace?: string | null; labels?: string; image?: string; extraMeta?: string } = {}): string {
  const ns = opts.namespace === null ? '' : `\n  namespace: ${opts.namespace ?? 'shop'}`;
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}${ns}${opts.extraMeta ?? ''}
spec:
${opts.replicas === undefined ? '' : `  replicas: ${opts.replicas}\n`}  selector:
    matchLabels: { app: ${name} }
  template:
    metadata:
      labels: { app: ${name}${opts.labels ?? ''} }
    spec:
      containers:
        - name: app
          image: ${opts.image ?? 'registry.example.com/shop/app:1.0.0'}
`;
}

function pdb(name: string, budget: string, app: string, namespace = 'shop'): string {
  return `apiVersion: policy/v1
kind: PodDisruptionBudget
metadata: { name: ${name}, namespace: ${namespace} }
spec:
  ${budget}
  selector: { matchLabels: { app: ${app} } }
`;
}

describe('baseline reliability rules', () => {
  it('single-replica ignores workloads a KEDA ScaledObject scales', async () => {
    const so = `apiVersion: keda.sh/v1alpha1
kind: ScaledObject
metadata: { name: worker, namespace: shop }
spec:
  scaleTargetRef: { name: worker }
  maxReplicaCount: 10
`;
    expect(await findingsFor({ 'd.yaml': deployment('worker', { replicas: 1 }), 'so.yaml': so }, ['single-replica'])).toEqual([]);
    expect(lines(await findingsFor({ 'd.yaml': deployment('worker', { replicas: 1 }) }, ['single-replica']))).toEqual(['7 single-replica']);
  });

  it('no-anti-affinity counts the autoscaler maximum', async () => {
    const hpa = `apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: { name: web, namespace: shop }
spec:
  scaleTargetRef: { apiVersion: apps/v1, kind: Deployment, name: web }
  maxReplicas: 4
`;
    expect(await findingsFor({ 'd.yaml': deployment('web', { replicas: 1 }) }, ['no-anti-affinity'])).toEqual([]);
    const found = await findingsFor({ 'd.yaml': deployment('web', { replicas: 1 }), 'h.yaml': hpa }, ['no-anti-affinity']);
    expect(found.map((f) => f.message)).toEqual(['Deployment "web" can run 4 replicas but has no pod anti-affinity or topology spread constraint over its own pods']);
  });

  describe('pdb-blocks-eviction', () => {
    it.each([
      ['minAvailable: 50%', 1, true],
      ['minAvailable: 50%', 3, false],
      ['minAvailable: 3', 3, true],
      ['minAvailable: 4', 3, true],
      ['minAvailable: 2', 3, false],
      ['maxUnavailable: 0%', 3, true],
      ['maxUnavailable: 25%', 3, false],
    ])('%s over %i replicas blocks: %s', async (budget, replicas, blocks) => {
      const found = await findingsFor({ 'd.yaml': deployment('web', { replicas }), 'p.yaml': pdb('web', budget, 'web') }, ['pdb-blocks-eviction']);
      expect(found.length > 0).toBe(blocks);
    });

    it('adds up the replicas of every workload it selects', async () => {
      const files = {
        'a.yaml': deployment('web', { replicas: 2, labels: ', tier: front' }),
        'b.yaml': deployment('web-canary', { replicas: 1, labels: ', tier: front' }),
        'p.yaml': `apiVersion: policy/v1
kind: PodDisruptionBudget
metadata: { name: front, namespace: shop }
spec:
  minAvailable: 3
  selector: { matchLabels: { tier: front } }
`,
      };
      const found = await findingsFor(files, ['pdb-blocks-eviction']);
      expect(found).toHaveLength(1);
      expect(found[0].message).toContain('Deployment "web" (2), Deployment "web-canary" (1)');
      files['b.yaml'] = deployment('web-canary', { replicas: 2, labels: ', tier: front' });
      expect(await findingsFor(files, ['pdb-blocks-eviction'])).toEqual([]);
    });
  });

  it('hpa-target-missing says nothing when the namespace has no objects of the target kind in the scan', async () => {
    const hpa = `apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: { name: web, namespace: shop }
spec:
  scaleTargetRef: { apiVersion: apps/v1, kind: Deployment, name: web }
  maxReplicas: 4
`;
    expect(await findingsFor({ 'h.yaml': hpa, 'd.yaml': deployment('api', { namespace: 'other' }) }, ['hpa-target-missing'])).toEqual([]);
    expect(lines(await findingsFor({ 'h.yaml': hpa, 'd.yaml': deployment('api') }, ['hpa-target-missing']))).toEqual(['5 hpa-target-missing']);
  });

  describe('default-namespace', () => {
    it('is silent when the config names a default namespace', async () => {
      const files = { 'd.yaml': deployment('web', { namespace: null }), '.kubelint.yaml': 'defaultNamespace: shop\n' };
      expect(await findingsFor(files, ['default-namespace'])).toEqual([]);
    });

    it('is silent for objects rendered from a Helm chart', async () => {
      const rendered = `---\n# Source: web/templates/deployment.yaml\n${deployment('web', { namespace: null })}`;
      expect(await findingsFor({ 'rendered.yaml': rendered }, ['default-namespace'])).toEqual([]);
    });

    it('is silent for a base that an overlay puts in a namespace, and fires without the overlay', async () => {
      const files: Record<string, string> = {
        'base/kustomization.yaml': 'resources: [deployment.yaml]\n',
        'base/deployment.yaml': deployment('web', { namespace: null }),
        'overlays/prod/kustomization.yaml': 'namespace: shop-prod\nresources: [../../base]\n',
      };
      expect(await findingsFor(files, ['default-namespace'])).toEqual([]);
      delete files['overlays/prod/kustomization.yaml'];
      expect(lines(await findingsFor(files, ['default-namespace']))).toEqual(['3 default-namespace']);
    });
  });

  it('image-tag-mutable trusts a tag set by a kustomization overlay', async () => {
    const files: Record<string, string> = {
      'base/kustomization.yaml': 'resources: [deployment.yaml]\n',
      'base/deployment.yaml': deployment('web', { image: 'shop-web' }),
      'overlays/prod/kustomization.yaml': 'resources: [../../base]\nimages:\n  - { name: shop-web, newName: registry.example.com/shop/web, newTag: "1.4.2" }\n',
    };
    expect(await findingsFor(files, ['image-tag-mutable'])).toEqual([]);
    delete files['overlays/prod/kustomization.yaml'];
    expect(lines(await findingsFor(files, ['image-tag-mutable']))).toEqual(['15 image-tag-mutable']);
  });

  it('job-ttl-missing skips Argo CD hooks that Argo deletes', async () => {
    const job = (annotations: string) => `apiVersion: batch/v1
kind: Job
metadata:
  name: sync
  namespace: shop${annotations}
spec:
  template:
    spec:
      restartPolicy: Never
      containers: [{ name: sync, image: registry.example.com/shop/sync:1.0.0 }]
`;
    expect(await findingsFor({ 'j.yaml': job('\n  annotations:\n    argocd.argoproj.io/hook: PreSync\n    argocd.argoproj.io/hook-delete-policy: HookSucceeded') }, ['job-ttl-missing'])).toEqual([]);
    expect(lines(await findingsFor({ 'j.yaml': job('') }, ['job-ttl-missing']))).toEqual(['6 job-ttl-missing']);
  });

  it('statefulset-service-missing names a Service that selects other pods', async () => {
    const doc = `apiVersion: apps/v1
kind: StatefulSet
metadata: { name: db, namespace: shop }
spec:
  serviceName: db
  selector: { matchLabels: { app: db } }
  template:
    metadata: { labels: { app: db } }
    spec:
      containers: [{ name: db, image: registry.example.com/shop/db:1.0.0 }]
---
apiVersion: v1
kind: Service
metadata: { name: db, namespace: shop }
spec:
  clusterIP: None
  selector: { app: database }
  ports: [{ port: 5432 }]
`;
    const found = await findingsFor({ 's.yaml': doc }, ['statefulset-service-missing']);
    expect(lines(found)).toEqual(['5 statefulset-service-missing']);
    expect(found[0].message).toContain('does not select');
  });
});

describe('kustomize patches', () => {
  const patch = `apiVersion: apps/v1
kind: Deployment
metadata: { name: web }
spec:
  replicas: 3
  template:
    spec:
      containers:
        - name: web
          image: registry.example.com/shop/web:1.5.0
`;
  const absenceRules = ['run-as-root', 'privilege-escalation', 'writable-root-fs', 'dangerous-capabilities', 'default-service-account', 'no-anti-affinity', 'default-namespace'];

  it('are not judged by what they leave out when a kustomization applies them', async () => {
    const files = { 'overlay/kustomization.yaml': 'resources: [../base]\npatches:\n  - path: web.yaml\n', 'overlay/web.yaml': patch };
    expect(await findingsFor(files, absenceRules)).toEqual([]);
  });

  it('are recognised without their kustomization when a container has no image', async () => {
    expect(await findingsFor({ 'web.yaml': patch.replace('          image: registry.example.com/shop/web:1.5.0\n', '          args: [--workers=8]\n') }, absenceRules)).toEqual([]);
  });

  it('still report what they set', async () => {
    const files = {
      'overlay/kustomization.yaml': 'resources: [../base]\npatches:\n  - path: web.yaml\n',
      'overlay/web.yaml': patch.replace('1.5.0\n', '1.5.0\n          securityContext: { privileged: true, runAsUser: 0 }\n'),
    };
    const found = await findingsFor(files, [...absenceRules, 'privileged-container']);
    expect(found.map((f) => f.ruleId).sort()).toEqual(['privilege-escalation', 'privileged-container', 'run-as-root']);
  });

  it('the same object outside a kustomization is judged as a whole', async () => {
    const found = await findingsFor({ 'web.yaml': patch }, absenceRules);
    expect(found.length).toBeGreaterThan(0);
  });
});

describe('hpa-target-missing and custom workloads', () => {
  it('does not second-guess an HPA on a custom kind that wraps a Deployment of the same name', async () => {
    const hpa = `apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: { name: web, namespace: shop }
spec:
  scaleTargetRef: { apiVersion: argoproj.io/v1alpha1, kind: Rollout, name: web }
  maxReplicas: 4
`;
    const deployment = `apiVersion: apps/v1
kind: Deployment
metadata: { name: web, namespace: shop }
spec:
  replicas: 0
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec:
      containers: [{ name: web, image: registry.example.com/shop/web:1.0.0 }]
`;
    expect(await findingsFor({ 'h.yaml': hpa, 'd.yaml': deployment }, ['hpa-target-missing'])).toEqual([]);
  });
});
