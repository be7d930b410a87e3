// Dockerfiles and Containerfiles, parsed with dockerfile-ast into stages with Docker's ARG/ENV scoping.
// Findings point at instructions (their first line), so `# kubelint-ignore` above an instruction works.
import type { Instruction, Property } from 'dockerfile-ast';
import type { KeyPath, SourceFile, Span, Unit } from '../model.js';
import type { EnvValue } from '../workspace/types.js';
import { registerEnvCollector } from '../workspace/env.js';
import { baseName, registerLoader, type LoadProblem, type LoadResult } from './registry.js';
import { replaceVars, type VarOp } from '../util/shell-vars.js';

/** Docker's substitution operators: defaults (`${A:-x}`) and alternatives (`${A:+x}`). */
const DOCKER_OPS: VarOp[] = [':-', '-', ':+', '+'];

export interface DockerFlag {
  name: string;
  value: string | null;
  span: Span;
  valueSpan?: Span;
}

/** One `NAME=value` of ENV, ARG or LABEL. `value` is undefined for `ARG NAME`. */
export interface DockerProperty {
  name: string;
  value?: string;
  span: Span;
  nameSpan: Span;
  valueSpan?: Span;
}

export interface DockerInstruction {
  index: number;
  /** Upper-case keyword: FROM, RUN, ... */
  keyword: string;
  /** Arguments without flags, line continuations joined; heredoc bodies included. */
  args: string;
  /** Separate arguments as written (quotes kept), without flags. */
  argv: string[];
  span: Span;
  keywordSpan: Span;
  argsSpan?: Span;
  /** 1-based line of the keyword. */
  line: number;
  flags: DockerFlag[];
  /** ENV/ARG/LABEL assignments. */
  properties: DockerProperty[];
  /** Stage index; -1 for instructions before the first FROM. */
  stage: number;
}

export interface DeclaredArg {
  name: string;
  default?: string;
  instruction: number;
}

export interface DockerStage {
  index: number;
  /** `AS name`, lower-cased as Docker compares them. */
  name?: string;
  /** Index of the FROM instruction. */
  from: number;
  /** Image as written, variables unexpanded. */
  image: string;
  imageSpan?: Span;
  /** Image with global ARG defaults expanded; undefined when a variable has no default. */
  resolvedImage?: string;
  /** Index of the earlier stage this one builds on (`FROM build AS final`). */
  parent?: number;
  platform?: DockerFlag;
  /** Instruction indexes of this stage, FROM included. */
  instructions: number[];
  /** ARGs declared inside this stage, in order. */
  args: DeclaredArg[];
}

/** BuildKit fills these per build; in a stage they exist only after `ARG NAME`. */
export const PLATFORM_ARGS = ['TARGETPLATFORM', 'TARGETOS', 'TARGETARCH', 'TARGETVARIANT', 'BUILDPLATFORM', 'BUILDOS', 'BUILDARCH', 'BUILDVARIANT'];

const KEYWORDS = new Set([
  'ADD', 'ARG', 'CMD', 'COPY', 'ENTRYPOINT', 'ENV', 'EXPOSE', 'FROM', 'HEALTHCHECK', 'LABEL', 'MAINTAINER',
  'ONBUILD', 'RUN', 'SHELL', 'STOPSIGNAL', 'USER', 'VOLUME', 'WORKDIR',
]);

export class DockerfileUnit implements Unit {
  readonly kind = 'dockerfile' as const;
  constructor(
    readonly file: SourceFile,
    readonly instructions: DockerInstruction[],
    readonly stages: DockerStage[],
    /** ARGs before the first FROM: usable in FROM lines, inside stages only when re-declared. */
    readonly globalArgs: DeclaredArg[],
  ) {}

  /** Directory of the Dockerfile relative to the scan root ('' at the root): the default build context. */
  get dir(): string {
    const i = this.file.path.lastIndexOf('/');
    return i < 0 ? '' : this.file.path.slice(0, i);
  }

  get finalStage(): DockerStage | undefined {
    return this.stages[this.stages.length - 1];
  }

  /**
   * Paths: ['instructions', i] (the instruction), then 'flag' NAME, 'image', 'args', 'property' K
   * (value; target 'key' for the name); ['stages', s] is the stage's FROM.
   */
  locate(path: KeyPath, target?: 'key' | 'value'): Span {
    const fallback: Span = { start: 0, end: Math.min(1, this.file.text.length) };
    let ins: DockerInstruction | undefined;
    if (path[0] === 'stages' && typeof path[1] === 'number') ins = this.instructions[this.stages[path[1]]?.from ?? -1];
    else if (path[0] === 'instructions' && typeof path[1] === 'number') ins = this.instructions[path[1]];
    if (!ins) return fallback;
    const [, , what, key] = path;
    if (what === 'flag') {
      const flag = ins.flags.find((f) => f.name === key);
      if (flag) return target === 'value' && flag.valueSpan ? flag.valueSpan : flag.span;
    } else if (what === 'image') {
      const stage = this.stages[ins.stage];
      if (stage?.from === ins.index && stage.imageSpan) return stage.imageSpan;
    } else if (what === 'args') {
      if (ins.argsSpan) return ins.argsSpan;
    } else if (what === 'property') {
      const prop = typeof key === 'number' ? ins.properties[key] : ins.properties.find((p) => p.name === key);
      if (prop) return target === 'key' || !prop.valueSpan ? prop.nameSpan : prop.valueSpan;
    }
    return ins.span;
  }

  /**
   * `path` when what it points at starts on the instruction's first line, else the instruction:
   * a `# kubelint-ignore` comment above an instruction then always reaches its findings.
   */
  onFirstLine(index: number, path: KeyPath): KeyPath {
    const ins = this.instructions[index];
    if (!ins) return path;
    const nl = this.file.text.indexOf('\n', ins.keywordSpan.start);
    const firstLineEnd = nl < 0 ? this.file.text.length : nl;
    return this.locate(path).start <= firstLineEnd ? path : ['instructions', index];
  }

  /** Stages from this one down to the stage it is built on (`FROM base AS final` -> final, base). */
  chain(stage: DockerStage): DockerStage[] {
    const out: DockerStage[] = [];
    for (let s: DockerStage | undefined = stage; s && !out.includes(s); s = s.parent !== undefined ? this.stages[s.parent] : undefined) out.push(s);
    return out;
  }

  stageOf(instruction: number): DockerStage | undefined {
    return this.stages[this.instructions[instruction]?.stage ?? -1];
  }

  /** Find a stage by `AS` name or by index (COPY --from=0). */
  stageNamed(ref: string): DockerStage | undefined {
    if (/^\d+$/.test(ref)) return this.stages[Number(ref)];
    return this.stages.find((s) => s.name === ref.toLowerCase());
  }

  /**
   * Is a variable defined for instruction `at`? ARGs and ENVs declared earlier in the stage or in
   * its parent stages count; a global ARG counts only when re-declared in the stage.
   */
  isDefined(name: string, at: number): boolean {
    return this.lookup(name, at) !== undefined;
  }

  /** Value of a variable at an instruction: a string, null when declared without a known value, undefined when not defined. */
  lookup(name: string, at: number): string | null | undefined {
    const ins = this.instructions[at];
    if (!ins) return undefined;
    if (ins.stage < 0 || ins.keyword === 'FROM') {
      const g = [...this.globalArgs].reverse().find((a) => a.name === name && a.instruction < at);
      if (g) return g.default ?? null;
      return PLATFORM_ARGS.includes(name) ? null : undefined;
    }
    for (let stage: DockerStage | undefined = this.stages[ins.stage]; stage; stage = stage.parent !== undefined ? this.stages[stage.parent] : undefined) {
      for (let i = stage.instructions.length - 1; i >= 0; i--) {
        const idx = stage.instructions[i];
        if (idx >= at) continue;
        const prior = this.instructions[idx];
        if (prior.keyword !== 'ENV' && prior.keyword !== 'ARG') continue;
        const prop = [...prior.properties].reverse().find((p) => p.name === name);
        if (!prop) continue;
        if (prop.value !== undefined) return prop.value;
        if (prior.keyword === 'ARG') {
          const g = [...this.globalArgs].reverse().find((a) => a.name === name);
          return g?.default ?? null;
        }
        return null;
      }
    }
    return undefined;
  }

  /** Expand `$VAR`/`${VAR}`/`${VAR:-x}` with the values visible at instruction `at`; undefined when one is unknown. */
  expand(text: string, at: number): string | undefined {
    let unknown = false;
    const out = replaceVars(text, DOCKER_OPS, (name, op, word) => {
      const v = this.lookup(name, at);
      const set = typeof v === 'string' && (v !== '' || !op?.startsWith(':'));
      if (op?.endsWith('-')) return set ? (v as string) : (word ?? '');
      if (op?.endsWith('+')) return set ? (word ?? '') : '';
      if (typeof v !== 'string') unknown = true;
      return v ?? '';
    });
    return unknown ? undefined : out;
  }
}

/** `Dockerfile`, `Dockerfile.prod`, `api.Dockerfile`, `Containerfile`; not `Dockerfile.dockerignore`. */
export function isDockerfilePath(path: string): boolean {
  const name = baseName(path);
  const lower = name.toLowerCase();
  if (/\.(dockerignore|md|rst|txt|bak|orig|swp|json|ya?ml|sh|py|go|js|ts)$/.test(lower)) return false;
  return /^(docker|container)file(\..+)?$/.test(lower) || /\.(docker|container)file$/.test(lower);
}

/** dockerfile-ast, imported only when a scan has a Dockerfile (prepareLoaders). */
let parser: typeof import('./dockerfile-parser.js').DockerfileParser | undefined;

export async function loadDockerfileParser(): Promise<void> {
  parser ??= (await import('./dockerfile-parser.js')).DockerfileParser;
}

export function loadDockerfile(file: SourceFile): LoadResult {
  if (!parser) throw new Error('the Dockerfile parser is not loaded: await prepareLoaders() first');
  const problems: LoadProblem[] = [];
  const text = file.text;
  const lineStarts = computeLineStarts(text);
  const toOffset = (pos: { line: number; character: number }) => Math.min(text.length, (lineStarts[pos.line] ?? text.length) + pos.character);
  const spanOf = (r: { start: { line: number; character: number }; end: { line: number; character: number } }): Span => ({ start: toOffset(r.start), end: toOffset(r.end) });
  const problem = (span: Span, message: string) => problems.push({ ruleId: 'dockerfile-syntax', file, span: { start: span.start, end: Math.max(span.end, span.start + 1) }, message });

  const parsed = parser.parse(text);
  const instructions: DockerInstruction[] = [];
  const stages: DockerStage[] = [];
  const globalArgs: DeclaredArg[] = [];

  for (const raw of parsed.getInstructions()) {
    const index = instructions.length;
    const keyword = raw.getKeyword();
    const span = spanOf(raw.getRange());
    const keywordSpan = spanOf(raw.getInstructionRange());
    const argsRange = raw.getArgumentsRange();
    const flags: DockerFlag[] = typeof (raw as any).getFlags === 'function'
      ? (raw as any).getFlags().map((f: any) => ({
          name: String(f.getName()),
          value: f.getValue(),
          span: spanOf(f.getRange()),
          ...(f.getValueRange() ? { valueSpan: spanOf(f.getValueRange()) } : {}),
        }))
      : [];
    const ins: DockerInstruction = {
      index,
      keyword,
      args: raw.getArgumentsContent() ?? '',
      argv: raw.getArguments().map((a) => a.getValue()),
      span,
      keywordSpan,
      ...(argsRange ? { argsSpan: spanOf(argsRange) } : {}),
      line: raw.getInstructionRange().start.line + 1,
      flags,
      properties: [],
      stage: stages.length - 1,
    };
    instructions.push(ins);

    if (!KEYWORDS.has(keyword)) {
      problem(keywordSpan, `Unknown instruction "${raw.getInstruction()}": Docker stops with "unknown instruction: ${keyword}"`);
      continue;
    }
    if (keyword !== 'FROM' && stages.length === 0 && keyword !== 'ARG') {
      problem(keywordSpan, `${keyword} before the first FROM: only ARG may come before FROM`);
    }
    if (!ins.args.trim() && keyword !== 'FROM') {
      problem(keywordSpan, `${keyword} has no arguments: Docker stops with "${keyword} requires at least one argument"`);
      continue;
    }
    switch (keyword) {
      case 'FROM':
        stages.push(readStage(raw, ins, stages, globalArgs, spanOf, problem));
        ins.stage = stages.length - 1;
        break;
      case 'ARG':
        ins.properties = readArgTokens(text, ins, problem);
        for (const p of ins.properties) {
          const declared = { name: p.name, ...(p.value !== undefined ? { default: p.value } : {}), instruction: index };
          if (stages.length) stages[stages.length - 1].args.push(declared);
          else globalArgs.push(declared);
        }
        break;
      case 'ENV':
      case 'LABEL':
        ins.properties = readProperties(raw, spanOf);
        for (const p of ins.properties) {
          if (p.value === undefined) problem(p.nameSpan, `${keyword} ${p.name} has no value: write ${keyword} ${p.name}=<value>`);
        }
        break;
    }
    const heredoc = unterminatedHeredoc(text, ins);
    if (heredoc) problem(ins.keywordSpan, `Heredoc <<${heredoc} is never closed: add a line with just "${heredoc}"`);
    if (stages.length) stages[stages.length - 1].instructions.push(index);
  }

  if (instructions.length === 0) problem({ start: 0, end: 0 }, 'The Dockerfile has no instructions: Docker stops with "the Dockerfile cannot be empty"');
  else if (stages.length === 0) problem(instructions[0].keywordSpan, 'The Dockerfile has no FROM instruction: Docker stops with "no build stage in current context"');

  return { units: [new DockerfileUnit(file, instructions, stages, globalArgs)], problems };
}

function readStage(
  raw: Instruction,
  ins: DockerInstruction,
  stages: DockerStage[],
  globalArgs: DeclaredArg[],
  spanOf: (r: any) => Span,
  problem: (span: Span, message: string) => void,
): DockerStage {
  const from = raw as any;
  const argv = ins.argv;
  const image = argv[0] ?? '';
  const imageRange = from.getImageRange?.();
  let name: string | undefined;
  if (argv.length >= 3 && argv[1].toUpperCase() === 'AS') name = argv[2].toLowerCase();
  if (!image) problem(ins.keywordSpan, 'FROM names no image: write FROM <image>[:tag] [AS name]');
  else if (argv.length === 2 || (argv.length > 1 && argv[1].toUpperCase() !== 'AS') || argv.length > 3) {
    problem(ins.argsSpan ?? ins.keywordSpan, `FROM takes "<image> [AS <name>]", found "${ins.args.trim()}"`);
  }
  const stage: DockerStage = {
    index: stages.length,
    ...(name ? { name } : {}),
    from: ins.index,
    image,
    ...(imageRange ? { imageSpan: spanOf(imageRange) } : {}),
    instructions: [],
    args: [],
  };
  const platform = ins.flags.find((f) => f.name === 'platform');
  if (platform) stage.platform = platform;
  // Global ARG defaults expand in FROM; a name of an earlier stage makes this a child stage.
  const resolved = expandGlobal(image, globalArgs, ins.index);
  if (resolved !== undefined) {
    stage.resolvedImage = resolved;
    const parent = stages.find((s) => s.name === resolved.toLowerCase());
    if (parent) stage.parent = parent.index;
  }
  return stage;
}

function expandGlobal(text: string, globalArgs: DeclaredArg[], at: number): string | undefined {
  let unknown = false;
  const out = replaceVars(text, [':-', '-'], (name, _op, dflt) => {
    const arg = [...globalArgs].reverse().find((a) => a.name === name && a.instruction < at);
    if (arg?.default !== undefined && arg.default !== '') return arg.default;
    if (dflt !== undefined) return dflt;
    unknown = true;
    return '';
  });
  return unknown ? undefined : out;
}

/** ENV and LABEL properties with exact spans (both `K=V ...` and the legacy `K V` form). */
function readProperties(raw: Instruction, spanOf: (r: any) => Span): DockerProperty[] {
  const props: Property[] = typeof (raw as any).getProperties === 'function' ? (raw as any).getProperties() : [];
  return props.map((p) => {
    const valueRange = p.getValueRange();
    const value = p.getValue();
    return {
      name: p.getName(),
      ...(value !== null ? { value } : {}),
      span: spanOf(p.getRange()),
      nameSpan: spanOf(p.getNameRange()),
      ...(valueRange ? { valueSpan: spanOf(valueRange) } : {}),
    };
  });
}

/** `ARG A B=1 C="x y"`: Docker declares one ARG per word (dockerfile-ast reads `A B` as a legacy pair). */
function readArgTokens(text: string, ins: DockerInstruction, problem: (span: Span, message: string) => void): DockerProperty[] {
  const out: DockerProperty[] = [];
  if (!ins.argsSpan) return out;
  const start = ins.argsSpan.start;
  const end = ins.span.end;
  let i = start;
  while (i < end) {
    while (i < end && /[\s\\]/.test(text[i])) i++;
    if (i >= end) break;
    const tokStart = i;
    let quote = '';
    while (i < end) {
      const c = text[i];
      if (quote) {
        if (c === quote) quote = '';
      } else if (c === '"' || c === "'") quote = c;
      else if (/\s/.test(c) || (c === '\\' && /[\r\n]/.test(text[i + 1] ?? ''))) break;
      i++;
    }
    const token = text.slice(tokStart, i);
    const eq = token.indexOf('=');
    const name = eq < 0 ? token : token.slice(0, eq);
    const nameSpan = { start: tokStart, end: tokStart + name.length };
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) {
      problem(nameSpan, `ARG "${name}" is not a valid name: use letters, digits and underscores`);
      continue;
    }
    if (eq < 0) {
      out.push({ name, span: nameSpan, nameSpan });
    } else {
      const rawValue = token.slice(eq + 1);
      const quoted = /^(["']).*\1$/s.test(rawValue);
      const value = quoted ? rawValue.slice(1, -1) : rawValue;
      const vStart = tokStart + eq + 1 + (quoted ? 1 : 0);
      out.push({ name, value, span: { start: tokStart, end: i }, nameSpan, valueSpan: { start: vStart, end: vStart + value.length } });
    }
  }
  return out;
}

/** A `<<EOF` heredoc (RUN/COPY/ADD) whose closing line never comes. */
function unterminatedHeredoc(text: string, ins: DockerInstruction): string | undefined {
  if (!['RUN', 'COPY', 'ADD'].includes(ins.keyword)) return undefined;
  const firstLineEnd = text.indexOf('\n', ins.keywordSpan.start);
  const head = text.slice(ins.keywordSpan.start, firstLineEnd < 0 ? text.length : firstLineEnd);
  const m = /<<-?(["']?)([A-Za-z_][A-Za-z0-9_]*)\1/.exec(head);
  if (!m) return undefined;
  const body = text.slice(firstLineEnd < 0 ? text.length : firstLineEnd + 1, ins.span.end + 1);
  const closing = new RegExp(`^\\s*${m[2]}\\s*$`, 'm');
  return closing.test(body) ? undefined : m[2];
}

/** Line starts the way dockerfile-ast counts lines (\n, \r\n and lone \r). */
function computeLineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\r') {
      if (text[i + 1] === '\n') i++;
      starts.push(i + 1);
    } else if (c === '\n') starts.push(i + 1);
  }
  return starts;
}

registerLoader({ name: 'dockerfile', matches: isDockerfilePath, load: loadDockerfile, prepare: loadDockerfileParser });

/** Dockerfile `ENV` values, pointing at each value. */
registerEnvCollector((ws) => {
  const out: EnvValue[] = [];
  for (const unit of ws.unitsOf<DockerfileUnit>('dockerfile')) {
    for (const ins of unit.instructions) {
      if (ins.keyword !== 'ENV') continue;
      ins.properties.forEach((p, k) => {
        if (p.value === undefined) return;
        out.push({ name: p.name, value: p.value, source: 'dockerfile', at: { unit, basePath: [] }, path: ['instructions', ins.index, 'property', k] });
      });
    }
  }
  return out;
});
