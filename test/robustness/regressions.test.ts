// Crashes the property tests found, kept as plain cases so they stay fixed.
import fs from 'node:fs';
import { afterAll, expect, it } from 'vitest';
import { scan } from '../../src/engine/scan.js';
import { tempProject } from '../helpers/cli.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

it('a CRD with a number where a property schema belongs: schema-invalid checks the rest, no rule error', async () => {
  const dir = tempProject({
    'crd.yaml': `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata: { name: widgets.example.com }
spec:
  group: example.com
  names: { kind: Widget, plural: widgets, singular: widget, listKind: WidgetList }
  scope: Namespaced
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
              properties:
                size: 65536
                count: { type: integer, maximum: 3 }
`,
    'widget.yaml': 'apiVersion: example.com/v1\nkind: Widget\nmetadata: { name: w, namespace: shop }\nspec:\n  size: large\n  count: 5\n',
  });
  dirs.push(dir);
  const result = await scan({ paths: [dir], history: false });
  expect(result.errors).toEqual([]);
  // The CRD itself is reported (a schema must be an object), and the Widget is still checked.
  expect(result.findings.filter((f) => f.ruleId === 'schema-invalid').map((f) => `${f.file} ${f.path}`)).toEqual([
    'crd.yaml spec.versions[0].schema.openAPIV3Schema.properties.spec.properties.size',
    'widget.yaml spec.count',
  ]);
});

it('an unclosed bracket reports its first errors and counts the cascade, in one finding', async () => {
  const text = `a: {b: 1\n${Array.from({ length: 200 }, (_, i) => `c${i}: [x, y\n`).join('')}`;
  const dir = tempProject({ 'broken.yaml': text, 'fine.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: { name: c, namespace: shop }\ndata: { a: "1" }\n' });
  dirs.push(dir);
  const result = await scan({ paths: [dir], history: false });
  const syntax = result.findings.filter((f) => f.ruleId === 'yaml-syntax');
  expect(syntax.length).toBe(6);
  expect(syntax[0]).toMatchObject({ file: 'broken.yaml', line: 1 });
  expect(syntax.map((f) => f.message).join('\n')).toMatch(/\d+ more YAML errors in this document, most likely caused by the ones above/);
  expect(result.summary.files).toBe(2);
});

it('a document too large for the position-keeping parser is read by js-yaml: first error, still checked', async () => {
  // 3 MB of flow sequence: the careful parser's syntax tree of it took gigabytes.
  const items = '1, '.repeat(1_000_000);
  const dir = tempProject({
    'dup.yaml': `apiVersion: v1\nkind: ConfigMap\nmetadata: { name: big, namespace: shop }\ndata:\n  a: [${items}2]\n  a: dup\n  "count": 1\n`,
    'broken.yaml': `apiVersion: v1\nkind: ConfigMap\nmetadata: { name: broken, namespace: shop }\ndata:\n  a: [${items}2\n  b: x\n`,
  });
  dirs.push(dir);
  const result = await scan({ paths: [dir], history: false });
  expect(result.errors).toEqual([]);
  const found = result.findings.map((f) => `${f.file}:${f.line} ${f.ruleId}`);
  expect(found).toContain('dup.yaml:6 yaml-duplicate-key');
  expect(result.findings.find((f) => f.ruleId === 'yaml-duplicate-key')?.message).toContain('Duplicate key "a"');
  // The document is still checked, with the last value of each key, and findings are located.
  expect(found).toContain('dup.yaml:7 schema-invalid');
  // js-yaml reports where it noticed the missing bracket: the next key.
  expect(found.filter((f) => f.startsWith('broken.yaml'))).toEqual(['broken.yaml:6 yaml-syntax']);
});
