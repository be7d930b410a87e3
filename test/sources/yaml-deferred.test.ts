// CRD schemas left behind by a parse worker read back lazily: same value, same key order, one
// re-parse at most, and only when a rule reads them.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import jsYaml from 'js-yaml';
import { deferrablePaths, deferredSubtrees, fillHolesLazily, punchHoles } from '../../src/sources/yaml-deferred.js';
import { subtreesOf } from '../../src/sources/yaml.js';

const CRD = `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata: {name: widgets.example.com}
spec:
  group: example.com
  names: {kind: Widget, plural: widgets}
  scope: Namespaced
  versions:
    - name: v1
      served: true
      storage: true
      schema:
        openAPIV3Schema:
          type: object
          properties:
            spec: {type: object, properties: {size: {type: integer}}}
      subresources: {status: {}}
    - name: v2
      served: false
      storage: false
`;

describe('deferred CRD schemas', () => {
  it('finds the schema of each version, and nothing in other kinds', () => {
    expect(deferrablePaths(jsYaml.load(CRD))).toEqual([['spec', 'versions', 0, 'schema', 'openAPIV3Schema']]);
    expect(deferrablePaths(jsYaml.load('kind: ConfigMap\nspec: {versions: [{schema: {openAPIV3Schema: {}}}]}'))).toEqual([]);
    const legacy = jsYaml.load('kind: CustomResourceDefinition\nspec: {validation: {openAPIV3Schema: {type: object}}}');
    expect(deferrablePaths(legacy)).toEqual([['spec', 'validation', 'openAPIV3Schema']]);
  });

  it('reads the same value in the same key order, parsing again once and only on access', () => {
    const original = jsYaml.load(CRD) as any;
    const sent = structuredClone(original);
    const holes = punchHoles(sent)!;
    expect(sent.spec.versions[0].schema.openAPIV3Schema).toBeNull();
    let parses = 0;
    fillHolesLazily(sent, holes, { text: () => CRD }, (body) => {
      parses++;
      return jsYaml.load(body);
    });
    expect(Object.keys(sent.spec.versions[0])).toEqual(Object.keys(original.spec.versions[0]));
    expect(sent.spec.group).toBe('example.com');
    expect(parses).toBe(0);
    expect(sent).toEqual(original);
    expect(JSON.stringify(sent)).toBe(JSON.stringify(original));
    expect(parses).toBe(1);
    expect(sent.spec.versions[0].schema.openAPIV3Schema.properties.spec.properties.size.type).toBe('integer');
    expect(parses).toBe(1);
  });

  it('lets a reader overwrite a hole before reading it', () => {
    const sent = jsYaml.load(CRD) as any;
    const holes = punchHoles(sent)!;
    fillHolesLazily(sent, holes, { text: () => CRD }, () => {
      throw new Error('must not parse');
    });
    sent.spec.versions[0].schema.openAPIV3Schema = { type: 'string' };
    expect(sent.spec.versions[0].schema.openAPIV3Schema).toEqual({ type: 'string' });
    expect(deferredSubtrees(sent)).toBeUndefined();
  });

  it('can be filled ahead from a parse elsewhere, and then never parses', () => {
    const original = jsYaml.load(CRD) as any;
    const sent = structuredClone(original);
    const holes = punchHoles(sent)!;
    fillHolesLazily(sent, holes, { text: () => CRD }, () => {
      throw new Error('must not parse');
    });
    const ahead = deferredSubtrees(sent)!;
    expect(ahead.paths).toEqual(holes);
    expect(ahead.body()).toBe(CRD);
    ahead.settle(subtreesOf(ahead.body(), ahead.paths));
    expect(deferredSubtrees(sent)).toBeUndefined();
    expect(JSON.stringify(sent)).toBe(JSON.stringify(original));
  });

  it('keeps a hole a reader already read when the parse from elsewhere arrives', () => {
    const sent = jsYaml.load(CRD) as any;
    const holes = punchHoles(sent)!;
    fillHolesLazily(sent, holes, { text: () => CRD }, (body) => jsYaml.load(body));
    const ahead = deferredSubtrees(sent)!;
    const read = sent.spec.versions[0].schema.openAPIV3Schema;
    ahead.settle([{ type: 'string' }]);
    expect(sent.spec.versions[0].schema.openAPIV3Schema).toBe(read);
  });

  it('reads the schema of a released file on disk, without bringing its text back', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kubelint-deferred-'));
    try {
      const abs = path.join(dir, 'crd.yaml');
      const head = '# a comment first\n---\n';
      fs.writeFileSync(abs, head + CRD);
      const stat = fs.statSync(abs);
      const start = head.length;
      const sent = jsYaml.load(CRD) as any;
      const holes = punchHoles(sent)!;
      let textReads = 0;
      const version = { size: stat.size, mtimeMs: stat.mtimeMs };
      fillHolesLazily(sent, holes, { text: () => (textReads++, CRD), onDisk: () => ({ absPath: abs, start, end: start + CRD.length, version }) }, (body) => jsYaml.load(body));
      expect(sent.spec.versions[0].schema.openAPIV3Schema.properties.spec.properties.size).toEqual({ type: 'integer' });
      expect(textReads).toBe(0);

      // Changed on disk: the text (whose getter notes the change) is read instead.
      const other = jsYaml.load(CRD) as any;
      fillHolesLazily(other, punchHoles(other)!, { text: () => (textReads++, CRD), onDisk: () => ({ absPath: abs, start, end: start + CRD.length, version: { ...version, size: 1 } }) }, (body) => jsYaml.load(body));
      expect(other.spec.versions[0].schema.openAPIV3Schema.type).toBe('object');
      expect(textReads).toBe(1);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
