// Parse tree of a Go text/template, close to Go's text/template/parse node types.

export interface TextNode { type: 'text'; pos: number; text: string }
export interface ActionNode { type: 'action'; pos: number; end: number; pipe: PipeNode }
export interface IfNode { type: 'if' | 'with'; pos: number; pipe: PipeNode; list: ListNode; elseList?: ListNode }
export interface RangeNode { type: 'range'; pos: number; pipe: PipeNode; list: ListNode; elseList?: ListNode }
export interface TemplateNode { type: 'template'; pos: number; name: string; pipe?: PipeNode }
export interface LoopCtlNode { type: 'break' | 'continue'; pos: number }
export type Node = TextNode | ActionNode | IfNode | RangeNode | TemplateNode | LoopCtlNode;

export interface ListNode { pos: number; nodes: Node[] }

export interface PipeNode {
  pos: number;
  /** Declared or assigned variables (`$x :=`, `$i, $v :=`, `$x =`). */
  decl: string[];
  isAssign: boolean;
  cmds: CommandNode[];
}

export interface CommandNode { pos: number; args: ArgNode[] }

export type ArgNode =
  | { type: 'field'; pos: number; ident: string[] }
  | { type: 'variable'; pos: number; name: string; ident: string[] }
  | { type: 'dot'; pos: number }
  | { type: 'nil'; pos: number }
  | { type: 'bool'; pos: number; value: boolean }
  | { type: 'number'; pos: number; text: string }
  | { type: 'string'; pos: number; value: string }
  | { type: 'identifier'; pos: number; name: string }
  | { type: 'pipe'; pos: number; pipe: PipeNode }
  | { type: 'chain'; pos: number; node: ArgNode; ident: string[] };

/** One parsed template source: its main body and the named templates it defines. */
export interface ParsedTemplate {
  name: string;
  root: ListNode;
  defines: Map<string, ListNode>;
}

/** Go treats a tree with only spaces and definitions as empty (it never replaces a non-empty one). */
export function isEmptyList(list: ListNode): boolean {
  return list.nodes.every((n) => n.type === 'text' && n.text.trim() === '');
}
