import { defineRule } from '../../src/engine/rule.js';
import { evaluateSelector } from '../../src/workspace/selectors.js';

/** Workloads whose spec.selector must select their own pod template. */
const KINDS = ['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'ReplicationController'];

export default defineRule({
  id: 'selector-template-mismatch',
  family: 'validity',
  severity: 'error',
  title: "A workload's selector does not match its pod template labels",
  symptom: 'the API server rejects the object ("selector does not match template labels"), or a ReplicationController creates pods it never adopts',
  why: 'A controller finds its pods by `spec.selector`. When the template labels do not satisfy it, the apply fails and the rollout never starts; a typo in one label is enough.',
  fix: 'Make every `spec.selector.matchLabels` entry (and each matchExpressions requirement) hold for `spec.template.metadata.labels`. Keep the selector small and stable: it is immutable after creation.',
  example: {
    bad: 'selector:\n  matchLabels: { app: web }\ntemplate:\n  metadata:\n    labels: { app: frontend }',
    good: 'selector:\n  matchLabels: { app: web }\ntemplate:\n  metadata:\n    labels: { app: web }',
  },
  check(ws, report) {
    for (const t of ws.podTemplates) {
      const o = t.owner;
      if (!KINDS.includes(o.kind)) continue;
      const selector = o.obj.spec?.selector;
      if (!selector || typeof selector !== 'object') continue;
      // ReplicationController uses a bare map; the others a LabelSelector.
      const labelSelector = o.kind === 'ReplicationController' ? { matchLabels: selector } : selector;
      const basePath = o.kind === 'ReplicationController' ? ['spec', 'selector'] : ['spec', 'selector', 'matchLabels'];
      const result = evaluateSelector(labelSelector, t.labels);
      for (const miss of result.failures) {
        const where = miss.kind === 'label' ? [...basePath, miss.key] : ['spec', 'selector', 'matchExpressions', miss.index];
        const actual = t.labels[miss.key];
        report({
          at: o,
          path: where,
          target: miss.kind === 'label' ? 'value' : undefined,
          message:
            miss.kind === 'label'
              ? actual === undefined
                ? `selector requires label ${miss.key}=${miss.expected} but the pod template has no "${miss.key}" label`
                : `selector requires label ${miss.key}=${miss.expected} but the pod template sets ${miss.key}=${actual}`
              : `selector expression on "${miss.key}" (${miss.expected}) does not hold for the pod template labels`,
        });
      }
    }
  },
});
