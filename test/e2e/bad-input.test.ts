// Bad input never crashes kubelint and is never skipped silently; the other files are still checked.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { json, runCli, tempProject } from '../helpers/cli.js';

const GOOD = `apiVersion: v1
kind: Pod
metadata: { name: good, namespace: shop }
spec:
  containers:
    - name: app
      image: registry.example.com/app:1.0.0
      ports: [{ name: http, containerPort: 8080 }]
      livenessProbe: { httpGet: { path: /healthz, port: admin } }
      readinessProbe: { httpGet: { path: /ready, port: http } }
`;

const ALIAS_BOMB = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
for (let i = 1; i < 10; i++) {
  const prev = String.fromCharCode(96 + i);
  const name = String.fromCharCode(97 + i);
  ALIAS_BOMB.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]`);
}

function bigManifest(bytes: number): string {
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const doc = `---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings-${i}\n  namespace: shop\ndata:\n  payload: "${'x'.repeat(900)}"\n`;
    parts.push(doc);
    size += doc.length;
  }
  return parts.join('');
}

let dir: string;
let report: any;
let status: number | null;
let stderr: string;

beforeAll(() => {
  dir = tempProject({
    'good.yaml': GOOD,
    'malformed.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: [unclosed\n',
    'bomb.yaml': ALIAS_BOMB.join('\n') + '\n',
    'big.yaml': bigManifest(20 * 1024 * 1024),
    'binary.yaml': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]),
    'latin1.yaml': Buffer.from('apiVersion: v1\nkind: ConfigMap\nmetadata: { name: caf\xe9 }\n', 'latin1'),
    'empty.yaml': '',
    'photo.png': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 3]),
  });
  fs.symlinkSync('loop-b.yaml', path.join(dir, 'loop-a.yaml'));
  fs.symlinkSync('loop-a.yaml', path.join(dir, 'loop-b.yaml'));
  fs.mkdirSync(path.join(dir, 'nested'));
  fs.symlinkSync('..', path.join(dir, 'nested/parent'));
  const run = runCli(['scan', dir, '--format', 'json']);
  status = run.status;
  stderr = run.stderr;
  report = json(run);
}, 120_000);

describe('bad input', () => {
  const byFile = (file: string) => report.findings.filter((f: any) => f.file === file);

  it('does not crash, and still reports the good file', () => {
    expect(stderr).not.toMatch(/internal error/);
    expect(status).toBe(1);
    expect(byFile('good.yaml').map((f: any) => f.ruleId)).toContain('probe-port-mismatch');
  });

  it('reports malformed YAML at the error position', () => {
    expect(byFile('malformed.yaml')).toEqual([expect.objectContaining({ ruleId: 'yaml-syntax', line: 4, column: 9 })]);
  });

  it('reports an alias bomb instead of expanding it', () => {
    expect(byFile('bomb.yaml')).toEqual([expect.objectContaining({ ruleId: 'yaml-syntax', message: expect.stringMatching(/alias/i) })]);
  });

  it('parses a 20 MB manifest completely', () => {
    expect(byFile('big.yaml')).toEqual([]);
    expect(report.summary.documents).toBeGreaterThan(20000);
  });

  it('reports a binary file named .yaml and a non-UTF-8 file', () => {
    expect(byFile('binary.yaml')).toEqual([expect.objectContaining({ ruleId: 'yaml-syntax', message: expect.stringMatching(/binary/) })]);
    expect(byFile('latin1.yaml')).toEqual([expect.objectContaining({ ruleId: 'yaml-syntax', message: expect.stringMatching(/UTF-8/) })]);
  });

  it('accepts an empty file and says what it skipped', () => {
    expect(byFile('empty.yaml')).toEqual([]);
    expect(report.notes).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^loop-a\.yaml: broken or looping symlink/),
        expect.stringMatching(/^nested\/parent: symlink to a directory, not followed/),
        expect.stringMatching(/^photo\.png: skipped, binary/),
      ]),
    );
  });
});
