// GitHub Actions workflows, read from the YAML documents the YAML loader already parsed:
// jobs, runner labels, matrices, env and steps, with `${{ }}` expressions resolved where the
// workflow itself says what they are (env and matrix values).
import type { KeyPath, Span } from '../model.js';
import type { YamlDocUnit } from '../workspace/types.js';
import type { Workspace } from '../workspace/workspace.js';

export interface WorkflowStep {
  index: number;
  /** Key path of the step in the workflow document. */
  path: KeyPath;
  id?: string;
  name?: string;
  uses?: string;
  /** `with:` inputs as strings. */
  with: Record<string, string>;
  run?: string;
  /** `working-directory:` of a run step. */
  workingDirectory?: string;
  env: Record<string, string>;
}

export interface WorkflowJob {
  id: string;
  path: KeyPath;
  /** Runner labels; a matrix expression expands to every value it can take. */
  runsOn: string[][];
  /** `strategy.matrix` axes with their literal values (include entries merged in). */
  matrix: Record<string, string[]>;
  env: Record<string, string>;
  steps: WorkflowStep[];
}

export interface Workflow {
  doc: YamlDocUnit;
  path: string;
  name?: string;
  env: Record<string, string>;
  jobs: WorkflowJob[];
}

export function isWorkflowPath(path: string): boolean {
  return /(^|\/)\.github\/workflows\/[^/]+\.ya?ml$/.test(path);
}

function isRecord(v: unknown): v is Record<string, any> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function str(v: unknown): string | undefined {
  return v == null || typeof v === 'object' ? undefined : String(v);
}

function stringMap(v: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (isRecord(v)) for (const [k, val] of Object.entries(v)) if (str(val) !== undefined) out[k] = str(val)!;
  return out;
}

function readMatrix(m: unknown): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  if (!isRecord(m)) return out;
  const add = (k: string, v: unknown) => {
    const s = str(v);
    if (s === undefined) return;
    (out[k] ??= []).includes(s) || out[k].push(s);
  };
  for (const [k, v] of Object.entries(m)) {
    if (k === 'include' || k === 'exclude') continue;
    if (Array.isArray(v)) v.forEach((x) => add(k, x));
  }
  if (Array.isArray(m.include)) for (const inc of m.include) if (isRecord(inc)) for (const [k, v] of Object.entries(inc)) add(k, v);
  return out;
}

function readRunsOn(v: unknown, matrix: Record<string, string[]>): string[][] {
  const labels = Array.isArray(v) ? v.map(str).filter((s): s is string => !!s) : str(v) ? [str(v)!] : isRecord(v) && v.labels ? [].concat(v.labels).map(String) : [];
  // `runs-on: ${{ matrix.os }}` stands for every value of that axis.
  const m = labels.length === 1 ? /^\$\{\{\s*matrix\.([\w-]+)\s*\}\}$/.exec(labels[0]) : null;
  if (m && matrix[m[1]]?.length) return matrix[m[1]].map((l) => [l]);
  return labels.length ? [labels] : [];
}

export function readWorkflow(doc: YamlDocUnit): Workflow | undefined {
  const v = doc.value;
  if (!isRecord(v) || !isRecord(v.jobs)) return undefined;
  const jobs: WorkflowJob[] = [];
  for (const [id, job] of Object.entries(v.jobs)) {
    if (!isRecord(job)) continue;
    const matrix = readMatrix(isRecord(job.strategy) ? job.strategy.matrix : undefined);
    const steps: WorkflowStep[] = [];
    if (Array.isArray(job.steps)) {
      job.steps.forEach((s: unknown, index: number) => {
        if (!isRecord(s)) return;
        steps.push({
          index,
          path: ['jobs', id, 'steps', index],
          id: str(s.id),
          name: str(s.name),
          uses: str(s.uses),
          with: stringMap(s.with),
          run: str(s.run),
          workingDirectory: str(s['working-directory']),
          env: stringMap(s.env),
        });
      });
    }
    jobs.push({ id, path: ['jobs', id], runsOn: readRunsOn(job['runs-on'], matrix), matrix, env: stringMap(job.env), steps });
  }
  return { doc, path: doc.file.path, name: str(v.name), env: stringMap(v.env), jobs };
}

/** Every workflow of the scan, built once from the YAML documents. */
export function workflows(ws: Workspace): Workflow[] {
  return ws.memo('workflows', () =>
    ws.yamlDocs.filter((d) => isWorkflowPath(d.file.path)).map(readWorkflow).filter((w): w is Workflow => !!w),
  );
}

/**
 * Resolve `${{ env.X }}` and `${{ matrix.X }}` in a value. Returns every value the text can take
 * (a matrix axis fans out), or undefined when an expression is not known from the workflow.
 */
export function resolveExpressions(text: string, wf: Workflow, job: WorkflowJob, step?: WorkflowStep): string[] | undefined {
  let results = [''];
  let last = 0;
  // The body is trimmed in code: `\s*` on both sides of a lazy body backtracks cubically.
  const re = /\$\{\{([\s\S]*?)\}\}/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const literal = text.slice(last, m.index);
    last = m.index + m[0].length;
    const expr = m[1].trim();
    let options: string[] | undefined;
    const env = /^env\.([\w-]+)$/.exec(expr);
    const mat = /^matrix\.([\w-]+)$/.exec(expr);
    const quoted = /^'([^']*)'$/.exec(expr);
    if (env) {
      const val = step?.env[env[1]] ?? job.env[env[1]] ?? wf.env[env[1]];
      options = val !== undefined && !val.includes('${{') ? [val] : undefined;
    } else if (mat) options = job.matrix[mat[1]];
    else if (quoted) options = [quoted[1]];
    if (!options?.length) return undefined;
    results = results.flatMap((r) => options!.map((o) => r + literal + o));
  }
  const tail = text.slice(last);
  return results.map((r) => r + tail);
}

/** Replace the `${{ env.X }}` / single-valued `${{ matrix.X }}` expressions that are known; leave the others. */
export function substituteKnown(text: string, wf: Workflow, job: WorkflowJob, step?: WorkflowStep): string {
  return text.replace(/\$\{\{[\s\S]*?\}\}/g, (whole) => {
    const one = resolveExpressions(whole, wf, job, step);
    return one && one.length === 1 ? one[0] : whole;
  });
}

/**
 * Offsets of a piece of a scalar's value in the file: `valueText.slice(start, end)` is searched
 * inside the scalar's source (block scalars are indented copies of their value).
 */
export function locateInScalar(doc: YamlDocUnit, path: KeyPath, valueText: string, start: number, end: number): Span {
  const node = doc.locate(path, 'value');
  const needle = valueText.slice(start, end);
  if (!needle) return node;
  let nth = 0;
  for (let i = valueText.indexOf(needle); i >= 0 && i < start; i = valueText.indexOf(needle, i + 1)) nth++;
  const source = doc.file.text.slice(node.start, node.end);
  let at = -1;
  for (let k = 0, from = 0; k <= nth; k++) {
    at = source.indexOf(needle, from);
    if (at < 0) break;
    from = at + 1;
  }
  if (at < 0) {
    // Continuation lines or escapes differ from the value: fall back to the first line of the piece.
    const firstLine = needle.split('\n')[0].trim();
    at = firstLine ? source.indexOf(firstLine) : -1;
    if (at < 0) return node;
    return { start: node.start + at, end: node.start + at + firstLine.length };
  }
  return { start: node.start + at, end: node.start + at + needle.length };
}
