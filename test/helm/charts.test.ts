import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { renderChart } from '../../src/sources/helm/index.js';
import { expectedDocs, renderedDocs } from './golden.js';
import { FIXED_NOW } from './helpers.js';

const ROOT = join(__dirname, '..', '..');
const CHARTS = 'fixtures/charts';

async function render(chart: string, opts: Partial<Parameters<typeof renderChart>[1]> = {}) {
  return renderChart(`${CHARTS}/${chart}`, { root: ROOT, releaseName: 'demo', namespace: 'apps', now: FIXED_NOW, ...opts });
}

describe('golden charts render exactly as written by hand', () => {
  it('basic: helpers, include/nindent, toYaml, range over maps and lists, NOTES and tests not emitted', async () => {
    const r = await render('basic');
    expect(r.problems).toEqual([]);
    expect(r.files.map((f) => f.path)).toEqual([`${CHARTS}/basic/templates/deployment.yaml`, `${CHARTS}/basic/templates/service.yaml`]);
    expect(renderedDocs(r.files)).toEqual(expectedDocs(`${ROOT}/${CHARTS}/expected/basic.yaml`));
  });

  it('basic: each file starts with the # Source line helm template prints', async () => {
    const r = await render('basic');
    for (const f of r.files) expect(f.text.startsWith('# Source: basic/templates/')).toBe(true);
  });
});

describe('subcharts, dependencies and values', () => {
  it('umbrella: dir and .tgz subcharts, aliases, conditions, tags, globals, import-values, library defines', async () => {
    const r = await render('umbrella');
    expect(r.problems).toEqual([]);
    expect(renderedDocs(r.files)).toEqual(expectedDocs(`${ROOT}/${CHARTS}/expected/umbrella.yaml`));
    // Library charts contribute defines but never render their own manifests.
    expect(r.files.some((f) => f.path.includes('/common/'))).toBe(false);
    // A packaged subchart's files are named inside the archive.
    expect(r.files.map((f) => f.path)).toContain(`${CHARTS}/umbrella/charts/cache-0.1.0.tgz/cache/templates/service.yaml`);
  });

  it('umbrella: --set toggles tags and conditions as Helm does', async () => {
    const sources = async (set: string[]) => renderedDocs((await render('umbrella', { set })).files).map((d) => d.source);
    expect(await sources(['tags.storage=false'])).not.toContain('umbrella/charts/redis/templates/service.yaml');
    expect(await sources(['worker.enabled=true'])).toContain('umbrella/charts/worker/templates/configmap.yaml');
    expect(await sources(['api.enabled=false'])).not.toContain('umbrella/charts/api/templates/deployment.yaml');
  });

  it('legacy-v1: apiVersion v1 chart with requirements.yaml and parent overrides of subchart values', async () => {
    const r = await render('legacy-v1');
    expect(r.problems).toEqual([]);
    expect(renderedDocs(r.files)).toEqual(expectedDocs(`${ROOT}/${CHARTS}/expected/legacy-v1.yaml`));
  });

  it('features: .Files, .Capabilities, .Release, .Chart, .Template, tpl, lookup and sprig', async () => {
    const r = await render('features', { kubeVersion: '1.29.4' });
    expect(r.problems).toEqual([]);
    expect(renderedDocs(r.files)).toEqual(expectedDocs(`${ROOT}/${CHARTS}/expected/features.yaml`));
  });

  it('schema: values.schema.json violations are problems at the values line', async () => {
    const r = await render('schema');
    expect(r.problems).toHaveLength(1);
    const p = r.problems[0];
    expect(p.ruleId).toBe('helm-render-error');
    expect(p.file.path).toBe(`${CHARTS}/schema/values.yaml`);
    expect(p.file.text.slice(p.span.start, p.span.end)).toBe('pullPolicy: Sometimes');
    expect(p.message).toMatch(/pullPolicy.*allowed values/);
    const ok = await render('schema', { set: ['image.pullPolicy=Always'] });
    expect(ok.problems).toEqual([]);
    const bad = await render('schema', { set: ['replicaCount=0'] });
    expect(bad.problems.map((x) => x.message).join('\n')).toMatch(/replicaCount: must be >= 1/);
  });
});

describe('render errors become problems at the template line', () => {
  it('errors: required, fail, unknown function, nil pointer in a helper, bad YAML', async () => {
    const r = await render('errors');
    expect(renderedDocs(r.files)).toEqual(expectedDocs(`${ROOT}/${CHARTS}/expected/errors.yaml`));
    const at = (p: (typeof r.problems)[number]) => {
      const before = p.file.text.slice(0, p.span.start);
      return `${p.file.path.replace(`${CHARTS}/errors/`, '')}:${before.split('\n').length}`;
    };
    const got = r.problems.map((p) => [at(p), p.ruleId, p.message]);
    expect(got).toEqual([
      ['templates/bad-yaml.yaml:6', 'helm-render-error', expect.stringMatching(/^YAML parse error on errors\/templates\/bad-yaml.yaml/)],
      ['templates/fail.yaml:2', 'helm-render-error', 'execution error at (errors/templates/fail.yaml:2:5): mode "fast" is not supported'],
      ['templates/_helpers.tpl:2', 'helm-render-error', expect.stringMatching(/executing "errors.deep" at <\.Values\.missing\.child>: nil pointer evaluating interface \{\}\.child \(via include at errors\/templates\/nil-field.yaml:6:9\)/)],
      ['templates/not-a-map.yaml:2', 'helm-render-error', expect.stringMatching(/^YAML parse error on errors\/templates\/not-a-map.yaml: error unmarshaling JSON: json: cannot unmarshal string into Go value of type releaseutil.SimpleHead/)],
      ['templates/required.yaml:6', 'helm-render-error', 'execution error at (errors/templates/required.yaml:6:12): database.host is required'],
      ['templates/unknown-func.yaml:6', 'helm-render-error', 'parse error at (errors/templates/unknown-func.yaml:6): function "env" not defined'],
    ]);
    const unknown = r.problems.find((p) => p.message.includes('"env"'))!;
    expect(unknown.file.text.slice(unknown.span.start, unknown.span.start + 3)).toBe('env');
  });

  it('a missing chart directory or Chart.yaml is a problem, not a crash', async () => {
    const r = await renderChart(`${CHARTS}/does-not-exist`, { root: ROOT });
    expect(r.files).toEqual([]);
    expect(r.problems[0].message).toMatch(/chart cannot be loaded/);
  });
});

describe('charts written on the fly', () => {
  function chart(files: Record<string, string>): string {
    const dir = mkdtempSync(join(tmpdir(), 'kubelint-helm-'));
    for (const [name, text] of Object.entries(files)) {
      mkdirSync(join(dir, name, '..'), { recursive: true });
      writeFileSync(join(dir, name), text);
    }
    return dir;
  }

  it('a dependency missing from charts/ is reported at its Chart.yaml entry', async () => {
    const dir = chart({
      'Chart.yaml': 'apiVersion: v2\nname: app\nversion: 1.0.0\ndependencies:\n  - name: redis\n    version: 17.x\n    repository: https://charts.example.com\n',
      'templates/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n',
    });
    const r = await renderChart('.', { root: dir });
    expect(r.files).toHaveLength(1);
    expect(r.problems).toHaveLength(1);
    const p = r.problems[0];
    expect(p.file.path).toBe('Chart.yaml');
    expect(p.file.text.slice(p.span.start, p.span.end)).toBe('name: redis');
    expect(p.message).toMatch(/missing in charts\/ directory: redis/);
  });

  it('endless include recursion is an error, not a crash', async () => {
    const dir = chart({
      'Chart.yaml': 'apiVersion: v2\nname: loop\nversion: 1.0.0\n',
      'templates/_h.tpl': '{{- define "loop.r" }}{{ include "loop.r" . }}{{ end }}\n',
      'templates/cm.yaml': 'data: {{ include "loop.r" . }}\n',
    });
    const r = await renderChart(dir, { root: dir });
    expect(r.files).toEqual([]);
    expect(r.problems[0].message).toMatch(/nested reference name: loop.r/);
  });

  it('a library chart renders nothing on its own', async () => {
    const dir = chart({
      'Chart.yaml': 'apiVersion: v2\nname: lib\nversion: 1.0.0\ntype: library\n',
      'templates/_x.tpl': '{{- define "lib.x" }}x{{ end }}\n',
      'templates/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n',
    });
    const r = await renderChart(dir, { root: dir });
    expect(r).toMatchObject({ files: [], problems: [] });
  });
});
