import { defineRule } from '../../src/engine/rule.js';
import { serviceIndex, sharesNamespace } from '../../src/workspace/services.js';
import { ingressBackends } from './ingress-backends.js';

export default defineRule({
  id: 'ingress-backend-missing',
  family: 'networking',
  severity: 'error',
  title: 'An Ingress routes to a Service or port that does not exist',
  symptom: 'the ingress controller answers 503 Service Unavailable (ingress-nginx logs `service "shop/web" does not have any active endpoint` or `service not found`) for that host and path',
  why: 'An Ingress backend names a Service of the Ingress\'s own namespace and one of that Service\'s ports (`port.number` is the Service `port`, not the container port; `port.name` is the Service port\'s name). A renamed Service, a Service in another namespace, or the container port written instead of the Service port leaves the controller without an upstream.',
  fix: 'Point the backend at a Service of the same namespace and at a `port` (or port `name`) listed in that Service\'s `spec.ports`. To reach a Service of another namespace, route from an Ingress in that namespace (or an ExternalName Service).',
  example: {
    bad: 'kind: Ingress\nspec:\n  rules:\n    - http:\n        paths:\n          - path: /\n            pathType: Prefix\n            backend:\n              service: { name: web, port: { number: 8080 } }\n---\nkind: Service\nmetadata: { name: web }\nspec:\n  ports: [{ name: http, port: 80, targetPort: 8080 }]',
    good: 'kind: Ingress\nspec:\n  rules:\n    - http:\n        paths:\n          - path: /\n            pathType: Prefix\n            backend:\n              service: { name: web, port: { name: http } }\n---\nkind: Service\nmetadata: { name: web }\nspec:\n  ports: [{ name: http, port: 80, targetPort: 8080 }]',
  },
  peers: { kubeLinter: ['dangling-ingress'], kubeScore: ['ingress-targets-service'] },
  notes: 'A missing Service is reported only when the scan holds Services of the Ingress\'s namespace (for manifests without a namespace: in the same folder or the one next above or below), and never in kube-system, whose add-on Services are managed elsewhere. Both `networking.k8s.io/v1` (`service.name`, `port.number`/`port.name`) and the older `serviceName`/`servicePort` forms are read, including the default backend.',
  check(ws, report) {
    const index = serviceIndex(ws);
    for (const ingress of ws.ofKind('Ingress')) {
      const ns = ingress.namespace;
      for (const b of ingressBackends(ingress)) {
        const svc = index.find(ns, b.service);
        const route = b.httpPath !== undefined ? ` for ${b.host ?? ''}${b.httpPath}` : ' (default backend)';
        if (!svc) {
          // kube-system holds the provider's add-ons (dashboard, metrics): its Services are rarely all in a repo.
          if (ns === 'kube-system' || !index.inNamespace(ns).some((s) => sharesNamespace(ws, ingress, s.object))) continue;
          const elsewhere = index.named(b.service).map((s) => `"${s.namespace}"`);
          report({
            at: ingress,
            path: b.servicePath,
            message: `Ingress "${ingress.name}" routes${route} to Service "${b.service}", which does not exist in namespace "${ns}"${elsewhere.length ? ` (a Service of that name is in namespace ${elsewhere.join(', ')}; an Ingress can only reach Services of its own namespace)` : ''}`,
          });
          continue;
        }
        if (b.port === undefined || !b.portPath || svc.type === 'ExternalName' || !svc.ports.length) continue;
        const port = b.port;
        const ok = typeof port === 'number' ? svc.ports.some((p) => p.port === port) : svc.ports.some((p) => p.name === port);
        if (ok) continue;
        const exposed = svc.ports.map((p) => (p.name ? `${p.port} (${p.name})` : String(p.port))).join(', ');
        const targetHint =
          typeof port === 'number' && svc.ports.some((p) => p.targetPort === port)
            ? `; ${port} is the targetPort (container port), the Ingress must use the Service port`
            : '';
        report({
          at: ingress,
          path: b.portPath,
          message: `Ingress "${ingress.name}" routes${route} to Service "${b.service}" port ${typeof port === 'number' ? port : `"${port}"`}, which the Service does not expose (it exposes ${exposed})${targetHint}`,
        });
      }
    }
  },
});
