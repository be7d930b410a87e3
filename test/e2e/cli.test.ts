// End-to-end: the built CLI on fixtures, checking exit codes and reports.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { json, REPO, runCli, tempProject } from '../helpers/cli.js';

// The clean workload shape of the fixtures, with one mistake: a probe on an undefined port name.
const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
  labels: { app: web }
spec:
  replicas: 2
  selector:
    matchLabels: { app: web }
  template:
    metadata:
      labels: { app: web }
    spec:
      serviceAccountName: web
      automountServiceAccountToken: false
      securityContext: { runAsNonRoot: true, runAsUser: 10001, seccompProfile: { type: RuntimeDefault } }
      affinity:
        podAntiAffinity:
          preferredDuringSchedulingIgnoredDuringExecution:
            - weight: 100
              podAffinityTerm:
                topologyKey: kubernetes.io/hostname
                labelSelector: { matchLabels: { app: web } }
      containers:
        - name: web
          image: registry.example.com/shop/web:1.4.2
          ports: [{ name: http, containerPort: 8080 }]
          securityContext: { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: [ALL] } }
          resources:
            requests: { cpu: 100m, memory: 128Mi }
            limits: { memory: 256Mi }
          livenessProbe: { httpGet: { path: /healthz, port: http-metrics } }
          readinessProbe: { httpGet: { path: /ready, port: http } }
`;

/** 1-based line and column of the first occurrence of `needle` in `text`. */
function positionOf(text: string, needle: string): { line: number; column: number } {
  const before = text.slice(0, text.indexOf(needle)).split('\n');
  return { line: before.length, column: before[before.length - 1].length + 1 };
}

describe('kubelint scan', () => {
  it('scans the bundled examples, prints file:line:column and exits 1', () => {
    const run = runCli(['scan', 'examples/']);
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/examples\/k8s\/shop\/storefront\.yaml:\d+:\d+/);
    expect(run.stdout).toContain('probe-port-mismatch');
    expect(run.stdout).toMatch(/kubelint: \d+ error\(s\)/);
  });

  it('prints one summary whose counts keep infos apart from warnings', () => {
    const run = runCli(['scan', 'fixtures/rules/probe-port-mismatch/named-port-typo.yaml', '--no-history', '--fail-on', 'none']);
    expect(run.stdout).toContain('(info) readinessProbe of container "api" probes port 8081');
    expect(run.stdout).toContain('kubelint: 2 error(s), 0 warning(s), 1 info');
    // The formatter's own tally counts infos as warnings: it must not contradict the summary.
    expect(run.stdout).not.toMatch(/^ {2}\d+ (warning|error)s?$/m);
  });

  it('points at the exact key in a flow mapping of a multi-document file', () => {
    const text = `apiVersion: v1\nkind: ConfigMap\nmetadata: { name: c, namespace: shop }\n---\n${DEPLOYMENT}`;
    const dir = tempProject({ 'app.yaml': text });
    const report = json(runCli(['scan', dir, '--format', 'json', '--rule', 'probe-port-mismatch']));
    expect(report.findings).toHaveLength(1);
    const f = report.findings[0];
    const at = positionOf(text, 'http-metrics');
    expect(at.line).toBe(37);
    expect(f).toMatchObject({ ruleId: 'probe-port-mismatch', file: 'app.yaml', line: 37, column: 61, endLine: 37, endColumn: 73 });
    expect(at.column).toBe(61);
    expect(f.resource).toEqual({ apiVersion: 'apps/v1', kind: 'Deployment', namespace: 'shop', name: 'web' });
    expect(f.path).toBe('spec.template.spec.containers[0].livenessProbe.httpGet.port');
  });

  it('exits 0 when nothing reaches --fail-on, and 1 when it does', () => {
    const dir = tempProject({ 'app.yaml': DEPLOYMENT });
    expect(runCli(['scan', dir, '--fail-on', 'none']).status).toBe(0);
    expect(runCli(['scan', dir, '--disable', 'probe-port-mismatch', '--rule', 'readiness-probe-missing']).status).toBe(0);
    expect(runCli(['scan', dir, '--rule', 'probe-port-mismatch']).status).toBe(1);
  });

  it('exits 2 on usage errors', () => {
    expect(runCli(['scan', 'examples/', '--format', 'xml']).status).toBe(2);
    expect(runCli(['scan', 'examples/', '--rule', 'no-such-rule']).stderr).toMatch(/unknown rule "no-such-rule"/);
    expect(runCli(['scan', 'does/not/exist']).status).toBe(2);
    expect(runCli(['scan', '--fail-on', 'sometimes']).status).toBe(2);
    expect(runCli(['bogus']).status).toBe(2);
  });

  it('reads a manifest from stdin with -', () => {
    const report = json(runCli(['scan', '-', '--format', 'json'], { input: DEPLOYMENT }));
    expect(report.findings.map((f: any) => [f.ruleId, f.file, f.line])).toEqual([['probe-port-mismatch', 'stdin.yaml', positionOf(DEPLOYMENT, 'http-metrics').line]]);
  });

  it('writes several formats in one run', () => {
    const dir = tempProject({ 'app.yaml': DEPLOYMENT });
    const out = path.join(dir, 'out');
    fs.mkdirSync(out);
    const run = runCli(['scan', dir, '--format', 'json', '--format', `sarif=${out}/r.sarif`, '--format', `html=${out}/r.html`]);
    expect(run.status).toBe(1);
    expect(json(run).version).toBe(1);
    expect(JSON.parse(fs.readFileSync(`${out}/r.sarif`, 'utf8')).version).toBe('2.1.0');
    expect(fs.readFileSync(`${out}/r.html`, 'utf8')).toContain('<!doctype html>');
  });

  it('gives byte-identical reports for the same input (timing aside)', () => {
    const strip = (s: string) => s.replace(/"durationMs": \d+/, '');
    const a = runCli(['scan', 'examples/', '--format', 'json']);
    const b = runCli(['scan', 'examples/', '--format', 'json']);
    expect(strip(a.stdout)).toBe(strip(b.stdout));
    expect(runCli(['scan', 'examples/', '--format', 'sarif']).stdout).toBe(runCli(['scan', 'examples/', '--format', 'sarif']).stdout);
  });

  it('exits 2 and keeps stdout when --output cannot be written', () => {
    const run = runCli(['scan', 'examples/', '--format', 'json', '--output', '/nonexistent-dir/x.json']);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/cannot write/);
  });
});

describe('config', () => {
  it('is found upward from the scan root and overrides severities', () => {
    const dir = tempProject({
      '.kubelint.yaml': 'rules:\n  probe-port-mismatch: warning\n  readiness-probe-missing: off\n',
      'deploy/app.yaml': DEPLOYMENT,
    });
    const report = json(runCli(['scan', path.join(dir, 'deploy'), '--format', 'json']));
    expect(report.findings.map((f: any) => [f.ruleId, f.severity])).toEqual([['probe-port-mismatch', 'warning']]);
  });

  it('names the bad key and exits 2 when invalid', () => {
    const dir = tempProject({ '.kubelint.yaml': 'kubernetesVersion: "1.30"\nrulez: {}\n', 'app.yaml': DEPLOYMENT });
    const run = runCli(['scan', dir]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/rulez: unknown key/);
    const bad = tempProject({ '.kubelint.yaml': 'failOn: sometimes\n', 'app.yaml': DEPLOYMENT });
    expect(runCli(['scan', bad]).stderr).toMatch(/failOn: must be one of/);
  });

  it('kubelint init writes a config that validates', () => {
    const dir = tempProject({ 'app.yaml': DEPLOYMENT });
    expect(runCli(['init'], { cwd: dir }).status).toBe(0);
    expect(fs.existsSync(path.join(dir, '.kubelint.yaml'))).toBe(true);
    expect(runCli(['scan', dir, '--fail-on', 'none']).status).toBe(0);
    expect(runCli(['init'], { cwd: dir }).status).toBe(2);
  });

  it('ignore globs skip paths; ignore entries silence rules on paths', () => {
    const dir = tempProject({
      '.kubelint.yaml': 'ignore:\n  - vendor/\n  - rules: [probe-port-mismatch]\n    paths: ["legacy/**"]\n',
      'vendor/app.yaml': DEPLOYMENT,
      'legacy/app.yaml': DEPLOYMENT,
      'app.yaml': DEPLOYMENT,
    });
    const report = json(runCli(['scan', dir, '--format', 'json', '--rule', 'probe-port-mismatch']));
    expect(report.findings.map((f: any) => f.file)).toEqual(['app.yaml']);
    expect(report.summary.suppressed).toBe(1);
  });
});

describe('suppressions and baselines', () => {
  it('honours the kubelint-ignore comment on the line or the line above', () => {
    const commented = DEPLOYMENT.replace('livenessProbe: {', '# kubelint-ignore probe-port-mismatch -- metrics sidecar owns it\n          livenessProbe: {');
    const dir = tempProject({ 'app.yaml': commented });
    const report = json(runCli(['scan', dir, '--format', 'json', '--rule', 'probe-port-mismatch']));
    expect(report.findings).toEqual([]);
    expect(report.summary.suppressed).toBe(1);
  });

  it('baseline create accepts today\'s findings; prune drops fixed ones', () => {
    const dir = tempProject({ 'app.yaml': DEPLOYMENT, 'other.yaml': DEPLOYMENT.replace('name: web\n  namespace', 'name: api\n  namespace') });
    expect(runCli(['baseline', 'create', dir]).status).toBe(0);
    const baseline = JSON.parse(fs.readFileSync(path.join(dir, '.kubelint-baseline.json'), 'utf8'));
    expect(baseline.findings.length).toBe(2);
    // An edit above the finding moves its line: the fingerprint still matches.
    fs.writeFileSync(path.join(dir, 'app.yaml'), '# a new comment line\n' + DEPLOYMENT);
    const run = runCli(['scan', dir, '--baseline', path.join(dir, '.kubelint-baseline.json'), '--format', 'json']);
    expect(run.status).toBe(0);
    expect(json(run).summary.baselined).toBe(2);
    fs.rmSync(path.join(dir, 'other.yaml'));
    expect(runCli(['baseline', 'prune', dir]).stdout).toMatch(/pruned 1 stale/);
  });
});

describe('rules and explain', () => {
  it('lists rules as JSON with family, severity and peers', () => {
    const rules = json(runCli(['rules', '--format', 'json']));
    const probe = rules.find((r: any) => r.id === 'readiness-probe-missing');
    expect(probe).toMatchObject({ family: 'probes', severity: 'warning' });
    expect(probe.peers.kubeLinter).toContain('no-readiness-probe');
  });

  it('explains a rule and rejects unknown ones', () => {
    const run = runCli(['explain', 'probe-port-mismatch']);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/## Symptom/);
    expect(run.stdout).toMatch(/## Fix/);
    expect(runCli(['explain', 'nope']).status).toBe(2);
  });

  it('prints the version quickly from the bundle', () => {
    const run = runCli(['--version']);
    expect(run.status).toBe(0);
    expect(run.stdout.trim()).toBe(JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')).version);
  });
});
