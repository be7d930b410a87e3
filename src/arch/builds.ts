// What the repo builds: image builds read from workflows (docker/build-push-action, `docker
// buildx build` / `docker build` in run steps) and from shell scripts, with the architectures
// each one produces, the repositories it tags and the Dockerfile it uses.
import type { KeyPath, Locatable, Span } from '../model.js';
import type { Workspace } from '../workspace/workspace.js';
import { DockerfileUnit } from '../sources/dockerfile.js';
import { expandShell, findDockerBuilds, shellAssignments, shellCommands, ScriptUnit, type DockerBuildCommand } from '../sources/scripts.js';
import { locateInScalar, resolveExpressions, substituteKnown, workflows, type Workflow, type WorkflowJob, type WorkflowStep } from '../sources/workflow.js';
import { repositoryPattern, type RepositoryPattern } from './images.js';
import { parsePlatformList, runnerArch } from './platform.js';

export interface ImageBuild {
  origin: 'workflow' | 'script';
  /** The workflow or script file. */
  file: string;
  /** For messages: `job build, step "Build and push"`. */
  where: string;
  /** Architectures produced; undefined when they cannot be known from the repo. */
  archs?: string[];
  /** Where the architectures come from. */
  archsFrom: 'platforms' | 'runner';
  /** The platform list as written (`linux/arm64`), or the runner labels. */
  archsText: string;
  /** Where a finding about this build points (the `platforms:` value or the `--platform` flag). */
  report: { at: Locatable; path?: KeyPath; span?: Span };
  tags: string[];
  repositories: RepositoryPattern[];
  /** Dockerfile used, relative to the scan root, when it can be told. */
  dockerfile?: string;
  /** Publishes the image (push: true, --push, or a later `docker push`). */
  push: boolean;
}

/** Normalise `a/./b/../c` and join relative to a base folder ('' is the scan root). */
export function joinPath(base: string, rel: string): string {
  const parts = (rel.startsWith('/') ? rel.slice(1) : base ? `${base}/${rel}` : rel).split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (!p || p === '.') continue;
    if (p === '..') out.pop();
    else out.push(p);
  }
  return out.join('/');
}

/** The folder that holds `.github/` for a workflow: the repo root as seen from the scan root. */
function repoRootOf(workflowPath: string): string {
  const i = workflowPath.indexOf('.github/workflows/');
  return i <= 0 ? '' : workflowPath.slice(0, i - 1);
}

function dirOf(path: string): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? '' : path.slice(0, i);
}

/** The Dockerfile a build uses: the first candidate (per base folder) that is in the scan, else the first guess. */
function dockerfilePath(ws: Workspace, bases: string[], context: string | undefined, file: string | undefined): string | undefined {
  const known = new Set(ws.unitsOf<DockerfileUnit>('dockerfile').map((u) => u.file.path));
  const candidates: string[] = [];
  for (const base of bases) {
    const ctx = joinPath(base, context && !/^[a-z]+:\/\//.test(context) && !context.includes('${{') ? context : '.');
    candidates.push(...(file ? [joinPath(base, file), joinPath(ctx, file)] : [joinPath(ctx, 'Dockerfile')]));
  }
  return candidates.find((c) => known.has(c)) ?? candidates[0];
}

/** A folder and each of its parents up to the scan root: where a script may be run from. */
function ancestors(dir: string): string[] {
  const out = [dir];
  for (let d = dir; d; ) {
    d = dirOf(d);
    out.push(d);
  }
  return out;
}

function archsOfPlatforms(values: string[] | undefined): string[] | undefined {
  if (!values) return undefined;
  const archs: string[] = [];
  for (const v of values) {
    const list = parsePlatformList(v);
    if (list.unknown.length || !list.archs.length) return undefined;
    for (const a of list.archs) if (!archs.includes(a)) archs.push(a);
  }
  return archs;
}

function archsOfRunner(job: WorkflowJob): string[] | undefined {
  if (!job.runsOn.length) return undefined;
  const archs: string[] = [];
  for (const labels of job.runsOn) {
    const a = runnerArch(labels);
    if (!a) return undefined;
    if (!archs.includes(a)) archs.push(a);
  }
  return archs;
}

function splitList(text: string): string[] {
  return text.split(/[\n,]/).map((s) => s.trim()).filter(Boolean);
}

/** Tags of build-push-action; `${{ steps.meta.outputs.tags }}` is read from that metadata-action's `images`. */
function actionTags(wf: Workflow, job: WorkflowJob, step: WorkflowStep): string[] {
  const raw = step.with.tags ?? '';
  const out: string[] = [];
  for (const tag of splitList(raw)) {
    const meta = /^\$\{\{\s*steps\.([\w-]+)\.outputs\.tags\s*\}\}$/.exec(tag);
    if (meta) {
      const metaStep = job.steps.find((s) => s.id === meta[1] && /docker\/metadata-action/.test(s.uses ?? ''));
      for (const image of splitList(metaStep?.with.images ?? '')) {
        const name = image.split(',')[0].replace(/^name=/, '');
        out.push(...(resolveExpressions(name, wf, job, metaStep) ?? [metaStep ? substituteKnown(name, wf, job, metaStep) : name]));
      }
      continue;
    }
    out.push(...(resolveExpressions(tag, wf, job, step) ?? [substituteKnown(tag, wf, job, step)]));
  }
  return out;
}

function patterns(tags: string[]): RepositoryPattern[] {
  const seen = new Set<string>();
  const out: RepositoryPattern[] = [];
  for (const t of tags) {
    const p = repositoryPattern(t);
    if (p && !seen.has(p.regex.source)) {
      seen.add(p.regex.source);
      out.push(p);
    }
  }
  return out;
}

function workflowBuilds(ws: Workspace): ImageBuild[] {
  const out: ImageBuild[] = [];
  for (const wf of workflows(ws)) {
    const root = repoRootOf(wf.path);
    for (const job of wf.jobs) {
      const jobPushes = job.steps.some((s) => /\bdocker\s+(image\s+)?push\b/.test(s.run ?? ''));
      for (const step of job.steps) {
        const label = `job ${job.id}, step ${step.name ? `"${step.name}"` : step.uses ?? `#${step.index + 1}`}`;
        if (/^docker\/build-push-action@/.test(step.uses ?? '')) {
          const platforms = step.with.platforms;
          const tags = actionTags(wf, job, step);
          const fromPlatforms = platforms !== undefined;
          const context = step.with.context !== undefined ? resolveExpressions(step.with.context, wf, job, step)?.[0] : undefined;
          const file = step.with.file ?? step.with.dockerfile;
          out.push({
            origin: 'workflow',
            file: wf.path,
            where: label,
            archs: fromPlatforms ? archsOfPlatforms(resolveExpressions(platforms, wf, job, step)) : archsOfRunner(job),
            archsFrom: fromPlatforms ? 'platforms' : 'runner',
            archsText: fromPlatforms ? `platforms: ${platforms.trim()}` : `runs-on: ${job.runsOn.map((l) => l.join(', ')).join(' | ')}`,
            report: { at: { unit: wf.doc, basePath: [] }, path: fromPlatforms ? [...step.path, 'with', 'platforms'] : [...step.path, 'uses'] },
            tags,
            repositories: patterns(tags),
            dockerfile: dockerfilePath(ws, [root], context, file ? resolveExpressions(file, wf, job, step)?.[0] : undefined),
            push: /^(true|\$\{\{)/.test((step.with.push ?? '').trim()) || /type=registry/.test(step.with.outputs ?? ''),
          });
        }
        if (step.run) {
          const vars = new Map(Object.entries({ ...wf.env, ...job.env, ...step.env }));
          for (const [k, v] of shellAssignments(shellCommands(step.run))) vars.set(k, v);
          const workdir = joinPath(root, step.workingDirectory ?? '');
          for (const cmd of findDockerBuilds(step.run)) {
            out.push(commandBuild(ws, cmd, {
              origin: 'workflow',
              file: wf.path,
              where: label,
              bases: [workdir],
              resolve: (text) => {
                const expanded = resolveExpressions(substituteKnown(text, wf, job, step), wf, job, step);
                if (!expanded) return undefined;
                const shell = expanded.map((e) => expandShell(e, vars));
                return shell.every((s): s is string => s !== undefined) ? shell : undefined;
              },
              runnerArchs: archsOfRunner(job),
              runnerText: `runs-on: ${job.runsOn.map((l) => l.join(', ')).join(' | ')}`,
              at: { unit: wf.doc, basePath: [] },
              spanOf: (s) => locateInScalar(wf.doc, [...step.path, 'run'], step.run!, s.start, s.end),
              pushes: jobPushes,
            }));
          }
        }
      }
    }
  }
  return out;
}

interface CommandContext {
  origin: 'workflow' | 'script';
  file: string;
  where: string;
  bases: string[];
  resolve: (text: string) => string[] | undefined;
  runnerArchs?: string[];
  runnerText: string;
  at: Locatable;
  spanOf: (span: Span) => Span;
  pushes: boolean;
}

function commandBuild(ws: Workspace, cmd: DockerBuildCommand, c: CommandContext): ImageBuild {
  const tags = cmd.tags.flatMap((t) => c.resolve(t) ?? [t]);
  const platform = cmd.platform;
  const platformValues = platform ? c.resolve(platform.value) : undefined;
  const context = cmd.context ? c.resolve(cmd.context)?.[0] : undefined;
  const file = cmd.file ? c.resolve(cmd.file)?.[0] : undefined;
  return {
    origin: c.origin,
    file: c.file,
    where: c.where,
    archs: platform ? archsOfPlatforms(platformValues) : c.runnerArchs,
    archsFrom: platform ? 'platforms' : 'runner',
    archsText: platform ? `--platform ${platform.value}${/\$/.test(platform.value) && platformValues ? ` = ${platformValues.join(',')}` : ''}` : c.runnerText,
    report: { at: c.at, span: c.spanOf(platform ? platform.span : { start: cmd.span.start, end: cmd.span.start + cmd.tool.length }) },
    tags,
    repositories: patterns(tags),
    dockerfile: dockerfilePath(ws, c.bases, context, file),
    push: cmd.push || c.pushes,
  };
}

function scriptBuilds(ws: Workspace): ImageBuild[] {
  const out: ImageBuild[] = [];
  for (const unit of ws.unitsOf<ScriptUnit>('script')) {
    const vars = unit.variables;
    const pushes = /\b(docker|podman)\s+(image\s+)?push\b/.test(unit.file.text);
    for (const cmd of unit.builds) {
      const lineNo = unit.file.text.slice(0, cmd.span.start).split('\n').length;
      out.push(commandBuild(ws, cmd, {
        origin: 'script',
        file: unit.file.path,
        where: `line ${lineNo}`,
        bases: ancestors(dirOf(unit.file.path)),
        resolve: (text) => {
          const v = expandShell(text, vars);
          return v === undefined ? undefined : [v];
        },
        // A script runs wherever someone runs it: a laptop's architecture is unknown.
        runnerArchs: undefined,
        runnerText: 'the machine that runs the script',
        at: { unit, basePath: [] },
        spanOf: (s) => s,
        pushes,
      }));
    }
  }
  return out;
}

/** Every image build of the scan, computed once. */
export function imageBuilds(ws: Workspace): ImageBuild[] {
  return ws.memo('arch:builds', () => [...workflowBuilds(ws), ...scriptBuilds(ws)]);
}

/** The Dockerfile unit a build uses, when it is in the scan. */
export function buildDockerfile(ws: Workspace, build: ImageBuild): DockerfileUnit | undefined {
  return build.dockerfile ? ws.unitsOf<DockerfileUnit>('dockerfile').find((u) => u.file.path === build.dockerfile) : undefined;
}
