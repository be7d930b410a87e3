import { defineRule } from '../../src/engine/rule.js';
import { isObjectLike } from '../../src/workspace/objects.js';
import { parseQuantity, type Quantity } from '../../src/workspace/quantity.js';
import { describeContainer, resourceMap } from './container-resources.js';

function quantity(v: unknown): Quantity | undefined {
  if (v === undefined || v === null || v === '') return undefined;
  const r = parseQuantity(v);
  return r.ok ? r.quantity : undefined;
}

export default defineRule({
  id: 'limit-below-request',
  family: 'resources',
  severity: 'error',
  title: 'A resource limit is below its request',
  symptom: 'kubectl apply fails with "Invalid value: ...: must be less than or equal to <resource> limit"; with Helm or Argo CD the rollout stalls and the old version keeps running',
  why: 'Kubernetes requires every request to be at most its limit and rejects the pod (and a Deployment\'s ReplicaSet cannot create pods) otherwise. It usually happens when one of the two values is changed without the other, or units are mixed: `1Gi` request against a `1000Mi` limit. Quantities are compared exactly, the way the API server parses them.',
  fix: 'Raise the limit to at least the request, or lower the request; compare in the same unit (`Mi` with `Mi`).',
  example: {
    bad: 'resources:\n  requests: { cpu: 500m, memory: 1Gi }\n  limits: { cpu: 250m, memory: 1000Mi }',
    good: 'resources:\n  requests: { cpu: 250m, memory: 1000Mi }\n  limits: { memory: 1Gi }',
  },
  notes: 'Checks every container of every workload kind, init containers included, and LimitRange items whose `defaultRequest` exceeds their `default`.',
  check(ws, report) {
    for (const c of ws.containers) {
      if (c.kind === 'ephemeral') continue;
      const requests = resourceMap(c, 'requests');
      const limits = resourceMap(c, 'limits');
      for (const [name, rawLimit] of Object.entries(limits)) {
        const limit = quantity(rawLimit);
        const request = quantity(requests[name]);
        if (!limit || !request || limit.nanos >= request.nanos) continue;
        report({
          at: c,
          path: ['resources', 'limits', name],
          message: `${name} limit ${limit.text} of ${describeContainer(c)} is below its request ${request.text}; the API server rejects the pod`,
        });
      }
    }
    for (const lr of ws.ofKind('LimitRange')) {
      const items = lr.obj.spec?.limits;
      if (!Array.isArray(items)) continue;
      items.forEach((item: unknown, i: number) => {
        if (!isObjectLike(item) || !isObjectLike(item.default) || !isObjectLike(item.defaultRequest)) return;
        for (const [name, rawLimit] of Object.entries(item.default)) {
          const limit = quantity(rawLimit);
          const request = quantity(item.defaultRequest[name]);
          if (!limit || !request || limit.nanos >= request.nanos) continue;
          report({
            at: lr,
            path: ['spec', 'limits', i, 'default', name],
            message: `LimitRange "${lr.name}" defaults the ${name} limit to ${limit.text}, below its default request ${request.text}; the API server rejects it`,
          });
        }
      });
    }
  },
});
