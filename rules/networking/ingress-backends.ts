// Ingress backends of every API version, with the path of each field that names a Service or port.
import type { KeyPath } from '../../src/model.js';
import { isObjectLike } from '../../src/workspace/objects.js';
import { portRef } from '../../src/workspace/services.js';
import type { K8sObject } from '../../src/workspace/types.js';

export interface IngressBackend {
  service: string;
  /** Path (relative to the Ingress) of the Service name. */
  servicePath: KeyPath;
  /** Port number or name, when the backend names one. */
  port?: number | string;
  portPath?: KeyPath;
  /** HTTP path of the rule (`/api`), undefined for the default backend. */
  httpPath?: string;
  host?: string;
}

/** `networking.k8s.io/v1` writes `service: { name, port: { number | name } }`; v1beta1 writes `serviceName`/`servicePort`. */
function backendOf(backend: unknown, base: KeyPath): Omit<IngressBackend, 'httpPath' | 'host'> | undefined {
  if (!isObjectLike(backend)) return undefined;
  if (isObjectLike(backend.service) && backend.service.name != null) {
    const port = isObjectLike(backend.service.port) ? backend.service.port : {};
    const number = portRef(port.number);
    const name = port.name != null ? String(port.name) : undefined;
    return {
      service: String(backend.service.name),
      servicePath: [...base, 'service', 'name'],
      port: number ?? name,
      portPath: number !== undefined ? [...base, 'service', 'port', 'number'] : name !== undefined ? [...base, 'service', 'port', 'name'] : undefined,
    };
  }
  if (backend.serviceName != null) {
    const port = portRef(backend.servicePort);
    return {
      service: String(backend.serviceName),
      servicePath: [...base, 'serviceName'],
      port,
      portPath: port !== undefined ? [...base, 'servicePort'] : undefined,
    };
  }
  return undefined; // a `resource` backend, or nothing usable
}

export function ingressBackends(ingress: K8sObject): IngressBackend[] {
  const spec = ingress.obj.spec;
  if (!isObjectLike(spec)) return [];
  const out: IngressBackend[] = [];
  for (const key of ['defaultBackend', 'backend']) {
    const b = backendOf(spec[key], ['spec', key]);
    if (b) out.push(b);
  }
  if (Array.isArray(spec.rules)) {
    spec.rules.forEach((rule: any, r: number) => {
      const paths = rule?.http?.paths;
      if (!Array.isArray(paths)) return;
      paths.forEach((p: any, i: number) => {
        const b = backendOf(p?.backend, ['spec', 'rules', r, 'http', 'paths', i, 'backend']);
        if (b) out.push({ ...b, httpPath: p?.path != null ? String(p.path) : undefined, host: rule?.host != null ? String(rule.host) : undefined });
      });
    });
  }
  return out;
}
