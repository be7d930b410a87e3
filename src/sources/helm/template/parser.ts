// Parser for Go text/template: tokens -> ParsedTemplate, with Go's parse-time checks
// (undefined variables, unknown functions, misplaced else/end/break).
import type { ArgNode, CommandNode, ListNode, Node, ParsedTemplate, PipeNode } from './ast.js';
import { lex, TemplateSyntaxError, type Token, type TokKind } from './lexer.js';

export { TemplateSyntaxError };

export interface ParseOptions {
  /** Is a function of this name defined? Unknown functions are parse errors, as in Go. */
  hasFunc: (name: string) => boolean;
}

type EndReason = 'end' | 'else' | 'eof';

class Parser {
  private i = 0;
  private vars: string[] = ['$'];
  private rangeDepth = 0;
  readonly defines = new Map<string, ListNode>();

  constructor(private readonly toks: Token[], private readonly opts: ParseOptions) {}

  private peek(): Token { return this.toks[this.i]; }
  private next(): Token { return this.toks[this.i++]; }
  private peekNonSpace(): Token {
    while (this.toks[this.i].kind === 'space') this.i++;
    return this.toks[this.i];
  }
  private nextNonSpace(): Token {
    const t = this.peekNonSpace();
    this.i++;
    return t;
  }
  private fail(msg: string, pos: number): never {
    throw new TemplateSyntaxError(msg, pos);
  }
  private expect(kind: TokKind, context: string): Token {
    const t = this.nextNonSpace();
    if (t.kind !== kind) this.unexpected(t, context);
    return t;
  }
  private unexpected(t: Token, context: string): never {
    const what = t.kind === 'eof' ? 'EOF' : t.kind === 'rightDelim' ? '"}}"' : t.kind === 'rightParen' ? '")"' : `"${t.val}"`;
    this.fail(`unexpected ${what} in ${context}`, t.pos);
  }

  parseTop(): ListNode {
    const list: ListNode = { pos: 0, nodes: [] };
    for (;;) {
      const t = this.peek();
      if (t.kind === 'eof') return list;
      if (t.kind === 'leftDelim') {
        const save = this.i;
        this.next();
        const kw = this.peekNonSpace();
        if (kw.kind === 'keyword' && kw.val === 'define') {
          this.next();
          this.parseDefine(kw.pos);
          continue;
        }
        this.i = save;
      }
      const [node, reason] = this.textOrAction();
      if (reason === 'end') this.fail('unexpected {{end}}', node!.pos);
      if (reason === 'else') this.fail('unexpected {{else}}', node!.pos);
      if (node) list.nodes.push(node);
    }
  }

  private parseDefine(pos: number): void {
    const nameTok = this.nextNonSpace();
    const name = this.stringValue(nameTok, 'define clause');
    this.expect('rightDelim', 'define clause');
    const saved = this.vars;
    this.vars = ['$'];
    const [list, reason, at] = this.itemList();
    this.vars = saved;
    if (reason !== 'end') this.fail(reason === 'else' ? 'unexpected {{else}} in define' : `unexpected EOF in define "${name}"`, at ?? pos);
    this.addDefine(name, list);
  }

  private addDefine(name: string, list: ListNode): void {
    const old = this.defines.get(name);
    if (old && old.nodes.length && list.nodes.every((n) => n.type === 'text' && !n.text.trim())) return;
    this.defines.set(name, list);
  }

  /** Parse nodes until {{end}}, {{else}} or EOF. */
  private itemList(): [ListNode, EndReason, number?] {
    const list: ListNode = { pos: this.peek().pos, nodes: [] };
    for (;;) {
      if (this.peek().kind === 'eof') return [list, 'eof', this.peek().pos];
      const [node, reason] = this.textOrAction();
      if (reason) return [list, reason, node?.pos];
      if (node) list.nodes.push(node);
    }
  }

  /** One text or action. For {{end}}/{{else}} returns the reason and leaves the parser after `end` / `else`. */
  private textOrAction(): [Node | undefined, EndReason | undefined] {
    const t = this.next();
    if (t.kind === 'text') return [{ type: 'text', pos: t.pos, text: t.val }, undefined];
    if (t.kind === 'comment') {
      this.next(); // its rightDelim
      return [undefined, undefined];
    }
    if (t.kind !== 'leftDelim') this.unexpected(t, 'input');
    return this.action(t.pos);
  }

  private action(pos: number): [Node | undefined, EndReason | undefined] {
    const t = this.peekNonSpace();
    if (t.kind === 'keyword') {
      this.next();
      switch (t.val) {
        case 'block': return [this.blockControl(t.pos), undefined];
        case 'break': case 'continue':
          if (!this.rangeDepth) this.fail(`{{${t.val}}} outside {{range}}`, t.pos);
          this.expect('rightDelim', t.val);
          return [{ type: t.val, pos: t.pos }, undefined];
        case 'else': return [{ type: 'text', pos: t.pos, text: '' }, 'else'];
        case 'end':
          this.expect('rightDelim', 'end');
          return [{ type: 'text', pos: t.pos, text: '' }, 'end'];
        case 'if': case 'with': return [this.ifControl(t.val, t.pos), undefined];
        case 'range': return [this.rangeControl(t.pos), undefined];
        case 'template': return [this.templateControl(t.pos), undefined];
        case 'define': this.fail('unexpected "define" inside a template body', t.pos);
      }
    }
    const pipe = this.pipeline('command', 'rightDelim');
    const end = this.toks[this.i - 1].pos + 2;
    return [{ type: 'action', pos, end, pipe }, undefined];
  }

  private stringValue(t: Token, context: string): string {
    if (t.kind === 'string') return unquote(t.val, t.pos);
    if (t.kind === 'rawString') return t.val.slice(1, -1);
    this.unexpected(t, context);
  }

  private templateControl(pos: number): Node {
    const name = this.stringValue(this.nextNonSpace(), 'template clause');
    let pipe: PipeNode | undefined;
    if (this.peekNonSpace().kind !== 'rightDelim') pipe = this.pipeline('template', 'rightDelim');
    else this.next();
    return { type: 'template', pos, name, pipe };
  }

  private blockControl(pos: number): Node {
    const name = this.stringValue(this.nextNonSpace(), 'block clause');
    const pipe = this.pipeline('block', 'rightDelim');
    const saved = this.vars;
    this.vars = ['$'];
    const [list, reason] = this.itemList();
    this.vars = saved;
    if (reason !== 'end') this.fail('unexpected EOF in block clause', pos);
    this.addDefine(name, list);
    return { type: 'template', pos, name, pipe };
  }

  /** if/with (with their `else if`/`else with` chains). Consumes the matching {{end}}. */
  private ifControl(kind: 'if' | 'with', pos: number): Node {
    const mark = this.vars.length;
    const pipe = this.pipeline(kind, 'rightDelim');
    if (pipe.decl.length > 1) this.fail(`too many declarations in ${kind}`, pipe.pos);
    const [list, reason, at] = this.itemList();
    let elseList: ListNode | undefined;
    if (reason === 'else') {
      const nxt = this.peekNonSpace();
      if (nxt.kind === 'keyword' && (nxt.val === 'if' || (nxt.val === 'with' && kind === 'with'))) {
        // `else if` / `else with`: a nested control that shares our {{end}}.
        this.next();
        const inner = this.ifControl(nxt.val as 'if' | 'with', nxt.pos);
        elseList = { pos: nxt.pos, nodes: [inner] };
      } else {
        this.expect('rightDelim', 'else');
        const [l2, r2, at2] = this.itemList();
        if (r2 !== 'end') this.fail(r2 === 'else' ? 'expected end; found {{else}}' : `unexpected EOF in ${kind}`, at2 ?? pos);
        elseList = l2;
      }
    } else if (reason !== 'end') {
      this.fail(`unexpected EOF in ${kind}`, at ?? pos);
    }
    this.vars.length = mark;
    return { type: kind, pos, pipe, list, elseList };
  }

  private rangeControl(pos: number): Node {
    const mark = this.vars.length;
    const pipe = this.pipeline('range', 'rightDelim');
    this.rangeDepth++;
    const [list, reason, at] = this.itemList();
    this.rangeDepth--;
    let elseList: ListNode | undefined;
    if (reason === 'else') {
      this.expect('rightDelim', 'else');
      const [l2, r2, at2] = this.itemList();
      if (r2 !== 'end') this.fail(r2 === 'else' ? 'expected end; found {{else}}' : 'unexpected EOF in range', at2 ?? pos);
      elseList = l2;
    } else if (reason !== 'end') {
      this.fail('unexpected EOF in range', at ?? pos);
    }
    this.vars.length = mark;
    return { type: 'range', pos, pipe, list, elseList };
  }

  /** A pipeline, ending at `end` (rightDelim or rightParen), which is consumed. */
  private pipeline(context: string, end: 'rightDelim' | 'rightParen'): PipeNode {
    const start = this.peekNonSpace();
    const pipe: PipeNode = { pos: start.pos, decl: [], isAssign: false, cmds: [] };
    // Declarations: `$x :=`, `$x =`, and in range `$i, $v :=`.
    if (start.kind === 'variable') {
      const save = this.i;
      this.next();
      const op = this.peekNonSpace();
      if (op.kind === 'declare' || op.kind === 'assign') {
        this.next();
        pipe.decl.push(start.val);
        pipe.isAssign = op.kind === 'assign';
        if (pipe.isAssign && !this.vars.includes(start.val)) this.fail(`undefined variable "${start.val}"`, start.pos);
      } else if (op.kind === 'comma' && context === 'range') {
        this.next();
        const v2 = this.nextNonSpace();
        if (v2.kind !== 'variable') this.fail('range can only initialize variables', v2.pos);
        const op2 = this.nextNonSpace();
        if (op2.kind !== 'declare' && op2.kind !== 'assign') this.fail('expected := or = after range variables', op2.pos);
        pipe.decl.push(start.val, v2.val);
        pipe.isAssign = op2.kind === 'assign';
      } else {
        this.i = save;
      }
      if (pipe.decl.length && !pipe.isAssign) this.vars.push(...pipe.decl);
    }
    for (;;) {
      const t = this.peekNonSpace();
      if (t.kind === end) {
        this.next();
        this.checkPipeline(pipe, context);
        return pipe;
      }
      if (t.kind === 'eof' || t.kind === 'rightDelim' || t.kind === 'rightParen') this.unexpected(t, context === 'command' ? 'command' : context);
      pipe.cmds.push(this.command(end));
    }
  }

  private checkPipeline(pipe: PipeNode, context: string): void {
    if (!pipe.cmds.length) this.fail(`missing value for ${context}`, pipe.pos);
    for (let k = 1; k < pipe.cmds.length; k++) {
      const first = pipe.cmds[k].args[0];
      if (['bool', 'dot', 'nil', 'number', 'string'].includes(first.type)) this.fail(`non executable command in pipeline stage ${k + 1}`, first.pos);
    }
  }

  private command(end: 'rightDelim' | 'rightParen'): CommandNode {
    const cmd: CommandNode = { pos: this.peekNonSpace().pos, args: [] };
    for (;;) {
      this.peekNonSpace();
      const op = this.operand();
      if (op) cmd.args.push(op);
      const t = this.peek();
      if (t.kind === 'space') { this.next(); continue; }
      if (t.kind === end) break;
      if (t.kind === 'pipe') { this.next(); break; }
      if (t.kind === 'rightDelim' || t.kind === 'rightParen') this.unexpected(t, 'operand');
      if (!op) this.unexpected(t, 'operand');
      this.fail(`missing space? unexpected "${t.val}" in operand`, t.pos);
    }
    if (!cmd.args.length) this.fail('empty command', cmd.pos);
    if (cmd.args.length > 1 && cmd.args[0].type === 'nil') this.fail('nil is not a command', cmd.args[0].pos);
    return cmd;
  }

  private operand(): ArgNode | undefined {
    const node = this.term();
    if (!node) return undefined;
    if (this.peek().kind !== 'field') return node;
    const ident: string[] = [];
    while (this.peek().kind === 'field') ident.push(this.next().val.slice(1));
    switch (node.type) {
      case 'field': return { ...node, ident: [...node.ident, ...ident] };
      case 'variable': return { ...node, ident: [...node.ident, ...ident] };
      case 'bool': case 'string': case 'number': case 'nil': case 'dot':
        this.fail(`unexpected . after term "${node.type}"`, node.pos);
      default: return { type: 'chain', pos: node.pos, node, ident };
    }
  }

  private term(): ArgNode | undefined {
    const t = this.next();
    switch (t.kind) {
      case 'identifier':
        if (!this.opts.hasFunc(t.val)) this.fail(`function "${t.val}" not defined`, t.pos);
        return { type: 'identifier', pos: t.pos, name: t.val };
      case 'dot': return { type: 'dot', pos: t.pos };
      case 'nil': return { type: 'nil', pos: t.pos };
      case 'variable':
        if (!this.vars.includes(t.val)) this.fail(`undefined variable "${t.val}"`, t.pos);
        return { type: 'variable', pos: t.pos, name: t.val, ident: [] };
      case 'field': return { type: 'field', pos: t.pos, ident: [t.val.slice(1)] };
      case 'bool': return { type: 'bool', pos: t.pos, value: t.val === 'true' };
      case 'number': return { type: 'number', pos: t.pos, text: t.val };
      case 'char': return { type: 'number', pos: t.pos, text: t.val };
      case 'string': return { type: 'string', pos: t.pos, value: unquote(t.val, t.pos) };
      case 'rawString': return { type: 'string', pos: t.pos, value: t.val.slice(1, -1).replace(/\r/g, '') };
      case 'leftParen': {
        const pipe = this.pipeline('parenthesized pipeline', 'rightParen');
        return { type: 'pipe', pos: t.pos, pipe };
      }
      default:
        this.i--;
        return undefined;
    }
  }
}

/** Interpret a Go double-quoted string literal. */
export function unquote(lit: string, pos: number): string {
  const body = lit.slice(1, -1);
  if (!body.includes('\\')) return body;
  let out = '';
  for (let k = 0; k < body.length; k++) {
    const c = body[k];
    if (c !== '\\') { out += c; continue; }
    const e = body[++k];
    switch (e) {
      case 'n': out += '\n'; break;
      case 't': out += '\t'; break;
      case 'r': out += '\r'; break;
      case 'a': out += '\x07'; break;
      case 'b': out += '\b'; break;
      case 'f': out += '\f'; break;
      case 'v': out += '\v'; break;
      case '\\': out += '\\'; break;
      case '"': out += '"'; break;
      case "'": out += "'"; break;
      case 'x': out += String.fromCharCode(parseInt(body.slice(k + 1, k + 3), 16)); k += 2; break;
      case 'u': out += String.fromCodePoint(parseInt(body.slice(k + 1, k + 5), 16)); k += 4; break;
      case 'U': out += String.fromCodePoint(parseInt(body.slice(k + 1, k + 9), 16)); k += 8; break;
      default:
        if (e >= '0' && e <= '7') { out += String.fromCharCode(parseInt(body.slice(k, k + 3), 8)); k += 2; break; }
        throw new TemplateSyntaxError(`invalid syntax in string ${lit}`, pos);
    }
  }
  return out;
}

/** Parse one template source. Throws TemplateSyntaxError with an offset. */
export function parseTemplate(name: string, src: string, opts: ParseOptions): ParsedTemplate {
  const p = new Parser(lex(src), opts);
  const root = p.parseTop();
  return { name, root, defines: p.defines };
}
