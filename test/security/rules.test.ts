import { describe, expect, it } from 'vitest';
import { findingsFor, lines } from './scan-helper.js';

const CLEAN_CONTAINER = `
      image: registry.example.com/shop/app:1.0.0
      securityContext: { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: [ALL] } }`;

function pod(name: string, opts: { annotations?: string; spec?: string; container?: string; namespace?: string } = {}): string {
  return `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
  namespace: ${opts.namespace ?? 'shop'}
${opts.annotations ? `  annotations:\n${opts.annotations}\n` : ''}spec:
${opts.spec ?? '  automountServiceAccountToken: false\n  securityContext: { runAsNonRoot: true, runAsUser: 10001 }'}
  containers:
    - name: app${opts.container ?? CLEAN_CONTAINER}
`;
}

describe('baseline security rules', () => {
  it('stay silent on the clean pod shape', async () => {
    const rules = ['privileged-container', 'privilege-escalation', 'run-as-root', 'dangerous-capabilities', 'writable-root-fs', 'default-service-account', 'host-namespace'];
    expect(await findingsFor({ 'p.yaml': pod('clean') }, rules)).toEqual([]);
  });

  it('honour the peers\' ignore annotations', async () => {
    const spec = '  automountServiceAccountToken: false';
    const docs = [
      pod('kube-linter', { spec, annotations: '    ignore-check.kube-linter.io/run-as-non-root: "image runs as nobody"' }),
      pod('polaris', { spec, annotations: '    polaris.fairwinds.com/runAsRootAllowed-exempt: "true"' }),
      pod('kube-score', { spec, annotations: '    kube-score/ignore: container-security-context-user-group-id' }),
      pod('none', { spec }),
    ].join('---\n');
    const found = await findingsFor({ 'p.yaml': docs }, ['run-as-root']);
    expect(found.map((f) => f.resource?.name)).toEqual(['none']);
  });

  it('reports a pod-level runAsUser: 0 once for all its containers', async () => {
    const doc = `apiVersion: v1
kind: Pod
metadata: { name: two, namespace: shop }
spec:
  automountServiceAccountToken: false
  securityContext:
    runAsUser: 0
  containers:
    - name: a${CLEAN_CONTAINER}
    - name: b${CLEAN_CONTAINER}
`;
    const found = await findingsFor({ 'p.yaml': doc }, ['run-as-root']);
    expect(lines(found)).toEqual(['7 run-as-root']);
    expect(found[0].message).toContain('containers "a", "b"');
  });

  it('raises default-service-account to a warning when a binding grants roles to "default"', async () => {
    const open = pod('uses-default', { spec: '  securityContext: { runAsNonRoot: true, runAsUser: 10001 }' });
    const quiet = await findingsFor({ 'p.yaml': open }, ['default-service-account']);
    expect(quiet.map((f) => f.severity)).toEqual(['info']);
    const binding = `apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: { name: all-sa-view, namespace: shop }
roleRef: { apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: view }
subjects:
  - { kind: Group, name: "system:serviceaccounts:shop", apiGroup: rbac.authorization.k8s.io }
`;
    const loud = await findingsFor({ 'p.yaml': open, 'rb.yaml': binding }, ['default-service-account']);
    expect(loud.map((f) => f.severity)).toEqual(['warning']);
    expect(loud[0].message).toContain('RoleBinding "all-sa-view"');
  });

  it('follows the safe sysctl list of the configured Kubernetes version', async () => {
    const doc = pod('sysctl', { spec: '  automountServiceAccountToken: false\n  securityContext:\n    runAsNonRoot: true\n    sysctls:\n      - { name: net.ipv4.tcp_rmem, value: "4096 87380 6291456" }' });
    expect(lines(await findingsFor({ 'p.yaml': doc }, ['unsafe-sysctls'], { kubeVersion: '1.31' }))).toEqual(['11 unsafe-sysctls']);
    expect(await findingsFor({ 'p.yaml': doc }, ['unsafe-sysctls'], { kubeVersion: '1.32' })).toEqual([]);
  });

  it('does not use NET_RAW against a non-root container that cannot escalate', async () => {
    const keepsDefaults = '\n      image: registry.example.com/shop/app:1.0.0\n      securityContext: { allowPrivilegeEscalation: false }';
    expect(await findingsFor({ 'p.yaml': pod('nonroot', { container: keepsDefaults }) }, ['dangerous-capabilities'])).toEqual([]);
    const rootSpec = '  automountServiceAccountToken: false';
    const found = await findingsFor({ 'p.yaml': pod('root', { container: keepsDefaults, spec: rootSpec }) }, ['dangerous-capabilities']);
    expect(found).toHaveLength(1);
    expect(found[0].message).toContain('NET_RAW');
  });

  it('names the namespace where a missing service account exists', async () => {
    const sa = 'apiVersion: v1\nkind: ServiceAccount\nmetadata: { name: web, namespace: shop }\n---\napiVersion: v1\nkind: ServiceAccount\nmetadata: { name: api, namespace: backend }\n';
    const doc = pod('api', { spec: '  serviceAccountName: api\n  securityContext: { runAsNonRoot: true }' });
    const found = await findingsFor({ 'sa.yaml': sa, 'p.yaml': doc }, ['service-account-missing']);
    expect(found).toHaveLength(1);
    expect(found[0].message).toContain('exists in namespace "backend"');
  });

  it('treats a binding to a home-made all-powerful ClusterRole as cluster-admin', async () => {
    const doc = `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: { name: god-mode }
rules:
  - { apiGroups: ["*"], resources: ["*"], verbs: ["*"] }
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: { name: ci }
roleRef: { apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: god-mode }
subjects: [{ kind: ServiceAccount, name: deployer, namespace: ci }]
`;
    const found = await findingsFor({ 'rbac.yaml': doc }, ['rbac-cluster-admin']);
    expect(found.map((f) => f.message)).toEqual([
      'ClusterRoleBinding "ci" binds ClusterRole "god-mode", which grants every verb on every resource (cluster-admin equivalent), cluster-wide to ServiceAccount ci/deployer',
    ]);
  });
});
