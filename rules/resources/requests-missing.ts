import { defineRule } from '../../src/engine/rule.js';
import { describeContainer, isSet, limitRangeDefaults, missingResourcePath, resourceBearingContainers, resourceMap } from './container-resources.js';

export default defineRule({
  id: 'requests-missing',
  family: 'resources',
  severity: 'warning',
  title: 'A container has no cpu or memory request',
  symptom: 'the scheduler packs pods onto nodes that cannot run them: CPU starvation, and these pods are the first evicted (BestEffort) under memory pressure',
  why: 'The scheduler places pods by their requests only. A container without a cpu request is scheduled as if it needed nothing and gets the smallest CPU share under contention; without a memory request the node is overcommitted and the pod is evicted first when memory runs short. HPA utilisation targets are also computed against requests, so autoscaling on cpu does not work without one.',
  fix: 'Set `resources.requests.cpu` and `resources.requests.memory` to what the container uses under normal load (measure it, e.g. `kubectl top pod`), or give the namespace a LimitRange with `defaultRequest`.',
  example: {
    bad: 'resources:\n  limits: { memory: 256Mi }',
    good: 'resources:\n  requests: { cpu: 100m, memory: 128Mi }\n  limits: { memory: 256Mi }',
  },
  peers: {
    kubeLinter: ['unset-cpu-requirements', 'unset-memory-requirements'],
    polaris: ['cpuRequestsMissing', 'memoryRequestsMissing'],
    kubeScore: ['container-resources'],
  },
  notes:
    'A request left out while the matching limit is set is not reported: the API server defaults the request to the limit, so the scheduler does see one. Checks app containers and native sidecars of every workload kind, Jobs included; plain init containers are skipped. Silent for what a LimitRange of the same namespace in the scan fills in (`defaultRequest`, `default`, `min`, `max`).',
  check(ws, report) {
    const defaults = limitRangeDefaults(ws);
    for (const c of resourceBearingContainers(ws)) {
      const requests = resourceMap(c, 'requests');
      const limits = resourceMap(c, 'limits');
      const filled = defaults.get(c.template.owner.namespace)?.requests;
      const missing = ['cpu', 'memory'].filter((name) => !isSet(requests, name) && !isSet(limits, name) && !filled?.has(name));
      if (!missing.length) continue;
      report({
        at: c,
        path: missingResourcePath(c, 'requests'),
        message: `${describeContainer(c)} has no ${missing.join(' or ')} request`,
      });
    }
  },
});
