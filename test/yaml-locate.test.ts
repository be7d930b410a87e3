// The quick line reader and the parser-based locator must agree on every key path of every
// fixture and example document, for every target; the quick one may only decline (undefined).
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import type { KeyPath } from '../src/model.js';
import { locateInDocument, quickLocate } from '../src/sources/yaml-locate.js';
import { splitDocuments } from '../src/sources/yaml.js';
import { listFiles } from './helpers/expectations.js';

const REPO = path.resolve(import.meta.dirname, '..');

function pathsOf(value: unknown, prefix: KeyPath = [], out: KeyPath[] = []): KeyPath[] {
  out.push(prefix);
  if (out.length > 4000) return out;
  if (Array.isArray(value)) value.forEach((v, i) => pathsOf(v, [...prefix, i], out));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) pathsOf(v, [...prefix, k], out);
  return out;
}

function compare(text: string, paths: (doc: unknown) => KeyPath[]): { checked: number; quick: number; mismatches: string[] } {
  let checked = 0;
  let quick = 0;
  const mismatches: string[] = [];
  for (const chunk of splitDocuments(text)) {
    const body = text.slice(chunk.start, chunk.end);
    const doc = parseDocument(body, { uniqueKeys: false, merge: true, prettyErrors: false, logLevel: 'silent' });
    if (doc.errors.length || doc.contents == null) continue;
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: 100 });
    } catch {
      continue;
    }
    for (const p of [...paths(value), [...paths(value)[0], 'missing-key'], ['metadata', 'nope', 'deeper']]) {
      for (const target of [undefined, 'key', 'value'] as const) {
        checked++;
        const fast = quickLocate(text, chunk.start, chunk.end, p, target);
        if (!fast) continue;
        quick++;
        const exact = locateInDocument(doc, body, p, target);
        const shifted = { start: exact.start + chunk.start, end: exact.end + chunk.start };
        if (fast.start !== shifted.start || fast.end !== shifted.end) {
          mismatches.push(`${JSON.stringify(p)} ${target}: quick ${JSON.stringify(text.slice(fast.start, fast.end))}@${fast.start} vs ${JSON.stringify(text.slice(shifted.start, shifted.end))}@${shifted.start}`);
        }
      }
    }
  }
  return { checked, quick, mismatches };
}

describe('quick YAML locator', () => {
  it('agrees with the parser on every path of the fixtures and examples', () => {
    const files = [...listFiles(path.join(REPO, 'fixtures')), ...listFiles(path.join(REPO, 'examples'))].filter(
      (f) => /\.(ya?ml)$/.test(f) && !f.includes('/templates/'),
    );
    let checked = 0;
    let quick = 0;
    const mismatches: string[] = [];
    for (const file of files) {
      const text = fs.readFileSync(file, 'utf8');
      const r = compare(text, (v) => pathsOf(v));
      checked += r.checked;
      quick += r.quick;
      mismatches.push(...r.mismatches.map((m) => `${path.relative(REPO, file)}: ${m}`));
    }
    expect(mismatches.slice(0, 20)).toEqual([]);
    // It must actually carry the load, not decline everything.
    expect(quick / checked).toBeGreaterThan(0.5);
  });

  it('handles the shapes real manifests use', () => {
    const text = [
      '# leading comment',
      '---',
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata:',
      '  name: "web"   # quoted',
      "  labels: {app: web}",
      'spec:',
      '  template:',
      '    spec:',
      '      containers:',
      '      - name: app',
      '        image: nginx:1.25',
      '        ports:',
      '          - containerPort: 80',
      '',
      '            name: http',
      '        args:',
      '        - --flag',
      "        - 'it''s'",
      '        env:',
      '        empty:',
      '        resources:',
      '          {}',
      '        volumeMounts:',
      '          [{name: data, mountPath: /data}]',
      '        command:',
      '        - sh',
      '',
    ].join('\n');
    const r = compare(text, (v) => pathsOf(v));
    expect(r.mismatches).toEqual([]);
    expect(r.quick).toBeGreaterThan(r.checked * 0.8);
  });

  it('reads flow collections that close on their line', () => {
    const text = [
      'metadata: { name: web, labels: { app: web, "tier": \'front\' }, annotations: {} }',
      'spec:',
      '  selector: {matchLabels: {app: web}}   # trailing comment',
      '  ports: [{ name: http, port: 80 }, { name: "grpc", port: 9090, }]',
      '  args: [ --a, "--b=c", \'d e\', [nested, list], {k: v} ]',
      '  resources: { requests: { cpu: 100m, memory: 128Mi }, limits: { memory: 256Mi } }',
      '  json: {"a":1, "b": [1, 2], \'c\': x}',
      '  dup: {a: 1, a: 2}',
      '  empty: []',
      '',
    ].join('\n');
    const r = compare(text, (v) => pathsOf(v));
    expect(r.mismatches).toEqual([]);
    expect(r.quick).toBe(r.checked);
    // Positions inside them, not the line they start on.
    const at = (p: KeyPath) => {
      const span = quickLocate(text, 0, text.length, p)!;
      return text.slice(span.start, span.end);
    };
    expect(at(['spec', 'ports', 1, 'port'])).toBe('9090');
    expect(at(['metadata', 'labels', 'tier'])).toBe("'front'");
    expect(at(['spec', 'args', 3, 1])).toBe('list');
    expect(at(['spec', 'resources', 'limits', 'memory'])).toBe('256Mi');
  });

  it('agrees with the parser on random one-line flow collections, or declines', () => {
    // Scalars and keys from pieces that matter to flow syntax: quotes, colons, dashes, blanks...
    const scalar = fc.stringMatching(/^(?:[a-z]{1,3}|-[a-z]|--x|-1|\d{1,2}|"[a-z :,]{0,3}"|'[a-z ',]{0,3}'|[a-z]:[a-z]|x#y|[a-z] [a-z]|~|null|true)$/);
    // Few distinct keys, so that maps repeat them (the last one wins).
    const key = fc.constantFrom('a', 'b', '"a"', "'b'", 'a b');
    const leaf = fc.oneof(scalar, fc.constant(''), fc.constant('{}'), fc.constant('[]'));
    const blank = fc.constantFrom('', ' ', '  ');
    const node: fc.Arbitrary<string> = fc.letrec((tie) => ({
      value: fc.oneof({ depthSize: 'small', withCrossShrink: true }, leaf, tie('map') as fc.Arbitrary<string>, tie('seq') as fc.Arbitrary<string>),
      map: fc
        .array(fc.tuple(fc.oneof(key, scalar), blank, tie('value') as fc.Arbitrary<string>), { maxLength: 3 })
        .chain((entries) => blank.map((b) => `{${b}${entries.map(([k, sp, v]) => `${k}:${sp}${v}`).join(`,${b}`)}${b}}`)),
      seq: fc.array(tie('value') as fc.Arbitrary<string>, { maxLength: 3 }).chain((items) => blank.map((b) => `[${b}${items.join(`,${b}`)}${b}]`)),
    })).value;
    fc.assert(
      fc.property(node, fc.constantFrom('', '  # note', ' trailing'), (flow, after) => {
        const text = `root:\n  a: ${flow}${after}\n  b: 1\n`;
        const r = compare(text, (v) => pathsOf(v));
        expect(r.mismatches).toEqual([]);
      }),
      { numRuns: 3000 },
    );
  });

  it('declines flow collections it does not model', () => {
    const cases = [
      'a: {b: 1,\n  c: 2}\n', // over two lines
      'a: [b: 1]\n', // a one-pair map in a sequence
      'a: {b: }\n', // an empty value
      'a: {b: c:d}\n', // a colon in a plain scalar
      'a: {b: &x 1}\n', // an anchor
      'a: {? b : 1}\n', // an explicit key
      'a: {b: 1} trailing\n', // not a collection after all
      'a: {1: x}\n', // a key YAML reads as a number
    ];
    for (const text of cases) expect(quickLocate(text, 0, text.length, ['a', 'b'], undefined), text).toBeUndefined();
  });

  it('declines what it does not model', () => {
    const cases = [
      'a: &x {b: 1}\nc: *x\n',
      'a: |\n  text\n',
      'a: plain\n  continued\n',
      'a: "two\n  lines"\n',
      'a:\n\tb: 1\n',
      '? complex\n: key\n',
      '%YAML 1.2\n---\na: 1\n',
    ];
    for (const text of cases) {
      const doc = parseDocument(text);
      const p = Object.keys(doc.toJS() ?? {}).slice(0, 1);
      expect(quickLocate(text, 0, text.length, [...p, 'b'], undefined), text).toBeUndefined();
    }
  });
});
