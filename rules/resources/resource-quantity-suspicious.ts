import { defineRule } from '../../src/engine/rule.js';
import { describeBytes, describeCores, MI, parseQuantity, UNIT } from '../../src/workspace/quantity.js';
import { describeContainer, resourceMap, type ResourceSection } from './container-resources.js';

const BYTE_RESOURCES = new Set(['memory', 'ephemeral-storage']);
const MIN_MEMORY = 4n * MI;
const MAX_PLAIN_CPU = 64n * UNIT;

/** What is wrong with one resource value, or undefined when it is plausible. */
export function quantityProblem(name: string, section: ResourceSection, raw: unknown): string | undefined {
  const parsed = parseQuantity(raw);
  if (!parsed.ok) return `"${String(raw)}" is not a valid quantity: ${parsed.reason}`;
  const q = parsed.quantity;
  if (!q.hasDigits) return `"${q.text}" has no digits; Kubernetes reads it as 0`;
  if (q.nanos < 0n) return `${q.text} is negative; the API server rejects it`;
  if (BYTE_RESOURCES.has(name) && ['m', 'u', 'n'].includes(q.suffix)) {
    const digits = q.text.slice(0, q.text.length - 1);
    return `${name} ${q.text} means ${describeBytes(q.nanos)} (lowercase "${q.suffix}" is milli, not mega); write ${digits}Mi or ${digits}M`;
  }
  if (name === 'memory' && q.nanos < MIN_MEMORY && !(section === 'requests' && q.nanos === 0n)) {
    const hint = q.suffix === '' ? `; a number without a unit counts bytes: write ${q.text}Mi` : '';
    return `memory ${q.text} is only ${describeBytes(q.nanos)}, too little for any process to start (under 4Mi)${hint}`;
  }
  if (name === 'cpu' && (q.suffix === '' || q.format === 'DecimalExponent') && q.nanos > MAX_PLAIN_CPU) {
    return `cpu ${q.text} without a unit means ${describeCores(q.nanos)}${q.suffix === '' ? `; for millicores write ${q.text}m` : ''}`;
  }
  return undefined;
}

export default defineRule({
  id: 'resource-quantity-suspicious',
  family: 'resources',
  severity: 'error',
  title: 'A resource quantity is unparsable or almost certainly not what was meant',
  symptom: 'the container is OOMKilled at start (`memory: 512m` is half a byte), the pod stays Pending as unschedulable (`cpu: "1500"` asks for 1500 cores), or the apply is rejected',
  why: 'Kubernetes quantities are case-sensitive: `m` is milli (1/1000), `M` is mega and `Mi` mebi, so `512m` of memory is 0.512 bytes. A number without a unit is bytes for memory and whole cores for cpu. Such values pass YAML and often schema checks, and fail only when the pod runs or is scheduled.',
  fix: 'Write memory with a binary suffix (`512Mi`, `2Gi`) and cpu in millicores (`500m`) or cores (`0.5`, `2`).',
  example: {
    bad: 'resources:\n  requests: { cpu: "1500", memory: 512m }\n  limits: { memory: 512m }',
    good: 'resources:\n  requests: { cpu: 1500m, memory: 512Mi }\n  limits: { memory: 512Mi }',
  },
  notes:
    'Fires on: a value Kubernetes cannot parse; memory or ephemeral-storage with a `m`/`u`/`n` suffix; memory under 4Mi (a memory request of exactly 0 is allowed); cpu above 64 cores written without a unit; digitless or negative values. Every container with resources is checked, init containers included.',
  check(ws, report) {
    for (const c of ws.containers) {
      if (c.kind === 'ephemeral') continue;
      for (const section of ['requests', 'limits'] as const) {
        for (const [name, raw] of Object.entries(resourceMap(c, section))) {
          if (raw === undefined || raw === null) continue;
          const problem = quantityProblem(name, section, raw);
          if (!problem) continue;
          report({ at: c, path: ['resources', section, name], message: `${problem} (${section} of ${describeContainer(c)})` });
        }
      }
    }
  },
});
