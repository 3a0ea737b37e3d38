/**
 * The `-o go-template=` / `-o template=` printer: a small text/template interpreter for the
 * forms learners use with kubectl: `{{.metadata.name}}`, `{{range .items}}...{{end}}`,
 * `{{if}}/{{else}}`, `{{with}}`, `{{index .metadata.labels "app"}}`, `{{"\n"}}`, `{{len}}`,
 * `{{printf}}`, comparisons, pipes, `{{- trim -}}`, range variables
 * (`{{range $i, $c := .spec.containers}}{{$c.image}}{{end}}`, as the StatefulSet tutorial
 * uses) and kubectl's extra `base64decode`.
 *
 * Data is the object after a JSON round trip, as kubectl's GoTemplatePrinter does, so
 * numbers print as Go float64 ("3", "1e+06") and a missing key prints "<no value>".
 */
import { formatGoFloat } from './yaml.ts';
import { goV } from './goSyntax.ts';

/** htmlSafeJSON is json.Marshal of the object as given: compact, HTML-safe escapes. */
function htmlSafeJSON(v: unknown): string {
  return JSON.stringify(v).replaceAll('<', '\\u003c').replaceAll('>', '\\u003e').replaceAll('&', '\\u0026');
}

type Value = unknown;
const MISSING = Symbol('no value');

type Token = { kind: 'field' | 'var' | 'string' | 'number' | 'ident' | 'pipe' | 'dot' | 'declare' | 'comma'; text: string; value?: Value; pos: number };
type Node =
  | { kind: 'text'; text: string }
  | { kind: 'action'; pipe: Token[][]; source: string; vars?: string[] }
  | { kind: 'if' | 'range' | 'with'; pipe: Token[][]; source: string; body: Node[]; elseBody: Node[]; vars?: string[] };

/** TemplateError is a template failure; `output` is what kubectl writes to stdout before failing. */
export class TemplateError extends Error {}

function tokenize(src: string, offset: number): Token[] {
  const tokens: Token[] = [];
  const re = /\s+|(:=)|(,)|(\|)|("(?:[^"\\]|\\.)*")|(`[^`]*`)|(\$[\w]*(?:\.[\w]+)*)|((?:\.[\w]+)+)|(\.)|(-?\d+(?:\.\d+)?(?:e[-+]?\d+)?)|([A-Za-z_]\w*)/y;
  let m: RegExpExecArray | null;
  re.lastIndex = 0;
  while (re.lastIndex < src.length && (m = re.exec(src))) {
    const pos = offset + m.index;
    if (m[1]) tokens.push({ kind: 'declare', text: ':=', pos });
    else if (m[2]) tokens.push({ kind: 'comma', text: ',', pos });
    else if (m[3]) tokens.push({ kind: 'pipe', text: '|', pos });
    else if (m[4]) tokens.push({ kind: 'string', text: m[4], value: JSON.parse(m[4]), pos });
    else if (m[5]) tokens.push({ kind: 'string', text: m[5], value: m[5].slice(1, -1), pos });
    else if (m[6]) tokens.push({ kind: 'var', text: m[6], pos });
    else if (m[7]) tokens.push({ kind: 'field', text: m[7], pos });
    else if (m[8]) tokens.push({ kind: 'dot', text: '.', pos });
    else if (m[9]) tokens.push({ kind: 'number', text: m[9], value: Number(m[9]), pos });
    else if (m[10]) tokens.push({ kind: 'ident', text: m[10], pos });
  }
  if (re.lastIndex < src.length) throw new TemplateError(`template: output:1: unexpected "${src[re.lastIndex]}" in command`);
  return tokens;
}

/** declarations splits `$x :=` / `$i, $x :=` off the front of a pipeline. */
function declarations(tokens: Token[]): [string[], Token[]] {
  const at = tokens.findIndex((t) => t.kind === 'declare');
  if (at < 0) return [[], tokens];
  const vars = tokens.slice(0, at).filter((t) => t.kind === 'var').map((t) => t.text);
  return [vars, tokens.slice(at + 1)];
}

function splitPipe(tokens: Token[]): Token[][] {
  const cmds: Token[][] = [[]];
  for (const t of tokens) {
    if (t.kind === 'pipe') cmds.push([]);
    else cmds[cmds.length - 1].push(t);
  }
  return cmds;
}

/** parseGoTemplate parses a template into nodes (errors read like text/template's). */
export function parseGoTemplate(template: string): Node[] {
  const re = /\{\{(-\s)?([\s\S]*?)(\s-)?\}\}/g;
  const root: Node[] = [];
  const stack: { node: Node & { body: Node[]; elseBody: Node[] }; inElse: boolean; list: Node[] }[] = [];
  let current = root;
  let last = 0;
  let trimNext = false;
  let m: RegExpExecArray | null;
  const addText = (text: string) => text !== '' && current.push({ kind: 'text', text });
  while ((m = re.exec(template))) {
    let text = template.slice(last, m.index);
    if (trimNext) text = text.replace(/^\s+/, '');
    if (m[1]) text = text.replace(/\s+$/, '');
    addText(text);
    trimNext = Boolean(m[3]);
    last = re.lastIndex;
    const body = m[2].trim();
    const offset = m.index + 2 + (m[1] ? 2 : 0) + (m[2].length - m[2].trimStart().length);
    if (body.startsWith('/*')) continue;
    const tokens = tokenize(body, offset);
    const head = tokens[0];
    if (head?.kind === 'ident' && ['if', 'range', 'with'].includes(head.text)) {
      const [vars, rest] = declarations(tokens.slice(1));
      const node = { kind: head.text as 'if', pipe: splitPipe(rest), source: body, body: [], elseBody: [], vars } as Node & { body: Node[]; elseBody: Node[] };
      current.push(node);
      stack.push({ node, inElse: false, list: current });
      current = node.body;
    } else if (head?.kind === 'ident' && head.text === 'else') {
      const top = stack[stack.length - 1];
      if (!top) throw new TemplateError('template: output:1: unexpected {{else}}');
      top.inElse = true;
      current = top.node.elseBody;
      if (tokens[1]?.kind === 'ident' && tokens[1].text === 'if') {
        // "else if" nests an if that the next {{end}} closes along with its parent.
        const nested = { kind: 'if', pipe: splitPipe(tokens.slice(2)), source: body, body: [], elseBody: [] } as Node & { body: Node[]; elseBody: Node[] };
        current.push(nested);
        stack.push({ node: nested, inElse: false, list: current });
        (nested as { chained?: boolean }).chained = true;
        current = nested.body;
      }
    } else if (head?.kind === 'ident' && head.text === 'end') {
      let top = stack.pop();
      while (top && (top.node as { chained?: boolean }).chained) top = stack.pop();
      if (!top) throw new TemplateError('template: output:1: unexpected {{end}}');
      current = stack.length > 0 ? (stack[stack.length - 1].inElse ? stack[stack.length - 1].node.elseBody : stack[stack.length - 1].node.body) : root;
    } else {
      const [vars, rest] = declarations(tokens);
      current.push({ kind: 'action', pipe: splitPipe(rest), source: body, ...(vars.length > 0 ? { vars } : {}) });
    }
  }
  let tail = template.slice(last);
  // text/template's lexer reaches the end inside an action: "unclosed action" on the line it opened.
  const open = tail.indexOf('{{');
  if (open >= 0) {
    const line = template.slice(0, last + open).split('\n').length;
    throw new TemplateError(`template: output:${line}: unclosed action`);
  }
  if (trimNext) tail = tail.replace(/^\s+/, '');
  addText(tail);
  if (stack.length > 0) throw new TemplateError('template: output:1: unexpected EOF');
  return root;
}

function truthy(v: Value): boolean {
  if (v === MISSING || v === null || v === undefined || v === false || v === 0 || v === '') return false;
  if (Array.isArray(v)) return v.length > 0;
  if (typeof v === 'object') return Object.keys(v as object).length > 0;
  return true;
}

function printValue(v: Value): string {
  if (v === MISSING) return '<no value>';
  if (typeof v === 'number') return formatGoFloat(v);
  return goV(v);
}

const FUNCS: Record<string, (...args: Value[]) => Value> = {
  index: (v, ...keys) => keys.reduce((acc: Value, k) => (acc && typeof acc === 'object' ? ((acc as Record<string, Value>)[String(k)] ?? MISSING) : MISSING), v),
  len: (v) => (Array.isArray(v) ? v.length : typeof v === 'string' ? v.length : v && typeof v === 'object' ? Object.keys(v).length : 0),
  not: (v) => !truthy(v),
  and: (...a) => a.find((x) => !truthy(x)) ?? a[a.length - 1],
  or: (...a) => a.find((x) => truthy(x)) ?? a[a.length - 1],
  eq: (a, ...b) => b.some((x) => x === a),
  ne: (a, b) => a !== b,
  lt: (a, b) => (a as number) < (b as number),
  le: (a, b) => (a as number) <= (b as number),
  gt: (a, b) => (a as number) > (b as number),
  ge: (a, b) => (a as number) >= (b as number),
  print: (...a) => a.map(printValue).join(''),
  println: (...a) => `${a.map(printValue).join(' ')}\n`,
  printf: (format, ...a) => {
    let i = 0;
    return String(format).replace(/%([-+# 0]*\d*(?:\.\d+)?)([svdqf%])/g, (_, _flags, verb: string) => {
      if (verb === '%') return '%';
      const arg = a[i++];
      if (verb === 'q') return JSON.stringify(String(arg));
      if (verb === 'f') return Number(arg).toFixed(6);
      return printValue(arg);
    });
  },
  base64decode: (v) => new TextDecoder().decode(Uint8Array.from(atob(String(v)), (c) => c.charCodeAt(0))),
};

class Executor {
  out = '';
  /** vars holds the template's variables (`$` is the root); a range body sees its own values. */
  private vars = new Map<string, Value>();
  constructor(private readonly root: Value, private readonly strict: boolean) {
    this.vars.set('$', root);
  }

  private field(base: Value, path: string, token: Token, source: string): Value {
    let v = base;
    const parts = path.split('.').filter((p) => p !== '');
    parts.forEach((key, i) => {
      if (v === MISSING || v === null || v === undefined) {
        const col = token.pos + path.lastIndexOf(`.${key}`);
        throw new TemplateError(`template: output:1:${col}: executing "output" at <${source}>: nil pointer evaluating interface {}.${key}`);
      }
      if (typeof v !== 'object' || Array.isArray(v)) {
        throw new TemplateError(`template: output:1:${token.pos}: executing "output" at <${token.text}>: can't evaluate field ${key} in type ${Array.isArray(v) ? '[]interface {}' : typeof v}`);
      }
      const map = v as Record<string, Value>;
      if (Object.hasOwn(map, key)) v = map[key];
      else if (this.strict) {
        const col = token.pos + path.lastIndexOf(`.${key}`);
        throw new TemplateError(`template: output:1:${col}: executing "output" at <${token.text}>: map has no entry for key "${key}"`);
      } else v = i === parts.length - 1 ? MISSING : undefined;
    });
    return v;
  }

  private operand(t: Token, dot: Value): Value {
    switch (t.kind) {
      case 'string':
      case 'number':
        return t.value;
      case 'dot':
        return dot;
      case 'field':
        return this.field(dot, t.text, t, t.text);
      case 'var': {
        const name = /^\$[\w]*/.exec(t.text)![0];
        if (!this.vars.has(name)) throw new TemplateError(`template: output:1: undefined variable "${name}"`);
        return this.field(this.vars.get(name), t.text.slice(name.length), t, t.text);
      }
      case 'ident':
        if (t.text === 'true' || t.text === 'false') return t.text === 'true';
        if (t.text === 'nil') return null;
        if (FUNCS[t.text]) return FUNCS[t.text]();
        throw new TemplateError(`template: output:1: function "${t.text}" not defined`);
    }
    return undefined;
  }

  pipeline(pipe: Token[][], dot: Value): Value {
    let piped: Value = MISSING;
    pipe.forEach((cmd, i) => {
      const [head, ...rest] = cmd;
      if (head?.kind === 'ident' && FUNCS[head.text]) {
        const args = rest.map((t) => this.operand(t, dot));
        if (i > 0) args.push(piped);
        piped = FUNCS[head.text](...args);
      } else if (head) {
        piped = this.operand(head, dot);
      }
    });
    return piped;
  }

  run(nodes: Node[], dot: Value): void {
    for (const node of nodes) {
      if (node.kind === 'text') this.out += node.text;
      else if (node.kind === 'action') {
        const v = this.pipeline(node.pipe, dot);
        // A declaration (`{{$x := ...}}`) prints nothing.
        if (node.vars?.length) this.vars.set(node.vars[0], v);
        else this.out += printValue(v);
      } else {
        const v = this.pipeline(node.pipe, dot);
        if (node.kind === 'range') {
          const keys = Array.isArray(v) ? v.map((_, i) => i) : v && typeof v === 'object' ? Object.keys(v).sort() : [];
          const items = keys.map((k) => (v as Record<string, Value>)[k]);
          if (items.length === 0) this.run(node.elseBody, dot);
          const saved = new Map(this.vars);
          items.forEach((item, i) => {
            // `range $e := x` binds the element; `range $i, $e := x` the index (or key) and element.
            if (node.vars?.length === 1) this.vars.set(node.vars[0], item);
            if (node.vars?.length === 2) {
              this.vars.set(node.vars[0], keys[i]);
              this.vars.set(node.vars[1], item);
            }
            this.run(node.body, item);
          });
          this.vars = saved;
        } else if (truthy(v)) {
          this.run(node.body, node.kind === 'with' ? v : dot);
        } else {
          this.run(node.elseBody, dot);
        }
      }
    }
  }
}

/** executeGoTemplate runs a template against data (already JSON-shaped). */
export function executeGoTemplate(template: string, data: Value, options: { allowMissingKeys?: boolean } = {}): string {
  const nodes = parseGoTemplate(template);
  const exec = new Executor(data, options.allowMissingKeys === false);
  exec.run(nodes, data);
  return exec.out;
}

/** GoTemplateResult is the printer's outcome: stdout text, and an error message for stderr when execution failed. */
export interface GoTemplateResult {
  output: string;
  error?: string;
}

/**
 * printGoTemplate is kubectl's GoTemplatePrinter. On failure kubectl writes a debugging
 * block to stdout and returns `error executing template "...": ...` (printed as "error: ...").
 */
export function printGoTemplate(template: string, obj: Value, options: { allowMissingKeys?: boolean } = {}): GoTemplateResult {
  const data = JSON.parse(JSON.stringify(obj ?? null));
  const exec = new Executor(data, options.allowMissingKeys === false);
  let nodes: Node[];
  try {
    nodes = parseGoTemplate(template);
  } catch (err) {
    return { output: '', error: `error parsing template ${template}, ${(err as Error).message}` };
  }
  try {
    exec.run(nodes, data);
    return { output: exec.out };
  } catch (err) {
    const message = (err as Error).message;
    const output =
      exec.out +
      `Error executing template: ${message}. Printing more information for debugging the template:\n` +
      `\ttemplate was:\n\t\t${template}\n` +
      `\traw data was:\n\t\t${htmlSafeJSON(obj)}\n` +
      `\tobject given to template engine was:\n\t\t${goV(data)}\n\n`;
    return { output, error: `error executing template ${JSON.stringify(template)}: ${message}` };
  }
}
