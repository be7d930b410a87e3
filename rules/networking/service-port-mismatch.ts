import { defineRule } from '../../src/engine/rule.js';
import { isObjectLike } from '../../src/workspace/objects.js';
import { serviceIndex, type ServicePortInfo } from '../../src/workspace/services.js';
import type { ContainerRef, PodTemplate } from '../../src/workspace/types.js';
import type { Workspace } from '../../src/workspace/workspace.js';

/** Containers whose ports can back a Service: app containers and native sidecars. */
function servingContainers(t: PodTemplate): ContainerRef[] {
  return t.containers.filter((c) => c.kind === 'container' || (c.kind === 'init' && c.longRunning));
}

function offers(t: PodTemplate, target: number | string): boolean {
  return servingContainers(t).some((c) =>
    c.ports.some((p) => (typeof target === 'number' ? p.containerPort === target : p.name === target)),
  );
}

/** Names of the ConfigMaps a pod reads (volumes, projected volumes, envFrom, configMapKeyRef). */
function configMapsOf(t: PodTemplate): Set<string> {
  const names = new Set<string>();
  const volumes = Array.isArray(t.spec.volumes) ? t.spec.volumes : [];
  for (const v of volumes) {
    if (isObjectLike(v?.configMap) && v.configMap.name != null) names.add(String(v.configMap.name));
    const sources = v?.projected?.sources;
    if (Array.isArray(sources)) for (const src of sources) if (src?.configMap?.name != null) names.add(String(src.configMap.name));
  }
  for (const c of t.containers) {
    for (const e of Array.isArray(c.container.envFrom) ? c.container.envFrom : []) if (e?.configMapRef?.name != null) names.add(String(e.configMapRef.name));
    for (const e of Array.isArray(c.container.env) ? c.container.env : []) if (e?.valueFrom?.configMapKeyRef?.name != null) names.add(String(e.valueFrom.configMapKeyRef.name));
  }
  return names;
}

/**
 * Whether the pod's own configuration mentions the port (`--port 18080`, `endpoint: 0.0.0.0:5317` in a
 * mounted ConfigMap): the application then listens there even though no `containerPort` says so.
 */
function configuresPort(ws: Workspace, t: PodTemplate, port: number): boolean {
  const re = new RegExp(`(^|[^0-9])${port}([^0-9]|$)`);
  for (const c of servingContainers(t)) {
    const texts = [
      ...(Array.isArray(c.container.command) ? c.container.command : []),
      ...(Array.isArray(c.container.args) ? c.container.args : []),
      ...(Array.isArray(c.container.env) ? c.container.env.map((e: any) => e?.value) : []),
    ];
    if (texts.some((x) => x != null && re.test(String(x)))) return true;
  }
  const names = configMapsOf(t);
  // Every ConfigMap of that name: a scan may hold several variants of one app (overlays, examples).
  for (const cm of ws.ofKind('ConfigMap')) {
    if (cm.namespace !== t.owner.namespace || !names.has(cm.name) || !isObjectLike(cm.obj.data)) continue;
    if (Object.values(cm.obj.data).some((x) => x != null && re.test(String(x)))) return true;
  }
  return false;
}

/** Istio gateway injection (`image: auto`) fills in the containers, ports included, at admission. */
function injected(t: PodTemplate): boolean {
  return t.containers.some((c) => c.image === 'auto') || t.annotations['inject.istio.io/templates'] !== undefined;
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
  notes: 'Numeric target ports are only checked against pods whose containers declare ports (declaring them is optional in Kubernetes), and not when the pod\'s command, args, env or mounted ConfigMaps mention the number (the application is configured to listen there). A named target port must be declared by a container of the pods, so it is always checked. When a Service selects several workloads, it fires only when none of them offers the port. Pods whose containers are injected at admission (Istio gateways, `image: auto`) are skipped.',
  check(ws, report) {
    for (const svc of serviceIndex(ws).services) {
      if (!svc.selects.length) continue;
      for (const p of svc.ports) {
        const target = p.targetPort;
        // A number can only be judged against pods that declare their ports.
        const known = svc.selects.filter((t) => !injected(t));
        const judged = typeof target === 'number' ? known.filter((t) => servingContainers(t).some((c) => c.ports.length)) : known;
        if (!judged.length) continue;
        if (judged.some((t) => offers(t, target))) continue;
        if (typeof target === 'number' && judged.some((t) => configuresPort(ws, t, target))) continue;
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
