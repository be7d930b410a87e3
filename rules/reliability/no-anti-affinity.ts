import { defineRule } from '../../src/engine/rule.js';
import type { PodTemplate } from '../../src/workspace/types.js';
import { evaluateSelector } from '../../src/workspace/selectors.js';
import { isPartialObject } from './kustomize.js';
import { maximumReplicas } from './workloads.js';

/** A selector that selects the pod's own labels (an absent selector selects nothing). */
function selectsSelf(selector: unknown, t: PodTemplate): boolean {
  if (!selector || typeof selector !== 'object') return false;
  const result = evaluateSelector(selector, t.labels);
  return result.matches && result.total > 0;
}

/** Pod anti-affinity against its own replicas, or a topology spread constraint over them. */
export function spreadsReplicas(t: PodTemplate): boolean {
  const anti = t.spec.affinity?.podAntiAffinity;
  const required = Array.isArray(anti?.requiredDuringSchedulingIgnoredDuringExecution) ? anti.requiredDuringSchedulingIgnoredDuringExecution : [];
  const preferred = Array.isArray(anti?.preferredDuringSchedulingIgnoredDuringExecution) ? anti.preferredDuringSchedulingIgnoredDuringExecution : [];
  const terms = [...required, ...preferred.map((p: any) => p?.podAffinityTerm)];
  if (terms.some((term: any) => term && term.topologyKey && selectsSelf(term.labelSelector, t))) return true;
  const spread = t.spec.topologySpreadConstraints;
  return Array.isArray(spread) && spread.some((c: any) => c && c.topologyKey && selectsSelf(c.labelSelector, t));
}

export default defineRule({
  id: 'no-anti-affinity',
  family: 'reliability',
  severity: 'info',
  title: 'Replicas may all land on the same node',
  symptom: 'the scheduler packs the replicas onto one node (or zone): when that node fails or is drained, all of them go down at once',
  why: 'Nothing in the default scheduler keeps replicas of one workload apart. Running 3 replicas buys no availability if they share a node; pod anti-affinity or a topology spread constraint on the pods\' own labels spreads them.',
  fix: 'Add `podAntiAffinity` (preferred, `topologyKey: kubernetes.io/hostname`, selecting the pod\'s own labels) or a `topologySpreadConstraints` entry over hostname or zone.',
  example: {
    bad: 'spec:\n  replicas: 3\n  template:\n    spec:\n      containers: [...]',
    good: 'spec:\n  replicas: 3\n  template:\n    spec:\n      affinity:\n        podAntiAffinity:\n          preferredDuringSchedulingIgnoredDuringExecution:\n            - weight: 100\n              podAffinityTerm:\n                topologyKey: kubernetes.io/hostname\n                labelSelector: { matchLabels: { app: web } }',
  },
  peers: {
    kubeLinter: ['no-anti-affinity'],
    kubeScore: ['deployment-has-host-podantiaffinity', 'statefulset-has-host-podantiaffinity'],
  },
  notes: 'Info level. Only Deployments and StatefulSets that can run more than one replica (`replicas` above 1, or an autoscaler maximum above 1). Any topologyKey counts, as long as the term or constraint selects the pod\'s own labels.',
  check(ws, report) {
    for (const t of ws.podTemplates) {
      const w = t.owner;
      if (w.kind !== 'Deployment' && w.kind !== 'StatefulSet') continue;
      const max = maximumReplicas(ws, w);
      if (max === undefined || max <= 1) continue;
      if (spreadsReplicas(t) || isPartialObject(ws, w)) continue;
      report({
        at: t,
        path: t.spec.affinity ? ['affinity'] : [],
        target: 'key',
        message: `${w.kind} "${w.name}" can run ${max} replicas but has no pod anti-affinity or topology spread constraint over its own pods`,
      });
    }
  },
});
