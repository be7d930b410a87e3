import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import apiDeprecated from '../../rules/validity/api-deprecated.js';
import { API_DEPRECATIONS, deprecationMessage, deprecationVerdict } from '../../src/deprecations/index.js';
import type { ReportInput } from '../../src/engine/rule.js';
import { compareVersions } from '../../src/schema/versions.js';
import { REPO, workspaceOf } from './helpers.js';

/** One object per removal wave, with the version it disappears in. */
const REMOVALS: [string, string, string, string][] = [
  ['1.16', 'extensions/v1beta1', 'Deployment', 'apps/v1'],
  ['1.22', 'extensions/v1beta1', 'Ingress', 'networking.k8s.io/v1'],
  ['1.25', 'batch/v1beta1', 'CronJob', 'batch/v1'],
  ['1.26', 'autoscaling/v2beta2', 'HorizontalPodAutoscaler', 'autoscaling/v2'],
  ['1.27', 'storage.k8s.io/v1beta1', 'CSIStorageCapacity', 'storage.k8s.io/v1'],
  ['1.29', 'flowcontrol.apiserver.k8s.io/v1beta2', 'FlowSchema', 'flowcontrol.apiserver.k8s.io/v1'],
  ['1.32', 'flowcontrol.apiserver.k8s.io/v1beta3', 'PriorityLevelConfiguration', 'flowcontrol.apiserver.k8s.io/v1'],
];

function minorBefore(v: string): string {
  const [major, minor] = v.split('.').map(Number);
  return `${major}.${minor - 1}`;
}

async function run(text: string, kubernetesVersion: string): Promise<ReportInput[]> {
  const ws = workspaceOf({ 'm.yaml': text }, kubernetesVersion);
  const out: ReportInput[] = [];
  await apiDeprecated.check(ws, (r) => out.push(r), { options: {} });
  return out;
}

describe('deprecation table', () => {
  it.each(REMOVALS)('removed in %s: %s %s is an error from that version on, not before', (removedIn, apiVersion, kind, replacement) => {
    const at = deprecationVerdict(apiVersion, kind, removedIn);
    expect(at?.state).toBe('removed');
    expect(at && deprecationMessage(at)).toBe(`${apiVersion} ${kind} is removed in Kubernetes ${removedIn}: use ${replacement}`);
    expect(deprecationVerdict(apiVersion, kind, `${removedIn}.3`)?.state).toBe('removed');
    expect(deprecationVerdict(apiVersion, kind, minorBefore(removedIn))?.state).toBe('deprecated');
  });

  it('covers every removal wave since 1.16 that the table holds', () => {
    const waves = [...new Set(API_DEPRECATIONS.map((d) => d.removedIn).filter((v): v is string => !!v))].sort(compareVersions);
    expect(waves).toEqual(REMOVALS.map((r) => r[0]));
  });

  it('is consistent: unique entries, deprecated before removed, replacements that exist', () => {
    const defs = JSON.parse(fs.readFileSync(path.join(REPO, 'schemas/k8s/v1.33/definitions.json'), 'utf8')) as { kinds: Record<string, Record<string, string>> };
    const keys = new Set<string>();
    for (const d of API_DEPRECATIONS) {
      const key = `${d.apiVersion} ${d.kind}`;
      expect(keys.has(key), key).toBe(false);
      keys.add(key);
      expect(d.deprecatedIn).toMatch(/^1\.\d+$/);
      if (d.removedIn) expect(compareVersions(d.deprecatedIn, d.removedIn), key).toBeLessThan(0);
      if (d.replacement && d.replacement !== 'policy/v1beta1') {
        // Replacements are current APIs: the 1.33 schemas serve them.
        expect(defs.kinds[d.replacement]?.[d.replacementKind ?? d.kind], `${key} -> ${d.replacement}`).toBeTruthy();
      }
    }
  });

  it('is silent for current APIs and for versions before the deprecation', () => {
    expect(deprecationVerdict('networking.k8s.io/v1', 'Ingress', '1.30')).toBeUndefined();
    expect(deprecationVerdict('batch/v1beta1', 'CronJob', '1.20')).toBeUndefined();
    expect(deprecationVerdict('apps/v1', 'Deployment', '1.16')).toBeUndefined();
  });
});

describe('api-deprecated rule', () => {
  const CRONJOB = `apiVersion: batch/v1beta1
kind: CronJob
metadata: { name: nightly }
spec:
  schedule: "0 3 * * *"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: Never
          containers: [{ name: job, image: "busybox:1.36" }]
`;

  it('kubernetesVersion changes the verdict: silent, warning, error', async () => {
    expect(await run(CRONJOB, '1.20')).toEqual([]);
    const warn = await run(CRONJOB, '1.23');
    expect(warn.map((r) => [r.severity, r.message, r.path])).toEqual([
      ['warning', 'batch/v1beta1 CronJob is deprecated since Kubernetes 1.21 and removed in 1.25: use batch/v1', ['apiVersion']],
    ]);
    const err = await run(CRONJOB, '1.30');
    expect(err.map((r) => [r.severity, r.message])).toEqual([['error', 'batch/v1beta1 CronJob is removed in Kubernetes 1.25: use batch/v1']]);
  });

  it('checks the items of a kind: List and names a replacement of another kind', async () => {
    const list = 'apiVersion: v1\nkind: List\nitems:\n  - apiVersion: v1\n    kind: Endpoints\n    metadata: { name: db }\n';
    const found = await run(list, '1.33');
    expect(found.map((r) => [r.severity, r.message])).toEqual([['warning', 'v1 Endpoints is deprecated since Kubernetes 1.33: use discovery.k8s.io/v1 EndpointSlice']]);
    expect(found[0].at.basePath).toEqual(['items', 0]);
    expect(await run(list, '1.32')).toEqual([]);
  });

  it('says when there is no replacement API', async () => {
    const psp = 'apiVersion: policy/v1beta1\nkind: PodSecurityPolicy\nmetadata: { name: restricted }\n';
    const [found] = await run(psp, '1.25');
    expect(found.message).toMatch(/^policy\/v1beta1 PodSecurityPolicy is removed in Kubernetes 1\.25: there is no replacement API: enforce pod security with Pod Security Admission/);
  });
});
