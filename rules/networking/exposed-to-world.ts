import { defineRule, type Report } from '../../src/engine/rule.js';
import type { KeyPath, Severity } from '../../src/model.js';
import { isObjectLike } from '../../src/workspace/objects.js';
import { portNumber, serviceIndex, type ServiceInfo } from '../../src/workspace/services.js';
import type { K8sObject } from '../../src/workspace/types.js';

const WORLD = new Set(['0.0.0.0/0', '::/0']);
const SOURCE_RANGES_ANNOTATION = 'service.beta.kubernetes.io/load-balancer-source-ranges';
/** Cloud annotations that make a LoadBalancer private to the VPC/VNet. */
const INTERNAL_LB: [string, RegExp][] = [
  ['service.beta.kubernetes.io/aws-load-balancer-internal', /^(true|0\.0\.0\.0\/0)$/i],
  ['service.beta.kubernetes.io/aws-load-balancer-scheme', /^internal$/i],
  ['service.beta.kubernetes.io/azure-load-balancer-internal', /^true$/i],
  ['networking.gke.io/load-balancer-type', /^internal$/i],
  ['cloud.google.com/load-balancer-type', /^internal$/i],
  ['service.beta.kubernetes.io/oci-load-balancer-internal', /^true$/i],
  ['service.beta.kubernetes.io/openstack-internal-load-balancer', /^true$/i],
  ['service.kubernetes.io/ibm-load-balancer-cloud-provider-ip-type', /^private$/i],
  ['service.beta.kubernetes.io/alibaba-cloud-loadbalancer-address-type', /^intranet$/i],
  ['service.beta.kubernetes.io/do-loadbalancer-network', /^private$/i],
];
/** Plain web ports: a public LoadBalancer in front of a website is usually intended. */
const WEB_PORTS = new Set([80, 443]);

function isWorld(cidr: string): boolean {
  return WORLD.has(cidr.replace(/\s+/g, ''));
}

function isInternal(svc: K8sObject): boolean {
  return INTERNAL_LB.some(([key, re]) => svc.annotations[key] !== undefined && re.test(svc.annotations[key].trim()));
}

/** Web-only exposure is reported as info; a database or admin port as a warning. */
function severityFor(ports: number[]): Severity | undefined {
  return ports.length && ports.every((p) => WEB_PORTS.has(p)) ? 'info' : undefined;
}

function checkService(s: ServiceInfo, report: Report): void {
  const svc = s.object;
  if (s.type !== 'LoadBalancer' || isInternal(svc)) return;
  const ports = s.ports.map((p) => p.port);
  const portText = ports.length ? `port${ports.length > 1 ? 's' : ''} ${ports.join(', ')}` : 'its ports';
  const verb = ports.length === 1 ? 'is' : 'are';
  const severity = severityFor(ports);
  const ranges: unknown = svc.obj.spec?.loadBalancerSourceRanges;
  const annotated = svc.annotations[SOURCE_RANGES_ANNOTATION];
  if (Array.isArray(ranges) && ranges.length) {
    const i = ranges.findIndex((r) => typeof r === 'string' && isWorld(r));
    if (i >= 0) {
      report({
        at: svc,
        path: ['spec', 'loadBalancerSourceRanges', i],
        severity,
        message: `LoadBalancer Service "${s.name}" allows ${String(ranges[i])} in loadBalancerSourceRanges: ${portText} ${verb} open to the whole internet`,
      });
    }
    return;
  }
  if (annotated !== undefined && annotated.trim() !== '') {
    const world = annotated.split(',').find(isWorld);
    if (world) {
      report({
        at: svc,
        path: ['metadata', 'annotations', SOURCE_RANGES_ANNOTATION],
        severity,
        message: `LoadBalancer Service "${s.name}" allows ${world.trim()} in ${SOURCE_RANGES_ANNOTATION}: ${portText} ${verb} open to the whole internet`,
      });
    }
    return;
  }
  report({
    at: svc,
    path: ['spec', 'type'],
    severity,
    message: `LoadBalancer Service "${s.name}" has no loadBalancerSourceRanges: ${portText} ${verb} reachable from any address on the internet`,
  });
}

function checkNetworkPolicy(np: K8sObject, report: Report): void {
  const rules = np.obj.spec?.ingress;
  if (!Array.isArray(rules)) return;
  rules.forEach((rule: any, r: number) => {
    if (!isObjectLike(rule) || !Array.isArray(rule.from)) return;
    const ports = Array.isArray(rule.ports) ? rule.ports.map((p: any) => portNumber(p?.port)).filter((p: number | undefined): p is number => p !== undefined) : [];
    const allPorts = !Array.isArray(rule.ports) || !rule.ports.length;
    rule.from.forEach((peer: any, i: number) => {
      const cidr = peer?.ipBlock?.cidr;
      if (typeof cidr !== 'string' || !isWorld(cidr)) return;
      const path: KeyPath = ['spec', 'ingress', r, 'from', i, 'ipBlock', 'cidr'];
      const except = Array.isArray(peer.ipBlock.except) && peer.ipBlock.except.length ? ' (minus its `except` list)' : '';
      report({
        at: np,
        path,
        severity: allPorts ? undefined : severityFor(ports),
        message: `NetworkPolicy "${np.name}" admits ${cidr}${except} to ${allPorts ? 'every port of the selected pods' : `port${ports.length === 1 ? '' : 's'} ${(rule.ports as any[]).map((p) => p?.port).join(', ')}`}: any address on the internet that reaches the pods is let in`,
      });
    });
  });
}

export default defineRule({
  id: 'exposed-to-world',
  family: 'networking',
  severity: 'warning',
  securitySeverity: 6.5,
  title: 'A LoadBalancer or NetworkPolicy is open to the whole internet',
  symptom: 'a database, cache or admin port answers on a public IP; scanners find it within hours (brute-forced passwords, ransomed databases)',
  why: 'A `type: LoadBalancer` Service gets a public address on most clouds, and without `loadBalancerSourceRanges` the cloud firewall admits every source. `0.0.0.0/0` in the ranges, or in a NetworkPolicy `ipBlock`, says the same thing explicitly. That is right for a public website behind TLS, and wrong for everything else.',
  fix: 'Restrict `spec.loadBalancerSourceRanges` to the office/VPN/partner CIDRs, make the load balancer internal with the cloud\'s annotation, or use ClusterIP and reach the service through an Ingress, a VPN or `kubectl port-forward`. In NetworkPolicies, replace `0.0.0.0/0` with the CIDRs that really need access.',
  example: {
    bad: 'kind: Service\nspec:\n  type: LoadBalancer\n  ports:\n    - { name: postgres, port: 5432 }',
    good: 'kind: Service\nspec:\n  type: LoadBalancer\n  loadBalancerSourceRanges: [203.0.113.0/24]\n  ports:\n    - { name: postgres, port: 5432 }',
  },
  peers: { kubeLinter: ['exposed-services'] },
  notes: 'Internal load balancers (AWS, Azure, GCP, OCI, OpenStack, IBM, Alibaba, DigitalOcean annotations) are not reported. When every exposed port is 80 or 443 the finding is reported at info severity: a public website is usually meant to be public. Bare-metal load balancers (MetalLB) often hand out private addresses; there, silence the rule with `kubelint.dev/ignore` on the Service.',
  check(ws, report) {
    for (const s of serviceIndex(ws).services) checkService(s, report);
    for (const np of ws.ofKind('NetworkPolicy')) checkNetworkPolicy(np, report);
  },
});
