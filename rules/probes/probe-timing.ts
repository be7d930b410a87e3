import { defineRule } from '../../src/engine/rule.js';
import { probesOf } from '../../src/workspace/probes.js';

/** A probe field as a number, or undefined when unset or not numeric. */
function seconds(probe: any, field: string): number | undefined {
  const v = probe?.[field];
  if (v === undefined || v === null || v === '') return undefined;
  const n = Number(v);
  return Number.isFinite(n) ? n : undefined;
}

export default defineRule({
  id: 'probe-timing',
  family: 'probes',
  severity: 'warning',
  title: 'Probe timings that restart or flap healthy pods',
  symptom: 'containers restart during a slow start or a short GC pause (CrashLoopBackOff, "Liveness probe failed" events) and pods flap in and out of Service endpoints',
  why: 'A probe whose `timeoutSeconds` is longer than its `periodSeconds` overlaps the next check, so slow responses pile up and the probe reports failures late and in bursts. A liveness `failureThreshold` of 1 restarts the container on a single slow answer. A liveness probe that starts checking before the readiness probe does, with no startupProbe, means the app was known to need that long to start, and liveness can kill it before it gets there.',
  fix: 'Keep `timeoutSeconds` below `periodSeconds`; give liveness a `failureThreshold` of 3 or more; protect slow starts with a `startupProbe` (`failureThreshold` x `periodSeconds` covering the worst start) instead of `initialDelaySeconds`.',
  example: {
    bad: 'livenessProbe:\n  httpGet: { path: /healthz, port: http }\n  failureThreshold: 1\nreadinessProbe:\n  httpGet: { path: /ready, port: http }\n  initialDelaySeconds: 30',
    good: 'startupProbe:\n  httpGet: { path: /healthz, port: http }\n  periodSeconds: 5\n  failureThreshold: 24\nlivenessProbe:\n  httpGet: { path: /healthz, port: http }\n  failureThreshold: 3\nreadinessProbe:\n  httpGet: { path: /ready, port: http }',
  },
  notes:
    'Defaults as Kubernetes applies them: `timeoutSeconds` 1, `periodSeconds` 10, `initialDelaySeconds` 0. The start-up check compares explicit `initialDelaySeconds` only when the container has no startupProbe. Each finding points at the key at fault (`timeoutSeconds`, `failureThreshold`, `initialDelaySeconds`, or the `livenessProbe` key when its delay is the default).',
  check(ws, report) {
    for (const c of ws.containers) {
      if (c.kind === 'ephemeral') continue;
      const probes = probesOf(c);
      for (const p of probes) {
        const timeout = seconds(p.probe, 'timeoutSeconds');
        const period = seconds(p.probe, 'periodSeconds') ?? 10;
        if (timeout !== undefined && timeout > period) {
          report({
            at: c,
            path: [p.kind, 'timeoutSeconds'],
            message: `${p.kind} of container "${c.name}" waits ${timeout}s for an answer but runs every ${period}s${p.probe.periodSeconds === undefined ? ' (the default)' : ''}: checks overlap and failures arrive late and in bursts`,
          });
        }
      }
      const liveness = c.container.livenessProbe;
      if (!liveness || typeof liveness !== 'object') continue;
      if (seconds(liveness, 'failureThreshold') === 1) {
        report({
          at: c,
          path: ['livenessProbe', 'failureThreshold'],
          message: `livenessProbe of container "${c.name}" has failureThreshold 1: a single slow or failed check restarts the container`,
        });
      }
      const readiness = c.container.readinessProbe;
      if (c.container.startupProbe || !readiness || typeof readiness !== 'object') continue;
      const readyDelay = seconds(readiness, 'initialDelaySeconds');
      const liveDelay = seconds(liveness, 'initialDelaySeconds') ?? 0;
      if (readyDelay !== undefined && liveDelay < readyDelay) {
        report({
          at: c,
          path: liveness.initialDelaySeconds === undefined ? ['livenessProbe'] : ['livenessProbe', 'initialDelaySeconds'],
          message: `livenessProbe of container "${c.name}" starts after ${liveDelay}s but readinessProbe waits ${readyDelay}s for the app to start, and there is no startupProbe: liveness can kill the container before it has started`,
        });
      }
    }
  },
});
