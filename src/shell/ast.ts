/**
 * The syntax tree the parser builds and the interpreter walks. Words are kept
 * as their raw source text (quotes included); expansion interprets them at run
 * time, the way bash expands a word only when its command runs.
 */

/** RedirectOp is one of the redirection operators bash understands. */
export type RedirectOp = '>' | '>>' | '>|' | '<' | '<>' | '>&' | '<&' | '&>' | '&>>' | '<<' | '<<-' | '<<<';

/** Redirect is `[fd]op target`; here-documents carry their body. */
export interface Redirect {
  fd: number | null;
  op: RedirectOp;
  target: string;
  heredoc?: { body: string; expand: boolean };
}

/** SimpleCommand is `A=1 B=2 cmd arg... >file`. */
export interface SimpleCommand {
  type: 'simple';
  assigns: string[];
  words: string[];
  redirects: Redirect[];
}

/** CondExpr is the expression tree inside `[[ ... ]]`. */
export type CondExpr =
  | { kind: 'and' | 'or'; left: CondExpr; right: CondExpr }
  | { kind: 'not'; expr: CondExpr }
  | { kind: 'unary'; op: string; arg: string }
  | { kind: 'binary'; op: string; left: string; right: string }
  | { kind: 'word'; arg: string };

/** CaseItem is one `pattern|pattern) body ;;` arm. */
export interface CaseItem {
  patterns: string[];
  body: List;
  terminator: ';;' | ';&' | ';;&';
}

/** Compound commands; each may carry trailing redirections. */
export type Compound =
  | { type: 'brace'; body: List }
  | { type: 'subshell'; body: List }
  | { type: 'if'; clauses: { cond: List; body: List }[]; elseBody: List | null }
  | { type: 'for'; name: string; words: string[] | null; body: List }
  | { type: 'arithfor'; init: string; cond: string; step: string; body: List }
  | { type: 'while'; until: boolean; cond: List; body: List }
  | { type: 'case'; word: string; items: CaseItem[] }
  | { type: 'cond'; expr: CondExpr }
  | { type: 'arith'; expr: string };

/** CompoundCommand is a compound with its redirections. */
export type CompoundCommand = Compound & { redirects: Redirect[] };

/** FunctionDef is `name() { ...; }` or `function name { ...; }`. */
export interface FunctionDef {
  type: 'function';
  name: string;
  body: CompoundCommand;
}

/** CommandNode is anything that can be a pipeline stage. */
export type CommandNode = SimpleCommand | CompoundCommand | FunctionDef;

/** Pipeline is `[!] cmd | cmd ...`; `|&` also pipes stderr for that stage. */
export interface Pipeline {
  negate: boolean;
  commands: CommandNode[];
  pipeStderr: boolean[];
}

/** AndOr is `pipeline && pipeline || pipeline`, optionally backgrounded with `&`. */
export interface AndOr {
  first: Pipeline;
  rest: { op: '&&' | '||'; pipeline: Pipeline }[];
  background: boolean;
}

/** List is a sequence of and-or lists separated by `;`, `&` or newlines. */
export type List = AndOr[];
