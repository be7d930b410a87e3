import { defineRule } from '../../src/engine/rule.js';
import { deprecationMessage, deprecationVerdict } from '../../src/deprecations/index.js';

export default defineRule({
  id: 'api-deprecated',
  family: 'validity',
  severity: 'warning',
  title: 'apiVersion is deprecated or removed in the target Kubernetes version',
  symptom: '`kubectl apply` fails with `no matches for kind "Ingress" in version "extensions/v1beta1"` after a cluster upgrade, or the API server prints a deprecation warning on every apply',
  why:
    'Kubernetes serves a beta apiVersion for a limited time after its replacement ships, then stops. Manifests and charts that still use it keep working until the cluster is upgraded, and then fail all at once. kubelint compares each object with the Kubernetes deprecation guide for the configured `kubernetesVersion` (`--kube-version`): a warning while the version is deprecated, an error once it is removed.',
  fix: 'Change `apiVersion` to the replacement named in the message and apply the field changes that come with it (for Ingress: `service.name`/`port.number` backends and a `pathType` on every path). `kubectl convert` can rewrite most objects.',
  example: {
    bad: 'apiVersion: extensions/v1beta1\nkind: Ingress',
    good: 'apiVersion: networking.k8s.io/v1\nkind: Ingress',
  },
  notes: 'The table (src/deprecations/deprecations.json) lists every group/version/kind deprecated or removed since Kubernetes 1.16, after the Kubernetes Deprecated API Migration Guide.',
  check(ws, report) {
    for (const object of ws.objects) {
      const verdict = deprecationVerdict(object.apiVersion, object.kind, ws.settings.kubernetesVersion);
      if (!verdict) continue;
      report({
        at: object,
        path: ['apiVersion'],
        target: 'value',
        severity: verdict.state === 'removed' ? 'error' : 'warning',
        message: deprecationMessage(verdict),
        fix: verdict.entry.migration,
      });
    }
  },
});
