import { defineRule } from '../../src/engine/rule.js';
import { serviceIndex, type ServicePortInfo } from '../../src/workspace/services.js';
import type { ContainerRef, PodTemplate } from '../../src/workspace/types.js';

/** Containers whose ports can back a Service: app containers and native sidecars. */
function servingContainers(t: PodTemplate): ContainerRef[] {
  return t.containers.filter((c) => c.kind === 'container' || (c.kind === 'init' && c.longRunning));
}

function offers(t: PodTemplate, target: number | string): boolean {
  return servingContainers(t).some((c) =>
    c.ports.some((p) => (typeof target === 'number' ? p.containerPort === target : p.name === target)),
  );
}

function declaredPorts(t: PodTemplate): string {
  const list = servingContainers(t).flatMap((c) => c.ports.map((p) => (p.name ? `${p.containerPort} (${p.name})` : String(p.containerPort))));
  return list.length ? list.join(', ') : 'no ports';
}

function portLabel(p: ServicePortInfo): string {
  return p.name ? `port "${p.name}" (${p.port})` : `port ${p.port}`;
}

export default defineRule({
  id: 'service-port-mismatch',
  family: 'networking',
  severity: 'error',
  title: "A Service's targetPort is not a port of the pods it selects",
  symptom: '`connection refused` (or a timeout) through the Service while the pods are healthy; with a named targetPort the Endpoints list the pods as not ready for that port',
  why: 'A Service forwards `port` to `targetPort` on the selected pods. A number that no container listens on, or a name that no container declares in `ports[].name`, sends every connection to a closed port. When `targetPort` is left out it defaults to `port`, so `port: 80` on a Service in front of a container listening on 8080 fails the same way.',
  fix: "Set `targetPort` to the container's port name (preferred: it follows the container when the number changes) or to the `containerPort` the application listens on.",
  example: {
    bad: 'kind: Service\nspec:\n  ports:\n    - { name: http, port: 80, targetPort: 8000 }\n---\n# pods:\nports:\n  - { name: http, containerPort: 8080 }',
    good: 'kind: Service\nspec:\n  ports:\n    - { name: http, port: 80, targetPort: http }\n---\n# pods:\nports:\n  - { name: http, containerPort: 8080 }',
  },
  notes: 'Numeric target ports are only checked against pods whose containers declare ports (declaring them is optional in Kubernetes). A named target port must be declared by a container of the pods, so it is always checked. When a Service selects several workloads, it fires only when none of them offers the port.',
  check(ws, report) {
    for (const svc of serviceIndex(ws).services) {
      if (!svc.selects.length) continue;
      for (const p of svc.ports) {
        const target = p.targetPort;
        // A number can only be judged against pods that declare their ports.
        const judged = typeof target === 'number' ? svc.selects.filter((t) => servingContainers(t).some((c) => c.ports.length)) : svc.selects;
        if (!judged.length || judged.some((t) => offers(t, target))) continue;
        const pods = judged.map((t) => `${t.owner.kind} "${t.owner.name}" declares ${declaredPorts(t)}`).join('; ');
        const what =
          typeof target === 'number'
            ? `targetPort ${target}${p.targetPortExplicit ? '' : ' (not set, so it defaults to the port)'}`
            : `targetPort "${target}"`;
        const kind = typeof target === 'number' ? 'a container port' : 'a container port name';
        report({
          at: svc.object,
          path: ['spec', 'ports', p.index, p.targetPortExplicit ? 'targetPort' : 'port'],
          message: `Service "${svc.name}" ${portLabel(p)} forwards to ${what}, which is not ${kind} of the pods it selects (${pods})`,
        });
      }
    }
  },
});
