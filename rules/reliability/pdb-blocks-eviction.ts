import { defineRule } from '../../src/engine/rule.js';
import type { K8sObject } from '../../src/workspace/types.js';
import type { Workspace } from '../../src/workspace/workspace.js';
import { evaluateSelector } from '../../src/workspace/selectors.js';
import { minimumReplicas, REPLICATED_KINDS } from './workloads.js';

type Budget = { kind: 'int'; value: number } | { kind: 'percent'; value: number };

function parseBudget(v: unknown): Budget | undefined {
  if (typeof v === 'number' && Number.isInteger(v)) return { kind: 'int', value: v };
  if (typeof v !== 'string') return undefined;
  const s = v.trim();
  if (/^\d+$/.test(s)) return { kind: 'int', value: Number(s) };
  const m = /^(\d+)%$/.exec(s);
  return m ? { kind: 'percent', value: Number(m[1]) } : undefined;
}

/** Workloads of the PDB's namespace whose pods its selector selects (policy/v1: an empty selector selects all). */
function selectedWorkloads(ws: Workspace, pdb: K8sObject): K8sObject[] {
  const selector = pdb.obj.spec?.selector;
  if (!selector || typeof selector !== 'object') return [];
  return ws.podTemplates
    .filter((t) => t.owner.namespace === pdb.namespace && REPLICATED_KINDS.includes(t.owner.kind))
    .filter((t) => evaluateSelector(selector, t.labels).matches)
    .map((t) => t.owner);
}

export default defineRule({
  id: 'pdb-blocks-eviction',
  family: 'reliability',
  severity: 'warning',
  title: 'A PodDisruptionBudget allows no voluntary disruption',
  symptom: '`kubectl drain` and cluster or node-pool upgrades hang with "Cannot evict pod as it would violate the pod\'s disruption budget" until someone deletes the PDB by hand',
  why: 'A PDB with `maxUnavailable: 0`, `minAvailable: 100%`, or a `minAvailable` equal to the number of replicas it covers leaves zero allowed disruptions. The eviction API then refuses every eviction, so nodes can never be drained.',
  fix: 'Allow at least one disruption: `maxUnavailable: 1`, or a `minAvailable` below the replica count (and run at least 2 replicas).',
  example: {
    bad: 'spec:\n  minAvailable: 2\n  selector: { matchLabels: { app: web } }\n# the Deployment runs replicas: 2',
    good: 'spec:\n  maxUnavailable: 1\n  selector: { matchLabels: { app: web } }',
  },
  peers: {
    kubeLinter: ['pdb-max-unavailable', 'pdb-min-available'],
    polaris: ['pdbDisruptionsIsZero'],
  },
  notes: 'maxUnavailable 0 / 0% and minAvailable 100% always fire. An integer or percentage minAvailable is compared with the replicas of the Deployments, StatefulSets and ReplicaSets of the scan it selects (an autoscaler minimum replaces spec.replicas); it stays silent when it selects none of them or a replica count is unknown.',
  check(ws, report) {
    for (const pdb of ws.ofKind('PodDisruptionBudget')) {
      const spec = pdb.obj.spec ?? {};
      const label = `PodDisruptionBudget "${pdb.name}"`;
      const maxU = parseBudget(spec.maxUnavailable);
      if (maxU) {
        if (maxU.value === 0) {
          report({ at: pdb, path: ['spec', 'maxUnavailable'], message: `${label} sets maxUnavailable: ${String(spec.maxUnavailable)}, so no pod it covers can ever be evicted` });
        }
        continue;
      }
      const minA = parseBudget(spec.minAvailable);
      if (!minA) continue;
      if (minA.kind === 'percent' && minA.value >= 100) {
        report({ at: pdb, path: ['spec', 'minAvailable'], message: `${label} sets minAvailable: ${String(spec.minAvailable)}, so no pod it covers can ever be evicted` });
        continue;
      }
      const workloads = selectedWorkloads(ws, pdb);
      if (!workloads.length) continue;
      let total = 0;
      const parts: string[] = [];
      let unknown = false;
      for (const w of workloads) {
        const n = minimumReplicas(ws, w);
        if (n === undefined) unknown = true;
        else {
          total += n;
          parts.push(`${w.kind} "${w.name}" (${n})`);
        }
      }
      if (unknown || total === 0) continue;
      const required = minA.kind === 'int' ? minA.value : Math.ceil((minA.value * total) / 100);
      if (required < total) continue;
      report({
        at: pdb,
        path: ['spec', 'minAvailable'],
        message: `${label} requires ${required} available pod${required === 1 ? '' : 's'} (minAvailable: ${String(spec.minAvailable)}) but it selects only ${total} replica${total === 1 ? '' : 's'}: ${parts.join(', ')}; no eviction is ever allowed`,
      });
    }
  },
});
