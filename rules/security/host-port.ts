import { defineRule } from '../../src/engine/rule.js';
import { describeContainer } from './security-context.js';

export default defineRule({
  id: 'host-port',
  family: 'security',
  severity: 'warning',
  securitySeverity: 4.5,
  title: 'A container binds a hostPort',
  symptom: 'only one such pod fits on each node: extra replicas and rolling updates stay Pending with "didn\'t have free ports for the requested pod ports", and the port is open on the node IP, outside Services and NetworkPolicies',
  why: 'A hostPort maps a port of the node to the container. It limits scheduling to one pod per node and port, and publishes the container on every address of the node, bypassing the Service layer.',
  fix: 'Remove `hostPort` and expose the container through a Service (ClusterIP, NodePort or LoadBalancer) or an Ingress.',
  example: {
    bad: 'ports:\n  - { containerPort: 8080, hostPort: 8080 }',
    good: 'ports:\n  - { name: http, containerPort: 8080 }',
  },
  peers: {
    polaris: ['hostPortSet'],
  },
  notes: 'Pods with `hostNetwork: true` are left to host-namespace: their ports are host ports anyway.',
  check(ws, report) {
    for (const c of ws.containers) {
      const spec = c.template.spec;
      if (spec.hostNetwork === true || spec.hostNetwork === 'true') continue;
      const ports = c.container.ports;
      if (!Array.isArray(ports)) continue;
      ports.forEach((p: any, i: number) => {
        const host = Number(p?.hostPort);
        if (!p || p.hostPort == null || !Number.isFinite(host) || host === 0) return;
        report({ at: c, path: ['ports', i, 'hostPort'], message: `${describeContainer(c)} binds hostPort ${host} on the node` });
      });
    }
  },
});
