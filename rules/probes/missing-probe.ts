import { defineRule, type Rule } from '../../src/engine/rule.js';
import type { ContainerRef } from '../../src/workspace/types.js';
import type { Workspace } from '../../src/workspace/workspace.js';

/** Containers that serve for the pod's lifetime: not Jobs, not plain init containers. */
function longRunningContainers(ws: Workspace): ContainerRef[] {
  return ws.containers.filter((c) => c.longRunning && !c.template.runsToCompletion);
}

function missingProbeRule(kind: 'liveness' | 'readiness'): Rule {
  const field = `${kind}Probe`;
  return defineRule({
    id: `${kind}-probe-missing`,
    family: 'probes',
    severity: 'warning',
    title: `A long-running container has no ${kind} probe`,
    symptom:
      kind === 'liveness'
        ? 'a deadlocked or hung process keeps its pod Running forever and nobody restarts it'
        : 'pods receive traffic before they are ready and after they stop serving: 502/503 errors during every rollout',
    why:
      kind === 'liveness'
        ? 'Without a liveness probe the kubelet only restarts a container when its process exits. A process stuck in a deadlock or an exhausted pool stays Running and keeps failing requests.'
        : 'Without a readiness probe a pod is added to its Service endpoints as soon as the container starts, before the application listens, and stays there while it cannot serve.',
    fix: `Add a \`${field}\` that checks the application's own health endpoint (httpGet or grpc), with timings suited to its start-up.`,
    example: {
      bad: 'containers:\n  - name: api\n    image: api:1.4.2',
      good: `containers:\n  - name: api\n    image: api:1.4.2\n    ${field}:\n      httpGet: { path: /healthz, port: http }`,
    },
    peers:
      kind === 'liveness'
        ? { kubeLinter: ['no-liveness-probe'], polaris: ['livenessProbeMissing'], kubeScore: ['container-probes'] }
        : { kubeLinter: ['no-readiness-probe'], polaris: ['readinessProbeMissing'], kubeScore: ['container-probes'] },
    check(ws, report) {
      for (const c of longRunningContainers(ws)) {
        if (c.container[field]) continue;
        report({ at: c, path: [], message: `container "${c.name}" of ${c.template.owner.kind} "${c.template.owner.name}" has no ${field}` });
      }
    },
  });
}

export const livenessProbeMissing = missingProbeRule('liveness');
export const readinessProbeMissing = missingProbeRule('readiness');
