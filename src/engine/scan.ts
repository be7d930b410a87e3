// One scan: sources -> workspace -> rules -> findings. No printing here.
import fs from 'node:fs';
import path from 'node:path';
import type { Finding, Severity, SourceFile } from '../model.js';
import { SEVERITY_RANK } from '../model.js';
import { loadConfig } from '../config/load.js';
import { DEFAULT_KUBERNETES_VERSION, type IgnoreEntry, type KubelintConfig } from '../config/types.js';
import { discover, UsageError } from '../sources/discover.js';
import { findChartRoots, isChartArchive, renderCharts } from '../sources/helm-scan.js';
import { loadDiscovered, loadFile, type LoadedSources } from '../sources/load.js';
import { prepareLoaders } from '../sources/registry.js';
import { releaseAgain, textChangeNotes } from '../sources/release-text.js';
import { Workspace } from '../workspace/workspace.js';
import { readBaseline } from './baseline.js';
import { FindingFactory } from './findings.js';
import { lineIndexOf } from './position.js';
import { selectRules, type ActiveRule } from './select.js';
import { CommentSuppressions, ConfigSuppressions } from './suppress.js';
import { loadExtraRules } from '../plugins/index.js';

export interface ScanOptions {
  paths: string[];
  /** Text read from stdin when a path is `-`. */
  stdinText?: string;
  config?: string;
  failOn?: Severity | 'none';
  onlyRules?: string[];
  disableRules?: string[];
  baseline?: string;
  /** Report baselined findings too (baseline create/prune). */
  ignoreBaseline?: boolean;
  kubeVersion?: string;
  targetArch?: string[];
  values?: string[];
  set?: string[];
  /** Scan git history for secrets: default when the root is inside a git work tree. */
  history?: boolean;
  /** Scan only the files staged in git (pre-commit). */
  staged?: boolean;
  since?: string;
  allRefs?: boolean;
  /** Report only findings in files that differ from this revision (pull-request mode). */
  changedSince?: string;
  /** Called while the history scan walks commits. */
  onHistoryProgress?: (done: number, total: number) => void;
}

export interface ScanSummary {
  files: number;
  documents: number;
  commits: number;
  durationMs: number;
  findings: Record<Severity, number>;
  suppressed: number;
  baselined: number;
}

export interface ScanResult {
  root: string;
  findings: Finding[];
  summary: ScanSummary;
  notes: string[];
  /** Problems that make the scan fail with exit 2 (a rule that threw, ...). */
  errors: string[];
  rules: ActiveRule[];
  files: SourceFile[];
  config: KubelintConfig;
  configPath?: string;
  failOn: Severity | 'none';
  /** Baseline file in effect (from --baseline or config), absolute. */
  baselinePath?: string;
}

export function scanRoot(paths: string[]): string {
  const real = paths.filter((p) => p !== '-');
  if (real.length === 1) {
    const abs = path.resolve(real[0]);
    try {
      return fs.statSync(abs).isDirectory() ? abs : path.dirname(abs);
    } catch {
      return process.cwd();
    }
  }
  return process.cwd();
}

export async function scan(opts: ScanOptions): Promise<ScanResult> {
  const started = performance.now();
  const paths = opts.paths.length ? opts.paths : ['.'];
  const root = scanRoot(paths);
  const { config, path: configPath } = await loadConfig(opts.config, root);
  const configDir = configPath ? path.dirname(configPath) : root;
  const extra = await loadExtraRules(config, configDir);
  let rules: ActiveRule[];
  try {
    rules = selectRules(config, { only: opts.onlyRules, disable: opts.disableRules }, extra.rules);
  } catch (err) {
    // A rule "unknown" because its plugin failed to load: say why it failed first.
    if (err instanceof UsageError && extra.errors.length) throw new UsageError(`${extra.errors.join('\n')}\n${err.message}`);
    throw err;
  }
  const pathIgnores = (config.ignore ?? []).filter((e): e is string => typeof e === 'string');
  const ruleIgnores = (config.ignore ?? []).filter((e): e is IgnoreEntry => typeof e !== 'string');

  const kubernetesVersion = opts.kubeVersion ?? config.kubernetesVersion ?? DEFAULT_KUBERNETES_VERSION;
  const loaded: LoadedSources = { files: [], units: [], problems: [], notes: [], changed: new Set() };
  const realPaths = paths.filter((p) => p !== '-');
  if (opts.staged) {
    const { readStagedFiles } = await import('../history/index.js');
    const staged = await readStagedFiles(root);
    await prepareLoaders(staged.map((f) => f.path));
    for (const file of staged) loadFile(file, loaded, { chartRoots: [] });
  } else if (realPaths.length) {
    const found = await discover({ root, paths: realPaths, ignore: pathIgnores });
    loaded.notes.push(...found.notes);
    const chartRoots = findChartRoots(found.files.map((f) => f.relPath));
    const plainFiles = found.files.filter((f) => !isChartArchive(f.relPath, chartRoots));
    const active = new Set(rules.map((r) => r.rule.id));
    const precompute = { secrets: active.has('secret-pattern'), schemaVersion: active.has('schema-invalid') ? kubernetesVersion : undefined };
    // Workers stay after loading when custom resources may need CRD schemas read again (crd-prefetch.ts).
    await loadDiscovered(plainFiles, { chartRoots, precompute, keepWorkers: active.has('schema-invalid') }, loaded);
    if (chartRoots.length) {
      await renderCharts(chartRoots, { root, config, values: opts.values ?? [], set: opts.set ?? [], kubeVersion: kubernetesVersion }, loaded);
    }
  }
  if (paths.includes('-')) {
    await prepareLoaders(['stdin.yaml']);
    loadFile({ path: 'stdin.yaml', text: opts.stdinText ?? '' }, loaded, { chartRoots: [] });
  }

  const loadedAt = performance.now();
  const ws = new Workspace(loaded.files, loaded.units, {
    kubernetesVersion,
    targetArchitectures: opts.targetArch ?? config.targetArchitectures ?? [],
    defaultNamespace: config.defaultNamespace ?? 'default',
  });

  const factory = new FindingFactory();
  const errors: string[] = [...extra.errors];
  for (const problem of loaded.problems) {
    const active = rules.find((r) => r.rule.id === problem.ruleId);
    if (active) factory.fromProblem(active, problem);
  }
  // Parse workers still at hand read the CRD schemas custom resources need while the other rules
  // run; schema-invalid, which waits for them, runs last. (Findings are sorted: order is free.)
  let ordered = rules;
  if (loaded.helper) {
    const { prefetchCrdSchemas } = await import('../schema/crd-prefetch.js');
    prefetchCrdSchemas(ws, loaded.helper);
    ordered = [...rules.filter((r) => r.rule.id !== 'schema-invalid'), ...rules.filter((r) => r.rule.id === 'schema-invalid')];
  }
  // KUBELINT_TIMING=1 prints the slowest rules to stderr, as ESLint's TIMING does.
  const timings: [string, number][] = [];
  for (const active of ordered) {
    // Rules run synchronously: between them, take in what the workers sent, so they stop early.
    if (loaded.helper) await new Promise(setImmediate);
    const t0 = performance.now();
    try {
      await active.rule.check(ws, (input) => factory.fromReport(active, input), { options: active.options });
    } catch (err) {
      errors.push(`rule ${active.rule.id} failed: ${(err as Error).stack ?? (err as Error).message}`);
    }
    timings.push([active.rule.id, performance.now() - t0]);
  }
  if (process.env.KUBELINT_TIMING) {
    process.stderr.write(`since process start: scan ${Math.round(started)} ms, loaded ${Math.round(loadedAt)} ms, rules done ${Math.round(performance.now())} ms\n`);
    process.stderr.write(`load: ${Math.round(loadedAt - started)} ms\n`);
    for (const [id, ms] of timings.sort((a, b) => b[1] - a[1]).slice(0, 15)) process.stderr.write(`${id.padEnd(32)} ${ms.toFixed(1)} ms\n`);
  }

  if (rules.some((r) => r.rule.id === 'schema-invalid')) {
    const { unvalidatedNote } = await import('../schema/validate.js');
    const schemaNote = await unvalidatedNote(ws);
    if (schemaNote) loaded.notes.push(schemaNote);
  }
  loaded.helper?.close();

  // Positions last, one file at a time, with the comment suppressions that read the same text.
  const fileByPath = new Map(ws.files.map((f) => [f.path, f]));
  const comments = new CommentSuppressions((p) => {
    const file = fileByPath.get(p);
    return file && lineIndexOf(file);
  });
  const commented = new Set<Finding>();
  const settleStart = performance.now();
  factory.settle(errors, (_file, made) => {
    for (const f of made) if (!f.commit && comments.suppresses(f)) commented.add(f);
  });
  if (process.env.KUBELINT_TIMING) process.stderr.write(`positions and suppression comments: ${Math.round(performance.now() - settleStart)} ms\n`);
  // Texts rules read on their own (a scalar's raw text, a sops file) go too.
  for (const file of ws.files) releaseAgain(file);

  let commits = 0;
  const historyRule = rules.find((r) => r.rule.id === 'git-history-secret');
  if (historyRule && !opts.staged && (realPaths.length > 0 || opts.history) && (await historyWanted(opts, config, root))) {
    const { scanGitHistory } = await import('../history/index.js');
    try {
      const history = await scanGitHistory({
        root,
        since: opts.since ?? config.history?.since,
        allRefs: opts.allRefs ?? config.history?.allRefs,
        maxCommits: config.history?.maxCommits,
        onProgress: opts.onHistoryProgress,
      });
      commits = history.commits;
      loaded.notes.push(...history.warnings);
      errors.push(...(history.errors ?? []));
      for (const f of history.findings) factory.findings.push(historyRule.severityFromConfig ? { ...f, severity: historyRule.severity } : f);
    } catch (err) {
      errors.push(`git history could not be scanned: ${(err as Error).message}`);
    }
  }

  const configIgnores = new ConfigSuppressions(ruleIgnores);
  const baselinePath = opts.baseline ?? (config.baseline ? path.resolve(configDir, config.baseline) : undefined);
  const baseline = baselinePath && !opts.ignoreBaseline ? readBaseline(baselinePath) : new Set<string>();

  // Cross-object rules saw everything; only the reporting is limited to changed files.
  const changed = opts.changedSince ? await (await import('./changed.js')).changedFiles(root, opts.changedSince) : undefined;
  let suppressed = 0;
  let baselined = 0;
  const findings: Finding[] = [];
  for (const f of factory.findings) {
    if (changed && !f.commit && !changed.has(f.file)) continue;
    // A comment in today's file says nothing about a past version's lines.
    if (commented.has(f) || configIgnores.suppresses(f)) suppressed++;
    else if (baseline.has(f.fingerprint)) baselined++;
    else findings.push(f);
  }
  findings.sort(compareFindings);
  loaded.notes.push(...textChangeNotes(loaded.changed!));

  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return {
    root,
    findings,
    summary: {
      files: ws.files.length,
      documents: ws.yamlDocs.length,
      commits,
      durationMs: Math.round(performance.now() - started),
      findings: counts,
      suppressed: suppressed + factory.suppressedCount,
      baselined,
    },
    notes: loaded.notes,
    errors,
    rules,
    files: ws.files,
    config,
    configPath,
    failOn: opts.failOn ?? config.failOn ?? 'error',
    baselinePath,
  };
}

async function historyWanted(opts: ScanOptions, config: KubelintConfig, root: string): Promise<boolean> {
  if (opts.history !== undefined) return opts.history;
  if (config.history?.enabled === false) return false;
  const { isGitWorkTree } = await import('../history/index.js');
  return isGitWorkTree(root);
}

export function compareFindings(a: Finding, b: Finding): number {
  return (
    cmp(a.file, b.file) || a.line - b.line || a.column - b.column || cmp(a.ruleId, b.ruleId) || cmp(a.message, b.message) || cmp(a.fingerprint, b.fingerprint)
  );
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Exit status for a finished scan: 2 when a rule or plugin failed (unless --fail-on none, which
 * never fails a build), 1 when a finding reaches fail-on.
 */
export function exitStatus(result: Pick<ScanResult, 'findings' | 'errors' | 'failOn'>): 0 | 1 | 2 {
  if (result.errors.length && result.failOn !== 'none') return 2;
  const threshold = SEVERITY_RANK[result.failOn];
  return result.findings.some((f) => SEVERITY_RANK[f.severity] >= threshold) ? 1 : 0;
}
