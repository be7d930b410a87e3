import { defineRule } from '../../src/engine/rule.js';
import { probesOf } from '../../src/workspace/probes.js';

export default defineRule({
  id: 'probe-port-mismatch',
  family: 'probes',
  severity: 'error',
  title: 'A probe targets a port the container does not expose',
  symptom: 'the probe fails with "connection refused" and the kubelet restarts the container forever (CrashLoopBackOff) or the pod never becomes Ready',
  why: 'A named probe port must be a `ports[].name` of the same container, or the pod is rejected or never probed successfully. A numeric port that another container of the pod declares probes that container instead of this one. A numeric port no container declares may be a stale number after a change, or a health port the app opens without listing it (Kubernetes does not require listing it).',
  fix: "Point the probe at a port the container declares (by name or number), or declare the port the application really listens on in the container's `ports`.",
  example: {
    bad: 'ports:\n  - { name: http, containerPort: 8080 }\nlivenessProbe:\n  httpGet: { path: /healthz, port: http-metrics }',
    good: 'ports:\n  - { name: http, containerPort: 8080 }\nlivenessProbe:\n  httpGet: { path: /healthz, port: http }',
  },
  notes:
    'A numeric probe port that no container of the pod declares is reported as info only: on real manifests it is ' +
    'mostly a health or admin port the application opens without listing it in `ports` (ingress-nginx probes 10254, ' +
    'Istio proxies 15021, SPIRE 8080), which works, since `containerPort` is informational. Named ports that do not ' +
    'exist and numeric ports that belong to another container of the pod stay errors.',
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
            ...(other ? {} : { severity: 'info' as const }),
            message: other
              ? `${probe.kind} of container "${c.name}" probes port ${probe.port}, which belongs to container "${other.name}": it checks that container, not this one (this one declares ${declared.map((p) => p.containerPort).join(', ')})`
              : `${probe.kind} of container "${c.name}" probes port ${probe.port}, which it does not declare (it declares ${declared.map((p) => p.containerPort).join(', ')}): make sure the application listens there, or declare the port`,
          });
        }
      }
    }
  },
});
