// The text of a YAML file is dropped after loading and read again, one file at a time, when its
// findings need positions; then it is dropped again.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { scan } from '../../src/engine/scan.js';
import { render } from '../../src/report/index.js';
import { diskSlice, readDiskSlice, releaseAgain, releaseText, textChangeNotes } from '../../src/sources/release-text.js';
import { loadDiscovered, type LoadedSources } from '../../src/sources/load.js';
import { FindingFactory } from '../../src/engine/findings.js';
import { selectRules } from '../../src/engine/select.js';
import { Workspace } from '../../src/workspace/workspace.js';
import { tempProject } from '../helpers/cli.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

const CRD = `# kubelint-ignore-file is not a thing; this comment only shifts lines
apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata: { name: widgets.example.com }
spec:
  group: example.com
  names: { kind: Widget, plural: widgets }
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
                size: { type: integer, maximum: 3 }
      subresourcez: {}
`;

function project(files: Record<string, string>): string {
  const dir = tempProject(files);
  dirs.push(dir);
  return dir;
}

describe('released texts', () => {
  it('read again from disk: same text, and a note when the file changed or vanished', () => {
    const dir = project({ 'crd.yaml': CRD });
    const abs = path.join(dir, 'crd.yaml');
    const stat = fs.statSync(abs);
    const changed = new Set<string>();
    const same = { path: 'crd.yaml', absPath: abs, text: CRD };
    releaseText(same, { size: stat.size, mtimeMs: stat.mtimeMs }, changed);
    expect(Object.getOwnPropertyDescriptor(same, 'text')?.get).toBeTypeOf('function');
    expect(same.text).toBe(CRD);
    expect(Object.getOwnPropertyDescriptor(same, 'text')?.value).toBe(CRD);
    expect(changed.size).toBe(0);

    const edited = { path: 'crd.yaml', absPath: abs, text: CRD };
    releaseText(edited, { size: stat.size, mtimeMs: stat.mtimeMs }, changed);
    fs.writeFileSync(abs, CRD + '# edited\n');
    expect(edited.text).toBe(CRD + '# edited\n');
    const gone = { path: 'gone.yaml', absPath: path.join(dir, 'gone.yaml'), text: 'x' };
    releaseText(gone, { size: 1, mtimeMs: 0 }, changed);
    expect(gone.text).toBe('');
    expect(textChangeNotes(changed)).toEqual([
      'crd.yaml: changed on disk during the scan; positions of findings in it may be off',
      'gone.yaml: changed on disk during the scan; positions of findings in it may be off',
    ]);
  });

  it('give the same findings, positions and suppressions as kept texts', async () => {
    const dir = project({
      'crd.yaml': CRD,
      'valid-crd.yaml': CRD.replace('subresourcez', 'subresources').replace(/widgets?/g, 'gadgets').replace('Widget', 'Gadget'),
      'widget.yaml': 'apiVersion: example.com/v1\nkind: Widget\nmetadata: { name: w, namespace: shop }\nspec:\n  size: 5\n',
    });
    const result = await scan({ paths: [dir], history: false, onlyRules: ['schema-invalid'] });
    expect(result.errors).toEqual([]);
    // The CRD file's text was dropped: the finding in it is located from a second read.
    const crdFile = result.files.find((f) => f.path === 'crd.yaml')!;
    expect(result.findings.map((f) => `${f.file}:${f.line}:${f.column} ${f.ruleId}`)).toEqual([
      'crd.yaml:21:7 schema-invalid',
      'widget.yaml:5:9 schema-invalid',
    ]);
    expect(crdFile.text).toBe(CRD);
    // A CRD-only file without findings is never read again: its text stays dropped.
    const valid = result.files.find((f) => f.path === 'valid-crd.yaml')!;
    expect(Object.getOwnPropertyDescriptor(valid, 'text')?.get).toBeTypeOf('function');
    // The HTML report shows the excerpt from the text read again, and leaves the other dropped.
    const html = await render('html', { result, rules: result.rules.map((r) => r.rule), toolVersion: 'test', color: false });
    expect(html).toContain('subresourcez');
    expect(Object.getOwnPropertyDescriptor(valid, 'text')?.get).toBeTypeOf('function');
    expect(result.notes.filter((n) => n.includes('changed on disk'))).toEqual([]);

    // A suppression comment in a dropped text is honoured.
    fs.writeFileSync(path.join(dir, 'crd.yaml'), CRD.replace('      subresourcez: {}', '      subresourcez: {} # kubelint-ignore schema-invalid'));
    const quiet = await scan({ paths: [dir], history: false, onlyRules: ['schema-invalid'] });
    expect(quiet.findings.map((f) => f.file)).toEqual(['widget.yaml']);
  });

  it('hold no YAML text after a scan: findings in workload files are located from a second read', async () => {
    const deployment = [
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata: { name: web, namespace: shop }',
      'spec:',
      '  selector: { matchLabels: { app: web } }',
      '  template:',
      '    metadata: { labels: { app: web } }',
      '    spec:',
      '      containers:',
      '        - name: web',
      '          image: nginx:latest',
      '        - name: side',
      '          # kubelint-ignore image-tag-mutable -- pinned by the release job',
      '          image: busybox:latest',
      '',
    ].join('\n');
    const dir = project({ 'deploy.yaml': deployment, 'crd.yaml': CRD });
    const result = await scan({ paths: [dir], history: false, onlyRules: ['image-tag-mutable', 'schema-invalid'] });
    expect(result.errors).toEqual([]);
    expect(result.findings.map((f) => `${f.file}:${f.line}:${f.column} ${f.ruleId}`)).toEqual(['crd.yaml:21:7 schema-invalid', 'deploy.yaml:11:18 image-tag-mutable']);
    expect(result.summary.suppressed).toBe(1);
    // Both texts were read again for positions, then dropped again.
    for (const file of result.files) expect(Object.getOwnPropertyDescriptor(file, 'text')?.get, file.path).toBeTypeOf('function');
    expect(result.files.find((f) => f.path === 'deploy.yaml')!.text).toBe(deployment);
    expect(result.notes.filter((n) => n.includes('changed on disk'))).toEqual([]);
  });

  it('a file edited or deleted before its findings get positions: findings kept, a note, no error', async () => {
    const web = 'apiVersion: apps/v1\nkind: Deployment\nmetadata: { name: web, namespace: shop }\nspec:\n  template:\n    spec:\n      containers:\n        - { name: web, image: "nginx:latest" }\n';
    const dir = project({ 'edited.yaml': web, 'deleted.yaml': web.replace('web', 'api') });
    const into: LoadedSources = { files: [], units: [], problems: [], notes: [], changed: new Set() };
    await loadDiscovered(['deleted.yaml', 'edited.yaml'].map((rel) => ({ relPath: rel, absPath: path.join(dir, rel) })), { chartRoots: [] }, into);
    const ws = new Workspace(into.files, into.units, { kubernetesVersion: '1.31', targetArchitectures: [], defaultNamespace: 'default' });
    const [active] = selectRules({}, { only: ['image-tag-mutable'] });
    const factory = new FindingFactory();
    await active.rule.check(ws, (input) => factory.fromReport(active, input), { options: {} });
    fs.rmSync(path.join(dir, 'deleted.yaml'));
    fs.writeFileSync(path.join(dir, 'edited.yaml'), '# shorter now\n');
    const errors: string[] = [];
    factory.settle(errors);
    expect(errors).toEqual([]);
    expect(factory.findings.map((f) => `${f.file} ${f.ruleId}`).sort()).toEqual(['deleted.yaml image-tag-mutable', 'edited.yaml image-tag-mutable']);
    expect(textChangeNotes(into.changed!)).toEqual([
      'deleted.yaml: changed on disk during the scan; positions of findings in it may be off',
      'edited.yaml: changed on disk during the scan; positions of findings in it may be off',
    ]);
  });

  it('give a worker the slice of a released text to read on disk, and only the version the scan read', () => {
    const dir = project({ 'crd.yaml': CRD });
    const abs = path.join(dir, 'crd.yaml');
    const stat = fs.statSync(abs);
    const file = { path: 'crd.yaml', absPath: abs, text: CRD };
    // Not released: the text is at hand.
    expect(diskSlice(file, 0, 10)).toBeUndefined();
    releaseText(file, { size: stat.size, mtimeMs: stat.mtimeMs }, new Set());
    const slice = diskSlice(file, CRD.indexOf('spec:'), CRD.indexOf('  versions:'))!;
    expect(readDiskSlice(slice)).toBe(CRD.slice(CRD.indexOf('spec:'), CRD.indexOf('  versions:')));
    // Read again and held: the text is at hand again, no slice; released again: a slice.
    expect(file.text).toBe(CRD);
    expect(diskSlice(file, 0, 10)).toBeUndefined();
    releaseAgain(file);
    expect(diskSlice(file, 0, 10)).toEqual({ absPath: abs, start: 0, end: 10, version: { size: stat.size, mtimeMs: stat.mtimeMs } });
    // Another version on disk: its offsets mean nothing, so the read fails (the scan reads it itself).
    fs.writeFileSync(abs, '# longer now\n' + CRD);
    expect(() => readDiskSlice(slice)).toThrow(/changed since the scan read it/);
  });
});
