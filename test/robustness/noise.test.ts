// scripts/noise.mjs: findings per rule per 1,000 objects and the share of objects each rule hits.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { REPO, tempProject } from '../helpers/cli.js';

const POD = (name: string, image: string) => `apiVersion: v1
kind: Pod
metadata: { name: ${name}, namespace: shop }
spec:
  containers:
    - name: app
      image: ${image}
`;

it('counts objects (List items too, kustomizations not) and ranks rules by findings per 1,000 objects', () => {
  const dir = tempProject({
    'a.yaml': POD('a', 'registry.example.com/a:latest') + '---\n' + POD('b', 'registry.example.com/b:1.0.0'),
    'list.json': JSON.stringify({ apiVersion: 'v1', kind: 'List', items: [{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', namespace: 'shop' } }] }),
    'kustomization.yaml': 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources: [a.yaml]\n',
  });
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'kubelint-noise-')), 'noise.json');
  const run = spawnSync(process.execPath, [path.join(REPO, 'scripts/noise.mjs'), dir, '--json', out, '--examples', '1'], { encoding: 'utf8' });
  expect(run.status, run.stderr).toBe(0);
  expect(run.stdout).toContain('3 Kubernetes objects');
  const report = JSON.parse(fs.readFileSync(out, 'utf8'));
  expect(report.objects).toBe(3);
  const tag = report.rules.find((r: any) => r.id === 'image-tag-mutable');
  expect(tag).toMatchObject({ findings: 1, objectsHit: 1, kinds: ['Pod'], kindShare: 0.5 });
  expect(tag.perK).toBeCloseTo(1000 / 3);
  expect(tag.share).toBeCloseTo(1 / 3);
  const probes = report.rules.find((r: any) => r.id === 'liveness-probe-missing');
  expect(probes.objectsHit).toBe(2);
  // Loudest first.
  const perK = report.rules.map((r: any) => r.perK);
  expect(perK).toEqual([...perK].sort((a, b) => b - a));
  expect(run.stdout).toMatch(/## image-tag-mutable \(1\)\n  a\.yaml:7 /);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.rmSync(path.dirname(out), { recursive: true, force: true });
});
