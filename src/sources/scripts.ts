// Shell scripts (and Makefiles) of the repo, read for `docker build` / `docker buildx build`
// commands: which platforms they build, which tags, which Dockerfile and context.
// The same reader serves workflow `run:` steps.
import type { KeyPath, SourceFile, Span, Unit } from '../model.js';
import { baseName, registerLoader, type LoadResult } from './registry.js';
import { replaceVars, type VarOp } from '../util/shell-vars.js';

export interface ShellWord {
  /** Text with quotes removed. */
  text: string;
  start: number;
  end: number;
}

export interface DockerBuildCommand {
  /** `docker buildx build`, `docker build`, `podman build`... as written (normalised spacing). */
  tool: string;
  /** buildx honours --platform lists; classic `docker build` builds one platform. */
  buildx: boolean;
  span: Span;
  /** The `--platform` flag with its value, when given. */
  platform?: { value: string; span: Span };
  tags: string[];
  file?: string;
  context?: string;
  /** `--push` or an output of type registry. */
  push: boolean;
}

/** Flags of docker build/buildx build that take a value (the rest are booleans). */
const VALUE_FLAGS = new Set([
  '--platform', '-t', '--tag', '-f', '--file', '--build-arg', '--label', '--cache-from', '--cache-to', '--target',
  '--secret', '--ssh', '-o', '--output', '--iidfile', '--metadata-file', '--progress', '--builder', '--network',
  '--add-host', '--allow', '--annotation', '--attest', '--build-context', '--cgroup-parent', '--shm-size',
  '--ulimit', '--provenance', '--sbom', '--isolation', '-m', '--memory', '--memory-swap', '--cpu-shares',
  '--cpuset-cpus', '--cpuset-mems', '--cpu-period', '--cpu-quota', '--security-opt', '--call', '--check',
]);

/** Split a shell text into simple commands: continuation lines joined, split at `;`, `&&`, `||`, `|` and newlines. */
export function shellCommands(text: string): ShellWord[][] {
  const commands: ShellWord[][] = [];
  let words: ShellWord[] = [];
  let i = 0;
  const n = text.length;
  const endCommand = () => {
    if (words.length) commands.push(words);
    words = [];
  };
  while (i < n) {
    const c = text[i];
    if (c === '\\' && (text[i + 1] === '\n' || (text[i + 1] === '\r' && text[i + 2] === '\n'))) {
      i += text[i + 1] === '\r' ? 3 : 2;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\r') {
      i++;
      continue;
    }
    if (c === '\n' || c === ';' || c === '|' || c === '&' || c === '(' || c === ')' || c === '`') {
      endCommand();
      i++;
      continue;
    }
    if (c === '#' && (i === 0 || /\s/.test(text[i - 1]))) {
      while (i < n && text[i] !== '\n') i++;
      continue;
    }
    const start = i;
    let out = '';
    let quote = '';
    while (i < n) {
      const ch = text[i];
      if (quote) {
        if (ch === quote) quote = '';
        else if (ch === '\\' && quote === '"' && i + 1 < n) out += text[++i];
        else out += ch;
        i++;
        continue;
      }
      if (ch === '"' || ch === "'") {
        quote = ch;
        i++;
        continue;
      }
      if (ch === '\\' && i + 1 < n && text[i + 1] !== '\n' && text[i + 1] !== '\r') {
        out += text[i + 1];
        i += 2;
        continue;
      }
      if (/[\s;|&()`]/.test(ch)) break;
      if (ch === '$' && text.startsWith('${{', i)) {
        // A GitHub Actions expression is substituted before the shell runs: keep it whole.
        const close = text.indexOf('}}', i);
        const stop = close < 0 ? n : close + 2;
        out += text.slice(i, stop);
        i = stop;
        continue;
      }
      if (ch === '$' && text[i + 1] === '(') {
        // Keep `$(...)` as part of the word.
        let depth = 0;
        while (i < n) {
          out += text[i];
          if (text[i] === '(') depth++;
          else if (text[i] === ')' && --depth === 0) {
            i++;
            break;
          }
          i++;
        }
        continue;
      }
      out += ch;
      i++;
    }
    words.push({ text: out, start, end: i });
  }
  endCommand();
  return commands;
}

/** Plain `NAME=value` / `export NAME=value` assignments, for resolving `$PLATFORMS` in the same script. */
export function shellAssignments(commands: ShellWord[][]): Map<string, string> {
  const vars = new Map<string, string>();
  for (const words of commands) {
    const list = words[0]?.text === 'export' ? words.slice(1) : words;
    if (list.length !== 1) continue;
    const m = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(list[0].text);
    if (m) vars.set(m[1], m[2]);
  }
  return vars;
}

const DEFAULT_OPS: VarOp[] = [':-', '-'];

/** Expand `$NAME`, `${NAME}`, `${NAME:-default}` from known assignments; undefined when one is unknown. */
export function expandShell(text: string, vars: Map<string, string>): string | undefined {
  let unknown = false;
  const out = replaceVars(text, DEFAULT_OPS, (name, _op, dflt) => {
    const v = vars.get(name);
    if (v !== undefined) return v;
    if (dflt !== undefined) return dflt;
    unknown = true;
    return '';
  });
  if (/\$\(|\$\{\{/.test(out)) return undefined;
  return unknown ? undefined : out;
}

/** Every docker/podman build command in a shell text. */
export function findDockerBuilds(text: string): DockerBuildCommand[] {
  const out: DockerBuildCommand[] = [];
  for (const words of shellCommands(text)) {
    let k = 0;
    // Skip `sudo`, `env A=b`, leading assignments.
    while (k < words.length && (words[k].text === 'sudo' || words[k].text === 'env' || /^[A-Za-z_][A-Za-z0-9_]*=/.test(words[k].text))) k++;
    const w = words.slice(k).map((x) => x.text);
    let argsFrom = -1;
    let buildx = false;
    if ((w[0] === 'docker' || w[0] === 'podman') && w[1] === 'buildx' && (w[2] === 'build' || w[2] === 'b')) {
      argsFrom = 3;
      buildx = true;
    } else if ((w[0] === 'docker' || w[0] === 'podman') && w[1] === 'image' && w[2] === 'build') argsFrom = 3;
    else if ((w[0] === 'docker' || w[0] === 'podman' || w[0] === 'nerdctl') && w[1] === 'build') {
      argsFrom = 2;
      buildx = w[0] !== 'docker';
    }
    if (argsFrom < 0) continue;
    const args = words.slice(k + argsFrom);
    const cmd: DockerBuildCommand = {
      tool: w.slice(0, argsFrom).join(' '),
      buildx,
      span: { start: words[k].start, end: words[words.length - 1].end },
      tags: [],
      push: false,
    };
    for (let i = 0; i < args.length; i++) {
      const word = args[i];
      const eq = word.text.startsWith('--') ? word.text.indexOf('=') : -1;
      const flag = eq > 0 ? word.text.slice(0, eq) : word.text;
      if (!flag.startsWith('-')) {
        cmd.context ??= word.text;
        continue;
      }
      let value: string | undefined;
      let end = word.end;
      if (eq > 0) value = word.text.slice(eq + 1);
      else if (VALUE_FLAGS.has(flag) && i + 1 < args.length) {
        value = args[++i].text;
        end = args[i].end;
      }
      switch (flag) {
        case '--platform':
          if (value !== undefined) cmd.platform = { value, span: { start: word.start, end } };
          break;
        case '-t': case '--tag':
          if (value !== undefined) cmd.tags.push(value);
          break;
        case '-f': case '--file':
          cmd.file = value;
          break;
        case '--push':
          cmd.push = true;
          break;
        case '-o': case '--output':
          if (value && /type=(registry|image[^,]*,.*push=true)/.test(value)) cmd.push = true;
          break;
      }
    }
    out.push(cmd);
  }
  return out;
}

/** A shell script or Makefile; findings point into its text by span. */
export class ScriptUnit implements Unit {
  readonly kind = 'script' as const;
  constructor(readonly file: SourceFile) {}

  /** Paths are ['builds', i] for the i-th build command. */
  locate(path: KeyPath): Span {
    if (path[0] === 'builds' && typeof path[1] === 'number') {
      const b = this.builds[path[1]];
      if (b) return b.span;
    }
    return { start: 0, end: Math.min(1, this.file.text.length) };
  }

  private cached?: DockerBuildCommand[];
  get builds(): DockerBuildCommand[] {
    return (this.cached ??= findDockerBuilds(this.file.text));
  }

  get variables(): Map<string, string> {
    return shellAssignments(shellCommands(this.file.text));
  }
}

export function isScriptPath(path: string): boolean {
  const name = baseName(path);
  return /\.(sh|bash)$/.test(name) || name === 'Makefile' || name === 'GNUmakefile' || /\.mk$/.test(name);
}

export function loadScript(file: SourceFile): LoadResult {
  return { units: [new ScriptUnit(file)], problems: [] };
}

registerLoader({ name: 'script', matches: isScriptPath, load: loadScript });
