import { defineRule } from '../../src/engine/rule.js';
import { probesOf } from '../../src/workspace/probes.js';

export default defineRule({
  id: 'probe-port-mismatch',
  family: 'probes',
  severity: 'error',
  title: 'A probe targets a port the container does not expose',
  symptom: 'the probe fails with "connection refused" and the kubelet restarts the container forever (CrashLoopBackOff) or the pod never becomes Ready',
  why: 'A named probe port must be a `ports[].name` of the same container, or the pod is rejected or never probed successfully. A numeric port that is not among the ports the container declares usually means the app listens elsewhere: a metrics port, the port of another container, or a stale number after a change.',
  fix: "Point the probe at a port the container declares (by name or number), or declare the port the application really listens on in the container's `ports`.",
  example: {
    bad: 'ports:\n  - { name: http, containerPort: 8080 }\nlivenessProbe:\n  httpGet: { path: /healthz, port: http-metrics }',
    good: 'ports:\n  - { name: http, containerPort: 8080 }\nlivenessProbe:\n  httpGet: { path: /healthz, port: http }',
  },
  check(ws, report) {
    for (const c of ws.containers) {
      for (const probe of probesOf(c)) {
        if (probe.port === undefined || !probe.portPath) continue;
        const declared = c.ports;
        if (typeof probe.port === 'string') {
          if (declared.some((p) => p.name === probe.port)) continue;
          const names = declared.filter((p) => p.name).map((p) => p.name);
          report({
            at: c,
            path: probe.portPath,
            message: `${probe.kind} of container "${c.name}" uses port name "${probe.port}", which the container does not define${names.length ? ` (its ports are named ${names.map((n) => `"${n}"`).join(', ')})` : ' (it declares no named ports)'}`,
          });
        } else if (typeof probe.port === 'number') {
          if (!declared.length || declared.some((p) => p.containerPort === probe.port)) continue;
          const other = c.template.containers.find((o) => o !== c && o.ports.some((p) => p.containerPort === probe.port));
          report({
            at: c,
            path: probe.portPath,
            message: `${probe.kind} of container "${c.name}" probes port ${probe.port}, but the container declares ${declared.map((p) => p.containerPort).join(', ')}${other ? ` (${probe.port} belongs to container "${other.name}")` : ''}`,
          });
        }
      }
    }
  },
});
