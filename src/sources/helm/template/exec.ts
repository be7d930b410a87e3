// Executor for parsed Go templates, with Go's semantics for fields, functions, pipelines,
// variables, control structures and printing. Output goes to a MappedWriter so every
// rendered character knows its origin.
import type { ArgNode, CommandNode, ListNode, Node, ParsedTemplate, PipeNode } from './ast.js';
import { parseTemplate, TemplateSyntaxError } from './parser.js';
import { formatV } from './format.js';
import { GoStruct, hasOwn, isMap, isNil, isTrue, sortedKeys, typeName } from './values.js';
import { describeOrigin, lineCandidates, MappedWriter, OriginFile, valueOrigin, type LineCandidate, type Origin } from '../sourcemap.js';

/** Parameter types a function declares; arguments are checked as Go's reflection would. */
export type ParamType = 'any' | 'string' | 'int' | 'float64' | 'bool' | 'map' | 'list';

export interface FuncDef {
  params: ParamType[];
  variadic?: ParamType;
  /** and/or: receive thunks, evaluated lazily. */
  lazy?: boolean;
  fn: (ctx: CallContext, ...args: any[]) => unknown;
}

export type FuncMap = Map<string, FuncDef>;

/** An error from a template function that Helm reports as `execution error at (file:line:col): msg`. */
export class HelmFailError extends Error {}

/** A failure while executing, with the innermost template position. */
export class ExecError extends Error {
  constructor(
    message: string,
    readonly source: TemplateSource,
    readonly pos: number,
    readonly kind: 'exec' | 'parse' | 'fail',
    readonly detail: string,
  ) {
    super(message);
  }
  /** Where the failing named template was included from, outermost last. */
  readonly via: string[] = [];
}

/** A template file as the engine knows it. */
export interface TemplateSource {
  /** Helm's name: chart/templates/x.yaml. */
  name: string;
  file: OriginFile;
  parsed?: ParsedTemplate;
  parseError?: ExecError;
}

interface Define { list: ListNode; source: TemplateSource }

const MISSING = Symbol('missing');
/** Nested template calls allowed (Helm allows 1000 includes of one name; deeper JS stacks overflow first). */
const MAX_DEPTH = 250;

/** All templates of a render (a chart and its subcharts): named templates are shared. */
export class TemplateSet {
  readonly defines = new Map<string, Define>();
  readonly sources = new Map<string, TemplateSource>();
  private readonly tplCache = new Map<string, ParsedTemplate | ExecError>();

  constructor(readonly funcs: FuncMap, readonly options: { seed?: string } = {}) {}

  private readonly hasFunc = (name: string) => this.funcs.has(name);

  /** Parse and add a source. Parse errors are kept on the source (Helm would fail the whole render). */
  add(source: TemplateSource): void {
    this.sources.set(source.name, source);
    try {
      source.parsed = cachedParse(source.name, source.file.text, this.funcs, this.hasFunc);
    } catch (err) {
      if (!(err instanceof TemplateSyntaxError)) throw err;
      const line = source.file.lineOf(err.pos);
      source.parseError = new ExecError(`parse error at (${source.name}:${line}): ${err.message}`, source, err.pos, 'parse', err.message);
      return;
    }
    for (const [name, list] of source.parsed.defines) {
      const old = this.defines.get(name);
      if (old && old.list.nodes.length && isBlank(list)) continue;
      this.defines.set(name, { list, source });
    }
  }

  /** Parse text given to `tpl` (cached: the same string is parsed once). */
  parseInline(text: string, source: TemplateSource): ParsedTemplate | ExecError {
    let cached = this.tplCache.get(text);
    if (!cached) {
      try {
        cached = parseTemplate(source.name, text, { hasFunc: this.hasFunc });
      } catch (err) {
        if (!(err instanceof TemplateSyntaxError)) throw err;
        const line = text.slice(0, err.pos).split('\n').length;
        cached = new ExecError(`parse error at (${source.name}:${line}): ${err.message}`, source, 0, 'parse', err.message);
      }
      this.tplCache.set(text, cached);
    }
    return cached;
  }

  /** Execute one template file's body with `data` as dot. */
  execute(name: string, data: unknown): { writer: MappedWriter } {
    const source = this.sources.get(name);
    if (!source) throw new Error(`no template ${JSON.stringify(name)}`);
    if (source.parseError) throw source.parseError;
    const writer = new MappedWriter();
    const st = new State(this, source, writer, data, 0, new Map());
    st.walkList(data, source.parsed!.root);
    return { writer };
  }
}

/** Parsed templates are immutable: render matrices and repeated scans reuse them. */
const parseCache = new Map<string, ParsedTemplate | TemplateSyntaxError>();
const MAX_CACHED = 5000;

function cachedParse(name: string, text: string, funcs: FuncMap, hasFunc: (n: string) => boolean): ParsedTemplate {
  const key = `${funcs.size}\0${name}\0${text}`;
  let hit = parseCache.get(key);
  if (!hit) {
    try {
      hit = parseTemplate(name, text, { hasFunc });
    } catch (err) {
      if (!(err instanceof TemplateSyntaxError)) throw err;
      hit = err;
    }
    if (parseCache.size >= MAX_CACHED) parseCache.clear();
    parseCache.set(key, hit);
  }
  if (hit instanceof TemplateSyntaxError) throw hit;
  return hit;
}

function isBlank(list: ListNode): boolean {
  return list.nodes.every((n) => n.type === 'text' && !n.text.trim());
}

/** What a function sees of the executing template. */
export interface CallContext {
  readonly set: TemplateSet;
  readonly source: TemplateSource;
  /** Execute a named template into a string (`include`). */
  include(name: string, data: unknown): string;
  /** Parse and execute a string as a template (`tpl`). */
  tpl(text: string, data: unknown): string;
  /** Offer rendered lines whose origin is known (toYaml of values). */
  addLines(lines: LineCandidate[]): void;
  /** The values origin of a map entry, when known. */
  originOf(container: unknown, key: string | number): Origin | undefined;
}

type Flow = undefined | 'break' | 'continue';

class State implements CallContext {
  private vars: { name: string; value: unknown }[];
  /** Lines and values seen while evaluating the current action. */
  private lines: LineCandidate[] = [];
  private values: { value: unknown; origin: Origin }[] = [];
  private actionNode: { pos: number } = { pos: 0 };

  constructor(
    readonly set: TemplateSet,
    public source: TemplateSource,
    private readonly out: MappedWriter,
    root: unknown,
    private readonly depth: number,
    private readonly includeDepth: Map<string, number>,
    private readonly localDefines?: Map<string, Define>,
    /** The executing template's name (a file, or a define), for messages. */
    private readonly name: string = source.name,
  ) {
    this.vars = [{ name: '$', value: root }];
  }

  // ---- errors
  private error(pos: number, msg: string, at?: string): never {
    const { line, column } = this.source.file.position(pos);
    const where = `${this.source.name}:${line}:${column}`;
    throw new ExecError(`template: ${where}: executing "${this.name}" at <${at ?? '?'}>: ${msg}`, this.source, pos, 'exec', msg);
  }

  private fail(pos: number, msg: string): never {
    const { line, column } = this.source.file.position(pos);
    throw new ExecError(`execution error at (${this.source.name}:${line}:${column}): ${msg}`, this.source, pos, 'fail', msg);
  }

  // ---- walking
  walkList(dot: unknown, list: ListNode): Flow {
    for (const node of list.nodes) {
      const flow = this.walk(dot, node);
      if (flow) return flow;
    }
    return undefined;
  }

  private walk(dot: unknown, node: Node): Flow {
    switch (node.type) {
      case 'text':
        this.out.write(node.text, { file: this.source.file, offset: node.pos, exact: true });
        return undefined;
      case 'action': {
        this.lines = [];
        this.values = [];
        this.actionNode = node;
        const val = this.evalPipeline(dot, node.pipe);
        if (!node.pipe.decl.length) this.printAction(node.pos, val);
        return undefined;
      }
      case 'if': case 'with': {
        const mark = this.vars.length;
        const val = this.evalPipeline(dot, node.pipe);
        let flow: Flow;
        if (isTrue(val)) flow = this.walkList(node.type === 'with' ? val : dot, node.list);
        else if (node.elseList) flow = this.walkList(dot, node.elseList);
        this.vars.length = mark;
        return flow;
      }
      case 'range': return this.walkRange(dot, node);
      case 'template': {
        const data = node.pipe ? this.evalPipeline(dot, node.pipe) : null;
        const def = this.lookupDefine(node.name);
        if (!def) this.error(node.pos, `template: no template ${JSON.stringify(node.name)} associated with template ${JSON.stringify(this.source.name)}`, `template ${JSON.stringify(node.name)}`);
        this.runDefine(def, data, this.out, node.pos, node.name);
        return undefined;
      }
      case 'break': case 'continue':
        return node.type;
    }
  }

  private lookupDefine(name: string): Define | undefined {
    return this.localDefines?.get(name) ?? this.set.defines.get(name);
  }

  private runDefine(def: Define, data: unknown, out: MappedWriter, pos: number, name: string): void {
    if (this.depth >= MAX_DEPTH) this.error(pos, `exceeded maximum template depth (${MAX_DEPTH})`);
    const st = new State(this.set, def.source, out, data, this.depth + 1, this.includeDepth, this.localDefines, name);
    st.walkList(data, def.list);
  }

  private walkRange(dot: unknown, node: Extract<Node, { type: 'range' }>): Flow {
    const outer = this.vars.length;
    const val = this.evalPipeline(dot, node.pipe);
    const decl = node.pipe.decl;
    const assign = node.pipe.isAssign;
    const mark = this.vars.length;
    const setTop = (name: string, fromTop: number, v: unknown) => {
      if (assign) this.setVar(name, v);
      else this.vars[mark - fromTop].value = v;
    };
    const one = (key: unknown, elem: unknown): Flow => {
      if (decl.length === 1) setTop(decl[0], 1, elem);
      else if (decl.length === 2) {
        setTop(decl[0], 2, key);
        setTop(decl[1], 1, elem);
      }
      const flow = this.walkList(elem, node.list);
      this.vars.length = mark;
      return flow;
    };
    let ran = false;
    if (Array.isArray(val) || val instanceof Uint8Array) {
      for (let k = 0; k < val.length; k++) {
        ran = true;
        const elem = val instanceof Uint8Array ? BigInt(val[k]) : val[k];
        if (one(BigInt(k), elem) === 'break') break;
      }
    } else if (isMap(val)) {
      for (const k of sortedKeys(val)) {
        ran = true;
        if (one(k, val[k]) === 'break') break;
      }
    } else if (typeof val === 'bigint') {
      if (decl.length > 1) this.error(node.pos, `can't use ${decl.join(', ')} to iterate over int`, 'range');
      for (let k = 0n; k < val; k++) {
        ran = true;
        if (one(k, k) === 'break') break;
      }
    } else if (!isNil(val)) {
      this.error(node.pos, `range can't iterate over ${formatV(val)}`, 'range');
    }
    this.vars.length = outer;
    if (!ran && node.elseList) return this.walkList(dot, node.elseList);
    return undefined;
  }

  private setVar(name: string, value: unknown): void {
    for (let k = this.vars.length - 1; k >= 0; k--) {
      if (this.vars[k].name === name) {
        this.vars[k].value = value;
        return;
      }
    }
    this.error(this.actionNode.pos, `undefined variable: ${name}`);
  }

  private getVar(name: string, pos: number): unknown {
    for (let k = this.vars.length - 1; k >= 0; k--) if (this.vars[k].name === name) return this.vars[k].value;
    this.error(pos, `undefined variable: ${name}`, name);
  }

  // ---- printing with provenance
  private printAction(pos: number, val: unknown): void {
    const text = isNil(val) ? '<no value>' : printString(val);
    if (!text) return;
    const base: Origin = { file: this.source.file, offset: pos };
    const note = this.valueNote(text);
    const actionOrigin: Origin = note ? { ...base, note } : base;
    if (!this.lines.length) {
      this.out.write(text, actionOrigin);
      return;
    }
    this.writeMatchedLines(text, actionOrigin);
  }

  /** Write multi-line output, giving each line the origin of a known line with the same text. */
  private writeMatchedLines(text: string, actionOrigin: Origin): void {
    // Index the known lines by text; take the first unused match at or after the last one.
    const byText = new Map<string, number[]>();
    this.lines.forEach((c, k) => {
      const key = c.text.trim();
      const list = byText.get(key);
      if (list) list.push(k);
      else byText.set(key, [k]);
    });
    let next = 0;
    let start = 0;
    const here = `${this.source.name.replace(/^[^/]+\//, '')}:${this.source.file.lineOf(actionOrigin.offset)}`;
    while (start < text.length) {
      let end = text.indexOf('\n', start);
      end = end < 0 ? text.length : end + 1;
      const line = text.slice(start, end);
      const trimmed = line.trim();
      let origin = actionOrigin;
      const list = trimmed ? byText.get(trimmed) : undefined;
      if (list) {
        const found = list.find((k) => k >= next) ?? list[0];
        next = found + 1;
        const o = this.lines[found].origin;
        if (!o.file.text) origin = { ...actionOrigin, note: `value from ${describeOrigin(o)}` };
        else if (o.note || o.file === this.source.file) origin = o;
        else origin = { ...o, note: o.file.isTemplate ? `included at ${here}` : `rendered at ${here}` };
      }
      const lead = line.length - line.trimStart().length;
      if (lead && trimmed) {
        this.out.write(line.slice(0, lead), actionOrigin);
        this.out.write(line.slice(lead), origin);
      } else {
        this.out.write(line, origin);
      }
      start = end;
    }
  }

  private valueNote(text: string): string | undefined {
    for (const v of this.values) {
      if (isNil(v.value) || typeof v.value === 'object') continue;
      const s = formatV(v.value);
      if (s && text.includes(s)) return `value from ${describeOrigin(v.origin)}`;
    }
    return undefined;
  }

  private noteValue(container: unknown, key: string | number, value: unknown): void {
    const o = valueOrigin(container, key);
    if (o) this.values.push({ value, origin: o });
  }

  // ---- CallContext
  include(name: string, data: unknown): string {
    const def = this.lookupDefine(name);
    if (!def) throw new Error(`template: no template ${JSON.stringify(name)} associated with template ${JSON.stringify(this.source.name)}`);
    const count = this.includeDepth.get(name) ?? 0;
    if (count >= MAX_DEPTH) throw new Error(`rendering template has a nested reference name: ${name}: unable to execute template`);
    this.includeDepth.set(name, count + 1);
    const writer = new MappedWriter();
    try {
      this.runDefine(def, data, writer, this.actionNode.pos, name);
    } finally {
      this.includeDepth.set(name, count);
    }
    this.lines.push(...lineCandidates(writer.text, writer.segments));
    return writer.text;
  }

  tpl(text: string, data: unknown): string {
    const parsed = this.set.parseInline(text, this.source);
    if (parsed instanceof ExecError) throw new Error(`tpl: ${parsed.detail}`);
    let defines = this.localDefines;
    if (parsed.defines.size) {
      defines = new Map(this.localDefines ?? []);
      for (const [k, list] of parsed.defines) defines.set(k, { list, source: this.source });
    }
    // The inline text has no file of its own: map its output to the calling action.
    const file = new OriginFile(this.source.file.path, text, this.source.name);
    const src: TemplateSource = { name: this.source.name, file, parsed };
    const writer = new MappedWriter();
    const st = new State(this.set, src, writer, data, this.depth + 1, this.includeDepth, defines);
    try {
      st.walkList(data, parsed.root);
    } catch (err) {
      // Positions inside the tpl string mean nothing in the file: report at the calling action.
      if (err instanceof ExecError && err.source === src) throw new Error(err.message.replace(/^template: [^:]+:\d+:\d+: /, 'tpl: '));
      throw err;
    }
    return writer.text.split('<no value>').join('');
  }

  addLines(lines: LineCandidate[]): void {
    for (const l of lines) this.lines.push(l);
  }

  originOf(container: unknown, key: string | number): Origin | undefined {
    return valueOrigin(container, key);
  }

  // ---- evaluation
  private evalPipeline(dot: unknown, pipe: PipeNode): unknown {
    let val: unknown = MISSING;
    for (const cmd of pipe.cmds) val = this.evalCommand(dot, cmd, val);
    if (val === MISSING) val = undefined;
    for (const name of pipe.decl) {
      if (pipe.isAssign) this.setVar(name, val);
      else this.vars.push({ name, value: val });
    }
    return val;
  }

  private evalCommand(dot: unknown, cmd: CommandNode, final: unknown): unknown {
    const first = cmd.args[0];
    switch (first.type) {
      case 'field': return this.evalFieldChain(dot, dot, first, first.ident, cmd.args, final);
      case 'chain': {
        const recv = this.evalArgValue(dot, first.node);
        return this.evalFieldChain(dot, recv, first, first.ident, cmd.args, final);
      }
      case 'identifier': return this.evalFunction(dot, first.name, first.pos, cmd.args, final);
      case 'pipe':
        this.notAFunction(cmd.args, final, first.pos);
        return this.evalPipeline(dot, first.pipe);
      case 'variable': {
        const v = this.getVar(first.name, first.pos);
        if (!first.ident.length) {
          this.notAFunction(cmd.args, final, first.pos);
          return v;
        }
        return this.evalFieldChain(dot, v, first, first.ident, cmd.args, final);
      }
    }
    this.notAFunction(cmd.args, final, first.pos);
    switch (first.type) {
      case 'bool': return first.value;
      case 'dot': return dot;
      case 'nil': this.error(first.pos, 'nil is not a command', 'nil');
      case 'number': return this.idealConstant(first.text, first.pos);
      case 'string': return first.value;
    }
  }

  private notAFunction(args: ArgNode[], final: unknown, pos: number): void {
    if (args.length > 1 || final !== MISSING) this.error(pos, `can't give argument to non-function ${argString(args[0])}`, argString(args[0]));
  }

  private evalFieldChain(dot: unknown, recv: unknown, node: ArgNode, ident: string[], args: ArgNode[], final: unknown): unknown {
    const n = ident.length;
    for (let k = 0; k < n - 1; k++) recv = this.evalField(dot, ident[k], node, [], MISSING, recv);
    return this.evalField(dot, ident[n - 1], node, args, final, recv);
  }

  private evalField(dot: unknown, name: string, node: ArgNode, args: ArgNode[], final: unknown, recv: unknown): unknown {
    const at = argString(node);
    if (isNil(recv)) this.error(node.pos, `nil pointer evaluating interface {}.${name}`, at);
    const hasArgs = args.length > 1 || final !== MISSING;
    if (recv instanceof GoStruct) {
      const method = recv.methods[name];
      if (method) {
        const vals = args.slice(1).map((a) => this.evalArgValue(dot, a));
        if (final !== MISSING) vals.push(final);
        try {
          return method(...vals);
        } catch (err) {
          if (err instanceof ExecError) throw err;
          this.error(node.pos, `error calling ${name}: ${(err as Error).message}`, at);
        }
      }
      if (hasOwn(recv.fields, name)) {
        if (hasArgs) this.error(node.pos, `${name} has arguments but cannot be invoked as function`, at);
        return recv.fields[name];
      }
      this.error(node.pos, `can't evaluate field ${name} in type ${recv.typeName}`, at);
    }
    if (isMap(recv)) {
      if (hasArgs) this.error(node.pos, `${name} is not a method but has arguments`, at);
      if (!hasOwn(recv, name)) return undefined;
      const v = recv[name];
      this.noteValue(recv, name, v);
      return v;
    }
    this.error(node.pos, `can't evaluate field ${name} in type ${typeName(recv)}`, at);
  }

  private evalFunction(dot: unknown, name: string, pos: number, args: ArgNode[], final: unknown): unknown {
    const def = this.set.funcs.get(name);
    if (!def) this.error(pos, `function "${name}" not defined`, name);
    const at = commandString(args);
    const given = args.slice(1);
    const nargs = given.length + (final !== MISSING ? 1 : 0);
    const fixed = def.params.length;
    if (def.variadic ? nargs < fixed : nargs !== fixed) {
      this.error(pos, `wrong number of args for ${name}: want ${def.variadic ? 'at least ' : ''}${fixed} got ${nargs}`, at);
    }
    let vals: unknown[];
    if (def.lazy) {
      vals = given.map((a) => () => this.evalArgValue(dot, a));
      if (final !== MISSING) vals.push(() => final);
    } else {
      vals = [];
      for (let k = 0; k < given.length; k++) vals.push(this.evalArg(dot, given[k], k < fixed ? def.params[k] : def.variadic!, name, at));
      if (final !== MISSING) vals.push(this.convert(final, nargs - 1 < fixed ? def.params[nargs - 1] : def.variadic!, pos, name, at));
    }
    try {
      return def.fn(this, ...vals);
    } catch (err) {
      if (err instanceof ExecError) {
        if (err.source !== this.source || name === 'tpl') {
          const { line, column } = this.source.file.position(pos);
          err.via.push(`${name} at ${this.source.name}:${line}:${column}`);
        }
        throw err;
      }
      if (err instanceof HelmFailError) this.fail(pos, err.message);
      this.error(pos, `error calling ${name}: ${(err as Error).message}`, at);
    }
  }

  private evalArgValue(dot: unknown, arg: ArgNode): unknown {
    switch (arg.type) {
      case 'dot': return dot;
      case 'nil': return null;
      case 'bool': return arg.value;
      case 'number': return this.idealConstant(arg.text, arg.pos);
      case 'string': return arg.value;
      case 'field': return this.evalFieldChain(dot, dot, arg, arg.ident, [arg], MISSING);
      case 'variable': {
        const v = this.getVar(arg.name, arg.pos);
        return arg.ident.length ? this.evalFieldChain(dot, v, arg, arg.ident, [arg], MISSING) : v;
      }
      case 'chain': return this.evalFieldChain(dot, this.evalArgValue(dot, arg.node), arg, arg.ident, [arg], MISSING);
      case 'identifier': return this.evalFunction(dot, arg.name, arg.pos, [arg], MISSING);
      case 'pipe': return this.evalPipeline(dot, arg.pipe);
    }
  }

  private evalArg(dot: unknown, arg: ArgNode, type: ParamType, fname: string, at: string): unknown {
    if (arg.type === 'number' && type !== 'any') {
      const v = this.numberAs(arg.text, type, arg.pos, at);
      return v;
    }
    if (arg.type === 'nil') {
      if (type === 'any' || type === 'map' || type === 'list') return null;
      this.error(arg.pos, `cannot assign nil to ${goTypeOf(type)}`, at);
    }
    if ((arg.type === 'string' || arg.type === 'bool') && type !== 'any' && type !== (arg.type === 'string' ? 'string' : 'bool')) {
      this.error(arg.pos, `expected ${goTypeOf(type)}; found ${argString(arg)}`, at);
    }
    return this.convert(this.evalArgValue(dot, arg), type, arg.pos, fname, at);
  }

  /** Go's validateType: is a value acceptable for a parameter? */
  private convert(v: unknown, type: ParamType, pos: number, _fname: string, at: string): unknown {
    switch (type) {
      case 'any': return v;
      case 'map':
        if (isNil(v) || isMap(v)) return v ?? null;
        break;
      case 'list':
        if (isNil(v) || Array.isArray(v)) return v ?? null;
        break;
      case 'string': if (typeof v === 'string') return v; break;
      case 'int': if (typeof v === 'bigint') return v; break;
      case 'float64': if (typeof v === 'number') return v; break;
      case 'bool': if (typeof v === 'boolean') return v; break;
    }
    if (isNil(v)) this.error(pos, `invalid value; expected ${goTypeOf(type)}`, at);
    this.error(pos, `wrong type for value; expected ${goTypeOf(type)}; got ${typeName(v)}`, at);
  }

  private numberAs(text: string, type: ParamType, pos: number, at: string): unknown {
    const v = parseNumber(text);
    if (!v) this.error(pos, `illegal number syntax: ${text}`, at);
    if (type === 'int') {
      if (v.int === undefined) this.error(pos, `expected integer; found ${text}`, at);
      return v.int;
    }
    if (type === 'float64') return v.float;
    this.error(pos, `expected ${goTypeOf(type)}; found ${text}`, at);
  }

  private idealConstant(text: string, pos: number): unknown {
    const v = parseNumber(text);
    if (!v) this.error(pos, `illegal number syntax: ${text}`, text);
    if (v.isFloatSyntax || v.int === undefined) return v.float;
    return v.int;
  }
}

/** Go number literal: ints (with base prefixes and _), floats, and 'c' character constants. */
export function parseNumber(text: string): { int?: bigint; float: number; isFloatSyntax: boolean } | undefined {
  if (text.startsWith("'")) {
    const body = text.slice(1, -1);
    const ch = body.startsWith('\\') ? JSON.parse(`"${body.replace(/^\\'/, "'")}"`) as string : body;
    const code = BigInt(ch.codePointAt(0) ?? 0);
    return { int: code, float: Number(code), isFloatSyntax: false };
  }
  const clean = text.replace(/_/g, '');
  const neg = clean.startsWith('-');
  const body = clean.replace(/^[+-]/, '');
  const isHex = /^0[xX]/.test(body);
  let int: bigint | undefined;
  try {
    if (/^0[xX][0-9a-fA-F]+$/.test(body) || /^0[bB][01]+$/.test(body) || /^0[oO][0-7]+$/.test(body)) int = BigInt(body.toLowerCase().replace(/^0o/, '0o'));
    else if (/^0[0-7]+$/.test(body)) int = BigInt('0o' + body.slice(1));
    else if (/^\d+$/.test(body)) int = BigInt(body);
  } catch {
    int = undefined;
  }
  const isFloatSyntax = !isHex && /[.eE]/.test(body);
  let float: number;
  if (int !== undefined) float = Number(int);
  else if (/^(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(body)) float = Number(body);
  else return undefined;
  if (neg) {
    float = -float;
    if (int !== undefined) int = -int;
  }
  if (int === undefined && Number.isInteger(float) && !isFloatSyntax) int = BigInt(float);
  if (int === undefined && isFloatSyntax && Number.isInteger(float) && Math.abs(float) < 2 ** 63) int = BigInt(float);
  return { int, float, isFloatSyntax };
}

function goTypeOf(t: ParamType): string {
  return t === 'map' ? 'map[string]interface {}' : t === 'list' ? '[]interface {}' : t === 'any' ? 'interface {}' : t;
}

/** The Go-ish string form of an argument, for error messages. */
export function argString(a: ArgNode): string {
  switch (a.type) {
    case 'field': return '.' + a.ident.join('.');
    case 'variable': return [a.name, ...a.ident].join('.');
    case 'dot': return '.';
    case 'nil': return 'nil';
    case 'bool': return String(a.value);
    case 'number': return a.text;
    case 'string': return JSON.stringify(a.value);
    case 'identifier': return a.name;
    case 'pipe': return '(' + a.pipe.cmds.map((c) => commandString(c.args)).join(' | ') + ')';
    case 'chain': return argString(a.node) + '.' + a.ident.join('.');
  }
}

function commandString(args: ArgNode[]): string {
  return args.map(argString).join(' ');
}

/** How an action prints a value (Go's printValue): Stringers, then %v. */
export function printString(v: unknown): string {
  return formatV(v);
}
