import { defineRule } from '../../src/engine/rule.js';
import type { ContainerRef } from '../../src/workspace/types.js';

const HANDLERS = ['httpGet', 'tcpSocket', 'grpc', 'exec'] as const;

/** A port as the kubelet resolves it: names through the container's ports, numeric strings as numbers. */
function resolvePort(c: ContainerRef, port: unknown): string {
  if (typeof port === 'number') return String(port);
  if (typeof port === 'string' && /^\d+$/.test(port)) return String(Number(port));
  const named = c.ports.find((p) => p.name === port);
  return named ? String(named.containerPort) : `name:${String(port)}`;
}

/**
 * A comparable description of what a probe checks, or undefined when it has no handler or the
 * handler cannot fail because of a dependency (a TCP connect only proves the process listens).
 */
function handlerKey(c: ContainerRef, probe: any): string | undefined {
  const type = HANDLERS.find((h) => probe[h] && typeof probe[h] === 'object');
  if (!type || type === 'tcpSocket') return undefined;
  const h = probe[type];
  switch (type) {
    case 'httpGet': {
      const headers = Array.isArray(h.httpHeaders)
        ? h.httpHeaders.map((x: any) => `${String(x?.name).toLowerCase()}=${String(x?.value)}`).sort()
        : [];
      return JSON.stringify([type, h.path ?? '/', resolvePort(c, h.port), h.host ?? '', String(h.scheme ?? 'HTTP').toUpperCase(), headers]);
    }
    case 'grpc':
      return JSON.stringify([type, resolvePort(c, h.port), h.service ?? '']);
    case 'exec':
      return JSON.stringify([type, Array.isArray(h.command) ? h.command.map(String) : []]);
  }
}

/** The settings that decide how fast a failing probe acts, with Kubernetes' defaults. */
function thresholds(probe: any): string {
  const n = (field: string, fallback: number) => (probe[field] === undefined ? fallback : Number(probe[field]));
  return JSON.stringify([n('failureThreshold', 3), n('periodSeconds', 10), n('timeoutSeconds', 1)]);
}

export default defineRule({
  id: 'liveness-equals-readiness',
  family: 'probes',
  severity: 'warning',
  title: 'Liveness and readiness probes are identical',
  symptom: 'when a database or downstream service has a short outage, every pod fails its liveness probe at the same moment and is restarted, turning a blip into a full outage with cold starts',
  why: 'Readiness answers "should this pod get traffic now?" and may fail while a dependency is down; liveness answers "is this process broken beyond repair?" and fails only when a restart helps. When both run the same check with the same thresholds, anything that makes the pod unready also restarts it, in all replicas at once.',
  fix: 'Give liveness its own cheap check that does not touch dependencies (a `/livez` that only proves the process responds), or at least a more tolerant `failureThreshold`/`periodSeconds` than readiness; keep dependency checks in readiness.',
  example: {
    bad: 'livenessProbe:\n  httpGet: { path: /health, port: http }\nreadinessProbe:\n  httpGet: { path: /health, port: http }',
    good: 'livenessProbe:\n  httpGet: { path: /livez, port: http }\n  failureThreshold: 6\nreadinessProbe:\n  httpGet: { path: /readyz, port: http }',
  },
  peers: { kubeScore: ['pod-probes-identical', 'pod-probes'] },
  notes:
    'Same handler means the same type and target: httpGet path, port (a port name is resolved to its number), host, scheme and headers; grpc port and service; exec command. Identical tcpSocket probes are not reported: a TCP connect only proves the process accepts connections and cannot fail because a dependency is down. Same thresholds means equal `failureThreshold`, `periodSeconds` and `timeoutSeconds` after defaults; a liveness probe made deliberately more tolerant is not reported. `initialDelaySeconds` is not compared.',
  check(ws, report) {
    for (const c of ws.containers) {
      const liveness = c.container.livenessProbe;
      const readiness = c.container.readinessProbe;
      if (!liveness || !readiness || typeof liveness !== 'object' || typeof readiness !== 'object') continue;
      const key = handlerKey(c, liveness);
      if (!key || key !== handlerKey(c, readiness) || thresholds(liveness) !== thresholds(readiness)) continue;
      report({
        at: c,
        path: ['livenessProbe'],
        message: `livenessProbe of container "${c.name}" repeats its readinessProbe (same check, same thresholds): whatever makes the pod unready also restarts it`,
      });
    }
  },
});
