import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { toJsonSchema } from '../../src/schema/crd.js';
import { withoutNulls } from '../../src/schema/nulls.js';
import { describeValue, expectedTypeText, instancePathToKeys } from '../../src/schema/problems.js';
import { closestName, editDistance } from '../../src/schema/suggest.js';
import { SCHEMA_VERSIONS, schemaVersionFor } from '../../src/schema/versions.js';
import { REPO } from './helpers.js';

describe('schema versions', () => {
  it('lists exactly the folders of schemas/k8s', () => {
    const dirs = fs.readdirSync(path.join(REPO, 'schemas/k8s')).filter((d) => /^v\d+\.\d+$/.test(d)).map((d) => d.slice(1));
    expect([...SCHEMA_VERSIONS].sort()).toEqual(dirs.sort());
  });

  it('picks the same minor, else the newest older, else the oldest', () => {
    const available = ['1.29', '1.33'];
    expect(schemaVersionFor('1.33', available)).toBe('1.33');
    expect(schemaVersionFor('v1.31.4', available)).toBe('1.29');
    expect(schemaVersionFor('1.35', available)).toBe('1.33');
    expect(schemaVersionFor('1.20', available)).toBe('1.29');
  });
});

describe('suggestions', () => {
  it('finds typos regardless of case, and nothing when far away', () => {
    expect(editDistance('abc', 'acb')).toBe(1);
    expect(closestName('containerport', ['containerPort', 'hostPort', 'name'])).toBe('containerPort');
    expect(closestName('readinesProbe', ['livenessProbe', 'readinessProbe'])).toBe('readinessProbe');
    expect(closestName('imagePullPolicy', ['containers', 'volumes', 'hostNetwork'])).toBeUndefined();
  });
});

describe('errors to messages', () => {
  it('maps instance paths to key paths using the data for list indices', () => {
    const data = { spec: { ports: [{ port: 1 }] }, metadata: { labels: { '0': 'x', 'a/b': 'y' } } };
    expect(instancePathToKeys('/spec/ports/0/port', data)).toEqual(['spec', 'ports', 0, 'port']);
    expect(instancePathToKeys('/metadata/labels/0', data)).toEqual(['metadata', 'labels', '0']);
    expect(instancePathToKeys('/metadata/labels/a~1b', data)).toEqual(['metadata', 'labels', 'a/b']);
  });

  it('names types the way a person reads them', () => {
    expect(expectedTypeText(['integer', 'string'])).toBe('an integer or a string');
    expect(describeValue('3')).toBe('a string ("3")');
    expect(describeValue(1.5)).toBe('a number (1.5)');
    expect(describeValue({})).toBe('a mapping');
  });
});

describe('nulls', () => {
  it('drops null mapping values deep and leaves untouched parts shared', () => {
    const shared = { a: 1 };
    const input = { metadata: { creationTimestamp: null, name: 'x' }, spec: shared, list: [{ v: null }] };
    const out = withoutNulls(input) as any;
    expect(out).toEqual({ metadata: { name: 'x' }, spec: { a: 1 }, list: [{}] });
    expect(out.spec).toBe(shared);
    expect(input.metadata.creationTimestamp).toBeNull();
  });
});

describe('CRD schemas', () => {
  it('makes declared objects strict, keeps preserved ones open, and turns int-or-string into a union', () => {
    const out = toJsonSchema({
      type: 'object',
      properties: {
        spec: {
          type: 'object',
          properties: {
            port: { 'x-kubernetes-int-or-string': true, anyOf: [{ type: 'integer' }, { type: 'string' }] },
            config: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true, properties: { a: { type: 'string' } } },
            labels: { type: 'object', additionalProperties: { type: 'string' } },
          },
          'x-kubernetes-validations': [{ rule: 'self.port > 0' }],
        },
      },
    });
    expect(out.additionalProperties).toBe(false);
    expect(Object.keys(out.properties)).toEqual(['apiVersion', 'kind', 'metadata', 'spec']);
    expect(out.properties.spec.additionalProperties).toBe(false);
    expect(out.properties.spec['x-kubernetes-validations']).toBeUndefined();
    expect(out.properties.spec.properties.port).toEqual({ type: ['integer', 'string'] });
    expect(out.properties.spec.properties.config.additionalProperties).toBeUndefined();
    expect(out.properties.spec.properties.labels.additionalProperties).toEqual({ type: 'string' });
  });
});

describe('structural validator (CRD schemas)', () => {
  it('checks types, bounds (OpenAPI 3.0 exclusive flags), patterns, enums and alternatives with ajv-shaped errors', async () => {
    const { structuralValidator } = await import('../../src/schema/structural.js');
    const validate = structuralValidator(
      toJsonSchema({
        type: 'object',
        properties: {
          spec: {
            type: 'object',
            required: ['replicas'],
            properties: {
              replicas: { type: 'integer', minimum: 0, exclusiveMinimum: true },
              name: { type: 'string', pattern: '^[a-z]+$' },
              mode: { type: 'string', enum: ['a', 'b'] },
              target: { anyOf: [{ type: 'string' }, { type: 'object', properties: { x: { type: 'integer' } } }] },
            },
          },
        },
      }),
    );
    expect(validate({ apiVersion: 'x/v1', kind: 'X', metadata: { name: 'n' }, spec: { replicas: 1, name: 'ok', mode: 'a', target: { x: 1 } } })).toBe(true);
    expect(validate({ spec: { replicas: 0, name: 'Bad', mode: 'c', target: 3, extra: 1 } })).toBe(false);
    expect(validate.errors?.map((e) => `${e.instancePath} ${e.keyword}`).sort()).toEqual([
      '/spec additionalProperties',
      '/spec/mode enum',
      '/spec/name pattern',
      '/spec/replicas minimum',
      '/spec/target anyOf',
    ]);
  });
});
