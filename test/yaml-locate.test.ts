// The quick line reader and the parser-based locator must agree on every key path of every
// fixture and example document, for every target; the quick one may only decline (undefined).
import fs from 'node:fs';
import path from 'node:path';
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
