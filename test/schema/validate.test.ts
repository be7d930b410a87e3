import { beforeAll, describe, expect, it } from 'vitest';
import type { K8sObject } from '../../src/workspace/workspace.js';
import { unvalidatedNote, unvalidatedObjects, validateWorkspace } from '../../src/schema/validate.js';
import type { SchemaProblem } from '../../src/schema/types.js';
import { ensureGeneratedValidators, lineCol, workspaceOf } from './helpers.js';

beforeAll(ensureGeneratedValidators, 120_000);

const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  creationTimestamp: null
spec:
  replicas: 2
  selector:
    matchLabels: { app: web }
  template:
    metadata:
      labels: { app: web }
    spec:
      containers:
        - name: web
          image: nginx:1.27
          ports:
            - containerPort: 8080
          resources:
            limits: { cpu: 0.5, memory: 128Mi }
`;

async function problemsOf(text: string, version = '1.33'): Promise<{ problem: SchemaProblem; line: number; column: number; object: K8sObject }[]> {
  const ws = workspaceOf({ 'm.yaml': text }, version);
  const out = [];
  for (const r of await validateWorkspace(ws)) {
    for (const problem of r.problems) {
      const span = r.object.unit.locate([...r.object.basePath, ...problem.path], problem.target);
      out.push({ problem, object: r.object, ...lineCol(text, span.start) });
    }
  }
  return out;
}

/** Replace one line of the valid Deployment. */
function edit(from: string, to: string): string {
  if (!DEPLOYMENT.includes(from)) throw new Error(`no "${from}"`);
  return DEPLOYMENT.replace(from, to);
}

describe('built-in kinds', () => {
  it('accepts a valid Deployment (nulls count as absent, float cpu quantities are fine)', async () => {
    expect(await problemsOf(DEPLOYMENT)).toEqual([]);
  });

  it('reports an unknown field at its key with the closest valid name', async () => {
    const text = edit('containerPort: 8080', 'containerport: 8080');
    const found = await problemsOf(text);
    expect(found).toHaveLength(1); // not also "missing required containerPort"
    expect(found[0].problem.message).toBe('unknown field "containerport" in spec.template.spec.containers[0].ports[0]; did you mean "containerPort"?');
    expect(found[0].problem.target).toBe('key');
    expect(found[0]).toMatchObject({ line: 18, column: 15 });
  });

  it('says where a field at the wrong level belongs', async () => {
    const text = edit('      containers:\n', '      imagePullPolicy: Always\n      containers:\n');
    const [found, ...rest] = await problemsOf(text);
    expect(rest).toEqual([]);
    expect(found.problem.message).toBe('unknown field "imagePullPolicy" in spec.template.spec; "imagePullPolicy" belongs in spec.template.spec.containers[]');
    expect(found).toMatchObject({ line: 14, column: 7 });
  });

  it('reports a quoted integer at the value, and accepts a string where IntOrString is allowed', async () => {
    const found = await problemsOf(edit('replicas: 2', 'replicas: "3"'));
    expect(found.map((f) => f.problem.message)).toEqual(['spec.replicas must be an integer, not a string ("3"): remove the quotes']);
    expect(found[0]).toMatchObject({ line: 7, column: 13 });
    const service = `apiVersion: v1
kind: Service
metadata: { name: web }
spec:
  selector: { app: web }
  ports:
    - port: "8080"
      targetPort: "8080"
`;
    const svc = await problemsOf(service);
    expect(svc.map((f) => [f.line, f.problem.message])).toEqual([[7, 'spec.ports[0].port must be an integer, not a string ("8080"): remove the quotes']]);
  });

  it('reports a missing required field at the parent key', async () => {
    const found = await problemsOf(edit('        - name: web\n          image', '        - image'));
    expect(found.map((f) => f.problem.message)).toEqual(['spec.template.spec.containers[0] is missing required field "name"']);
    expect(found[0].line).toBe(15);
    const noSelector = await problemsOf(edit('  selector:\n    matchLabels: { app: web }\n', ''));
    expect(noSelector.map((f) => [f.line, f.problem.message])).toEqual([[6, 'spec is missing required field "selector"']]);
  });

  it('reports a bad enum value with the closest allowed one', async () => {
    const found = await problemsOf(edit('          image: nginx:1.27\n', '          image: nginx:1.27\n          imagePullPolicy: always\n'));
    expect(found.map((f) => f.problem.message)).toEqual([
      'spec.template.spec.containers[0].imagePullPolicy has a string ("always"), which is not one of Always, IfNotPresent, Never; did you mean "Always"?',
    ]);
    expect(found[0]).toMatchObject({ line: 17, column: 28 });
  });

  it('asks to quote numbers where strings are required (env values, labels)', async () => {
    const found = await problemsOf(edit('          ports:\n', '          env:\n            - { name: PORT, value: 8080 }\n          ports:\n'));
    expect(found.map((f) => f.problem.message)).toEqual(['spec.template.spec.containers[0].env[0].value must be a string, not an integer (8080): quote the value']);
  });

  it('validates against the schemas of kubernetesVersion (a 1.34 field is unknown to 1.33)', async () => {
    const text = edit('      containers:\n', '      hostnameOverride: web-0\n      containers:\n');
    expect((await problemsOf(text, '1.33')).map((f) => f.problem.message)).toEqual(['unknown field "hostnameOverride" in spec.template.spec']);
    expect(await problemsOf(text, '1.36')).toEqual([]);
    expect(await problemsOf(text, '1.37')).toEqual([]);
    // 1.34 and 1.35 have no schema set of their own: the newest older one (1.33) is used.
    expect(await problemsOf(text, '1.35')).toHaveLength(1);
  });

  it('names a mistyped kind of a built-in apiVersion', async () => {
    const found = await problemsOf('apiVersion: apps/v1\nkind: Deployement\nmetadata: { name: x }\n');
    expect(found.map((f) => [f.line, f.problem.message])).toEqual([[2, 'apps/v1 has no kind "Deployement"; did you mean "Deployment"?']]);
  });

  it('validates the items of a kind: List one by one, at their own positions', async () => {
    const list = `apiVersion: v1
kind: List
items:
  - apiVersion: v1
    kind: ConfigMap
    metadata: { name: a }
    data: { enabled: true }
  - apiVersion: v1
    kind: ConfigMap
    metadata: { name: b }
    data: { enabled: "true" }
`;
    const found = await problemsOf(list);
    expect(found.map((f) => [f.object.name, f.line, f.problem.message])).toEqual([['a', 7, 'data.enabled must be a string, not a boolean (true): quote the value']]);
  });
});

describe('custom resources', () => {
  const CRD = `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata: { name: widgets.example.com }
spec:
  group: example.com
  scope: Namespaced
  names: { kind: Widget, plural: widgets, singular: widget, listKind: WidgetList }
  versions:
    - name: v1
      served: true
      storage: true
      schema:
        openAPIV3Schema:
          type: object
          properties:
            spec:
              type: object
              required: [size]
              properties:
                size: { type: integer, minimum: 1 }
                port: { x-kubernetes-int-or-string: true }
                extra: { type: object, x-kubernetes-preserve-unknown-fields: true }
`;

  it('validates objects of a CRD in the scan: one valid, one invalid gives one problem', async () => {
    const text = `${CRD}---
apiVersion: example.com/v1
kind: Widget
metadata: { name: ok }
spec: { size: 2, port: http, extra: { anything: [1, 2] } }
---
apiVersion: example.com/v1
kind: Widget
metadata: { name: bad }
spec:
  sise: 2
`;
    const found = await problemsOf(text);
    expect(found.map((f) => [f.object.name, f.line, f.problem.message])).toEqual([['bad', 33, 'unknown field "sise" in spec; did you mean "size"?']]);
  });

  it('skips custom resources without their CRD and counts them for the summary', async () => {
    const ws = workspaceOf({
      'm.yaml': 'apiVersion: monitoring.coreos.com/v1\nkind: ServiceMonitor\nmetadata: { name: a }\nspec: { bogus: 1 }\n---\napiVersion: monitoring.coreos.com/v1\nkind: ServiceMonitor\nmetadata: { name: b }\n',
      // A kustomization is the tool's own file, not a cluster object: neither checked nor counted.
      'kustomization.yaml': 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources: [m.yaml]\n',
    });
    const results = await validateWorkspace(ws);
    expect(results.flatMap((r) => r.problems)).toEqual([]);
    expect((await unvalidatedObjects(ws)).map((o) => o.name)).toEqual(['a', 'b']);
    expect(await unvalidatedNote(ws)).toBe('2 objects of unknown kinds were not validated against a schema (monitoring.coreos.com/v1 ServiceMonitor ×2): add their CustomResourceDefinitions to the scan to check them');
  });

  it('reports a version the CRD does not define', async () => {
    const found = await problemsOf(`${CRD}---\napiVersion: example.com/v2\nkind: Widget\nmetadata: { name: x }\n`);
    expect(found.map((f) => f.problem.message)).toEqual(['example.com/v2 Widget is not a version CustomResourceDefinition widgets.example.com defines (it has v1)']);
  });
});
