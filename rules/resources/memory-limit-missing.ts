import { defineRule } from '../../src/engine/rule.js';
import { describeContainer, isSet, limitRangeDefaults, missingResourcePath, resourceBearingContainers, resourceMap } from './container-resources.js';

export default defineRule({
  id: 'memory-limit-missing',
  family: 'resources',
  severity: 'warning',
  title: 'A container has no memory limit',
  symptom: 'one leaking pod eats the node\'s memory: the kernel OOM-kills other pods, the node reports MemoryPressure and evicts its neighbours',
  why: 'Without `resources.limits.memory` a container may grow until the node runs out of memory. The kubelet then evicts pods and the kernel kills processes by its own scoring, often ones that behaved. A limit turns a leak into a restart of the leaking container only (OOMKilled, exit code 137), which is visible and contained.',
  fix: 'Set `resources.limits.memory` to what the container needs at peak plus headroom (a `Mi`/`Gi` value), usually 1-2x its memory request; or give the namespace a LimitRange with a default memory limit.',
  example: {
    bad: 'resources:\n  requests: { cpu: 100m, memory: 128Mi }',
    good: 'resources:\n  requests: { cpu: 100m, memory: 128Mi }\n  limits: { memory: 256Mi }',
  },
  peers: { kubeLinter: ['unset-memory-requirements'], polaris: ['memoryLimitsMissing'], kubeScore: ['container-resources'] },
  notes:
    'Checks app containers and native sidecars of every workload kind, Jobs and CronJobs included; plain init containers are skipped (they run alone, before the app). Silent when a LimitRange of the same namespace in the scan gives containers a default memory limit (`default` or `max`).',
  check(ws, report) {
    const defaults = limitRangeDefaults(ws);
    for (const c of resourceBearingContainers(ws)) {
      if (isSet(resourceMap(c, 'limits'), 'memory')) continue;
      if (defaults.get(c.template.owner.namespace)?.limits.has('memory')) continue;
      report({
        at: c,
        path: missingResourcePath(c, 'limits'),
        message: `${describeContainer(c)} has no memory limit`,
      });
    }
  },
});
