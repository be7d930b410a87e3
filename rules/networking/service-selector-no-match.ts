import { defineRule, type Report } from '../../src/engine/rule.js';
import { selectsPods, selectsTemplate, serviceIndex, sharesNamespace, type ServiceInfo } from '../../src/workspace/services.js';
import type { K8sObject, PodTemplate } from '../../src/workspace/types.js';
import type { Workspace } from '../../src/workspace/workspace.js';

/** Values that look like the same label written differently: `back-end`/`backend`, `paymnts`/`payments`. */
function similar(a: string, b: string): boolean {
  const norm = (x: string) => x.toLowerCase().replace(/[-_.]/g, '');
  if (norm(a) === norm(b)) return true;
  // `v1`/`v2`, `blue-1`/`blue-2`: another version or slot, chosen on purpose, not a slip.
  if (norm(a).replace(/\d+/g, '#') === norm(b).replace(/\d+/g, '#')) return false;
  if (a.includes(b) || b.includes(a)) return true;
  return editDistance(a, b) <= Math.max(1, Math.floor(Math.min(a.length, b.length) / 4));
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length];
}

/** The pod template that comes closest to the selector: most labels satisfied, then most look-alike values. */
function closest(selector: Record<string, string>, templates: PodTemplate[]): PodTemplate | undefined {
  let best: PodTemplate | undefined;
  let bestScore = -1;
  for (const t of templates) {
    const r = selectsTemplate(selector, t);
    const look = r.failures.filter((f) => t.labels[f.key] !== undefined && similar(f.expected, t.labels[f.key])).length;
    const present = r.failures.filter((f) => f.key in t.labels).length;
    const score = r.satisfied * 10000 + look * 100 + present;
    if (score > bestScore) {
      best = t;
      bestScore = score;
    }
  }
  return best;
}

/** Custom resources that never create pods of their own (monitoring, certificates, secrets, routing). */
const PODLESS_KINDS = new Set([
  'ServiceMonitor', 'PodMonitor', 'PrometheusRule', 'Probe', 'Certificate', 'Issuer', 'CertificateRequest',
  'ExternalSecret', 'SecretStore', 'SealedSecret', 'VirtualService', 'DestinationRule', 'Gateway', 'HTTPRoute',
  'GRPCRoute', 'TLSRoute', 'TCPRoute', 'ReferenceGrant', 'ServiceEntry', 'Sidecar', 'AuthorizationPolicy',
  'PeerAuthentication', 'RequestAuthentication', 'IngressRoute', 'IngressRouteTCP', 'Middleware', 'ScaledObject',
  'TriggerAuthentication', 'VerticalPodAutoscaler', 'BackendConfig', 'FrontendConfig', 'ManagedCertificate',
]);
const BUILTIN_GROUP = /^(v1|(apps|batch|policy|autoscaling|extensions)\/[^/]+|[a-z0-9.-]*\.k8s\.io\/[^/]+)$/;
/** Label prefixes of Kubernetes itself; other prefixes (`cnpg.io/`, `strimzi.io/`) belong to operators. */
const STANDARD_PREFIX = /^([a-z0-9.-]*\.)?(kubernetes\.io|k8s\.io)\//;

/**
 * Why pods outside the scanned workloads may carry these labels: a custom resource in the namespace that an
 * operator turns into pods, or a selector key with an operator's prefix that no scanned pod template uses.
 */
function mayHaveOtherPods(ws: Workspace, svc: ServiceInfo, templates: PodTemplate[]): string | undefined {
  const cr = ws.objects.find((o: K8sObject) => o.namespace === svc.namespace && !BUILTIN_GROUP.test(o.apiVersion) && !PODLESS_KINDS.has(o.kind));
  if (cr) return `${cr.kind} "${cr.name}"`;
  const foreign = Object.keys(svc.selector ?? {}).find((k) => k.includes('/') && !STANDARD_PREFIX.test(k) && !templates.some((t) => k in t.labels));
  return foreign ? `label ${foreign}` : undefined;
}

function describe(t: PodTemplate): string {
  return `${t.owner.kind} "${t.owner.name}"`;
}

export default defineRule({
  id: 'service-selector-no-match',
  family: 'networking',
  severity: 'error',
  title: "A Service's selector matches no pod in its namespace",
  symptom: 'the Service has no Endpoints: connections to it hang or are refused, the Ingress answers 503, and `kubectl get endpoints` shows `<none>`',
  why: "A Service sends traffic only to pods whose labels contain every key/value of its selector, in the Service's own namespace. One label that differs (`tier: backend` against `tier: back-end`), a label that sits on the Deployment's metadata instead of its pod template, or a workload in another namespace leaves the Service with no Endpoints. Nothing fails at apply time; requests simply go nowhere.",
  fix: "Make the selector a subset of the pod template labels (`spec.template.metadata.labels`) of the workload that should serve, in the same namespace: fix the differing value, or add the label to the pod template. Check with `kubectl get endpoints NAME`.",
  example: {
    bad: 'kind: Service\nspec:\n  selector: { app: cart, tier: backend }\n---\nkind: Deployment\nspec:\n  template:\n    metadata:\n      labels: { app: cart, tier: back-end }',
    good: 'kind: Service\nspec:\n  selector: { app: cart, tier: back-end }\n---\nkind: Deployment\nspec:\n  template:\n    metadata:\n      labels: { app: cart, tier: back-end }',
  },
  peers: { kubeLinter: ['dangling-service'], kubeScore: ['service-targets-pod'] },
  notes: 'Only checked when the scan holds workloads of the Service\'s namespace, so scanning one folder of a larger repo stays quiet. Services without a selector (manual Endpoints, ExternalName) are skipped. Labels that controllers add to pods (`statefulset.kubernetes.io/pod-name`, `pod-template-hash`, `job-name`) count as present. When nothing in the namespace resembles the selector and pods may come from elsewhere (a custom resource an operator turns into pods, or an operator label prefix such as `cnpg.io/` that no scanned template uses), the Service is not reported.',
  check(ws, report) {
    const index = serviceIndex(ws);
    for (const svc of index.services) {
      if (!svc.selector || svc.selects.length) continue;
      const templates = index.templatesIn(svc.namespace).filter((t) => sharesNamespace(ws, svc.object, t.owner));
      if (!templates.length) continue;
      const elsewhere = ws.podTemplates.find((t) => t.owner.namespace !== svc.namespace && selectsPods(svc.selector!, t));
      reportNoMatch(svc, svc.selector, templates, elsewhere, mayHaveOtherPods(ws, svc, templates), report);
    }
  },
});

function reportNoMatch(
  svc: ServiceInfo,
  selector: Record<string, string>,
  templates: PodTemplate[],
  elsewhere: PodTemplate | undefined,
  otherPods: string | undefined,
  report: Report,
): void {
  const where = `namespace "${svc.namespace}"`;
  const best = closest(selector, templates);
  const result = best ? selectsTemplate(selector, best) : undefined;
  // Strong evidence of a slip: every differing label is a look-alike of the pods' value, or sits on the
  // workload's own metadata instead of its pod template.
  const strong =
    !!best &&
    !!result &&
    result.failures.every((f) =>
      best.labels[f.key] !== undefined ? similar(f.expected, best.labels[f.key]) : best.owner.kind !== 'Pod' && best.owner.labels[f.key] === f.expected,
    );
  // A plain partial match: all labels but one agree.
  const partial = !!result && result.satisfied > 0 && result.failures.length === 1 && !otherPods;
  if (!best || !result || (!strong && !partial)) {
    // Nothing in the scan resembles the selector: pods made by an operator may be what it is meant for.
    if (otherPods && !elsewhere) return;
    report({
      at: svc.object,
      path: ['spec', 'selector'],
      message: `Service "${svc.name}" selects ${formatLabels(selector)}, but no pod template in ${where} has these labels (${templates.length} workload${templates.length === 1 ? '' : 's'} there)${elsewhere ? `; ${describe(elsewhere)} in namespace "${elsewhere.owner.namespace}" has them, but a Service only selects pods of its own namespace` : ''}; it will have no Endpoints`,
    });
    return;
  }
  const first = result.failures[0];
  const differences = result.failures.map((f) => {
    const actual = best.labels[f.key];
    if (actual !== undefined) return `"${f.key}" is "${f.expected}" in the selector but "${actual}" on the pods`;
    const onOwner = best.owner.labels[f.key] === f.expected && best.owner.kind !== 'Pod';
    return `the pods have no label "${f.key}"${onOwner ? ` (it is on the ${best.owner.kind}'s own metadata, not on its pod template)` : ''}`;
  });
  report({
    at: svc.object,
    path: ['spec', 'selector', first.key],
    message: `Service "${svc.name}" matches no pod in ${where}: closest is ${describe(best)}, where ${differences.join('; ')}`,
    fix:
      result.failures.length === 1 && best.labels[first.key] !== undefined
        ? `set the selector's "${first.key}" to "${best.labels[first.key]}" (or relabel the pods)`
        : undefined,
  });
}

function formatLabels(labels: Record<string, string>): string {
  return Object.entries(labels).map(([k, v]) => `${k}=${v}`).join(', ');
}
