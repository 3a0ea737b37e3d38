/* The parser half of our awk: tokens (regex vs. division decided by the previous token), then recursive descent. */

/** Node is an awk expression. */
export type Node =
  | { t: 'num'; v: number } | { t: 'str'; v: string } | { t: 're'; v: RegExp }
  | { t: 'var'; name: string } | { t: 'field'; e: Node } | { t: 'idx'; name: string; key: Node[] }
  | { t: 'assign'; op: string; target: Node; e: Node } | { t: 'bin'; op: string; a: Node; b: Node }
  | { t: 'un'; op: string; e: Node } | { t: 'incdec'; op: string; prefix: boolean; target: Node }
  | { t: 'cond'; c: Node; a: Node; b: Node } | { t: 'call'; name: string; args: Node[] } | { t: 'in'; key: Node; name: string }
  | { t: 'group'; e: Node };
/** Stmt is an awk statement. */
export type Stmt =
  | { t: 'print'; args: Node[]; printf: boolean } | { t: 'expr'; e: Node } | { t: 'block'; body: Stmt[] }
  | { t: 'if'; c: Node; a: Stmt; b?: Stmt } | { t: 'while'; c: Node; body: Stmt }
  | { t: 'for'; init?: Stmt; c?: Node; step?: Stmt; body: Stmt } | { t: 'forin'; v: string; arr: string; body: Stmt }
  | { t: 'next' } | { t: 'exit'; e?: Node } | { t: 'delete'; name: string; key?: Node[] };
/** Rule is `BEGIN {…}`, `END {…}` or `pattern {…}`. */
export interface Rule {
  kind: 'begin' | 'end' | 'main';
  pattern?: Node;
  body?: Stmt[];
}

const TOKEN = /\s*(?:(\d+\.?\d*(?:[eE][-+]?\d+)?|\.\d+)|("(?:[^"\\]|\\.)*")|([A-Za-z_]\w*)|(\|\||&&|==|!=|<=|>=|!~|\+\+|--|\+=|-=|\*=|\/=|%=|\^=|[-+*/%^!<>=~?:;,(){}[\]$\n|])|(#[^\n]*))/y;

function tokenize(src: string): string[] {
  const toks: string[] = [];
  let i = 0;
  while (i < src.length) {
    if (/\s/.test(src[i]) && src[i] !== '\n') {
      i++;
      continue;
    }
    // A slash starts a regex where an operand is expected.
    if (src[i] === '/') {
      const prev = toks[toks.length - 1];
      const operandBefore = prev !== undefined && (/^[\w.")\]]/.test(prev) || prev === '$') && !['print', 'printf', 'return'].includes(prev);
      if (!operandBefore) {
        let j = i + 1;
        let body = '';
        while (j < src.length && src[j] !== '/') {
          if (src[j] === '\\' && src[j + 1] === '/') {
            body += '/';
            j += 2;
          } else body += src[j++];
        }
        toks.push('/' + body + '/');
        i = j + 1;
        continue;
      }
    }
    TOKEN.lastIndex = i;
    const m = TOKEN.exec(src);
    if (!m || m[0].length === 0) throw new Error(`syntax error at source line 1: ${src.slice(i, i + 10)}`);
    i = TOKEN.lastIndex;
    if (m[5]) continue;
    toks.push((m[1] ?? m[2] ?? m[3] ?? m[4])!);
  }
  return toks;
}

function unescapeString(s: string): string {
  return s.slice(1, -1).replace(/\\(.)/g, (_, c: string) => ({ n: '\n', t: '\t', '\\': '\\', '"': '"', '/': '/' })[c] ?? '\\' + c);
}

/** parseAwk parses an awk program into rules; errors read like one-true-awk's. */
export function parseAwk(src: string): Rule[] {
  const toks = tokenize(src);
  let i = 0;
  const peek = (): string | undefined => toks[i];
  const eat = (t: string): void => {
    if (toks[i] !== t) throw new Error(`syntax error at source line 1 near ${toks[i] ?? 'end of program'}`);
    i++;
  };
  const skipNl = (): void => {
    while (peek() === '\n' || peek() === ';') i++;
  };
  const block = (): Stmt[] => {
    eat('{');
    const body: Stmt[] = [];
    for (;;) {
      skipNl();
      if (peek() === '}') break;
      if (peek() === undefined) eat('}');
      body.push(stmt());
    }
    eat('}');
    return body;
  };
  const simpleOrBlock = (): Stmt => {
    skipNl();
    return peek() === '{' ? { t: 'block', body: block() } : stmt();
  };
  function stmt(): Stmt {
    const t = peek();
    if (t === '{') return { t: 'block', body: block() };
    if (t === 'if') {
      i++;
      eat('(');
      const c = expr();
      eat(')');
      const a = simpleOrBlock();
      let j = i;
      while (toks[j] === '\n' || toks[j] === ';') j++;
      if (toks[j] === 'else') {
        i = j + 1;
        return { t: 'if', c, a, b: simpleOrBlock() };
      }
      return { t: 'if', c, a };
    }
    if (t === 'while') {
      i++;
      eat('(');
      const c = expr();
      eat(')');
      return { t: 'while', c, body: simpleOrBlock() };
    }
    if (t === 'for') {
      i++;
      eat('(');
      if (/^[A-Za-z_]/.test(toks[i]) && toks[i + 1] === 'in' && toks[i + 3] === ')') {
        const v = toks[i];
        const arr = toks[i + 2];
        i += 4;
        return { t: 'forin', v, arr, body: simpleOrBlock() };
      }
      const init = peek() === ';' ? undefined : stmt();
      eat(';');
      const c = peek() === ';' ? undefined : expr();
      eat(';');
      const step = peek() === ')' ? undefined : stmt();
      eat(')');
      return { t: 'for', init, c, step, body: simpleOrBlock() };
    }
    if (t === 'next') {
      i++;
      return { t: 'next' };
    }
    if (t === 'exit') {
      i++;
      const e = [';', '\n', '}', undefined].includes(peek()) ? undefined : expr();
      return { t: 'exit', e };
    }
    if (t === 'delete') {
      i++;
      const name = toks[i++];
      if (peek() === '[') {
        i++;
        const key = exprList(']');
        return { t: 'delete', name, key };
      }
      return { t: 'delete', name };
    }
    if (t === 'print' || t === 'printf') {
      i++;
      let args: Node[] = [];
      if (peek() === '(' ) {
        const save = i;
        i++;
        const inner = exprList(')');
        if ([';', '\n', '}', undefined].includes(peek())) args = inner;
        else {
          i = save;
          args = exprList(null);
        }
      } else if (![';', '\n', '}', undefined].includes(peek())) args = exprList(null);
      return { t: 'print', args, printf: t === 'printf' };
    }
    return { t: 'expr', e: expr() };
  }
  const exprList = (close: string | null): Node[] => {
    const out: Node[] = [];
    if (close && peek() === close) {
      i++;
      return out;
    }
    for (;;) {
      out.push(expr(close === null));
      if (peek() !== ',') break;
      i++;
      skipNl();
    }
    if (close) eat(close);
    return out;
  };
  let noGt = false;
  function expr(inPrint = false): Node {
    const saved = noGt;
    noGt = inPrint;
    try {
      return assignment();
    } finally {
      noGt = saved;
    }
  }
  function assignment(): Node {
    const left = ternary();
    const op = peek();
    if (op && ['=', '+=', '-=', '*=', '/=', '%=', '^='].includes(op) && ['var', 'field', 'idx'].includes(left.t)) {
      i++;
      return { t: 'assign', op, target: left, e: assignment() };
    }
    return left;
  }
  function ternary(): Node {
    const c = or();
    if (peek() !== '?') return c;
    i++;
    const a = ternary();
    eat(':');
    return { t: 'cond', c, a, b: ternary() };
  }
  const binLevel = (ops: string[], next: () => Node): (() => Node) => () => {
    let a = next();
    while (ops.includes(peek() ?? '') && !(noGt && peek() === '>')) {
      const op = toks[i++];
      skipNl();
      a = { t: 'bin', op, a, b: next() };
    }
    return a;
  };
  function inExpr(): Node {
    const a = match();
    if (peek() === 'in') {
      i++;
      return { t: 'in', key: a, name: toks[i++] };
    }
    return a;
  }
  const match = binLevel(['~', '!~'], () => compare());
  const compare = binLevel(['<', '<=', '>', '>=', '==', '!='], () => concat());
  const and = binLevel(['&&'], inExpr);
  const or = binLevel(['||'], and);
  function concat(): Node {
    let a = additive();
    for (;;) {
      const t = peek();
      if (t === undefined || !(/^[\w"$(.]/.test(t) || t === '!' || t === '-' && false || /^\/.*\/$/.test(t) && t.length > 1) || ['in', 'getline'].includes(t)) break;
      if (t === '!' ) break;
      a = { t: 'bin', op: 'concat', a, b: additive() };
    }
    return a;
  }
  const mult = binLevel(['*', '/', '%'], () => unary());
  const additive = binLevel(['+', '-'], mult);
  function unary(): Node {
    const t = peek();
    if (t === '!' || t === '-' || t === '+') {
      i++;
      return { t: 'un', op: t, e: unary() };
    }
    return power();
  }
  function power(): Node {
    const a = postfix();
    if (peek() === '^') {
      i++;
      return { t: 'bin', op: '^', a, b: unary() };
    }
    return a;
  }
  function postfix(): Node {
    if (peek() === '++' || peek() === '--') {
      const op = toks[i++];
      return { t: 'incdec', op, prefix: true, target: primary() };
    }
    const p = primary();
    if ((peek() === '++' || peek() === '--') && ['var', 'field', 'idx'].includes(p.t)) return { t: 'incdec', op: toks[i++], prefix: false, target: p };
    return p;
  }
  function primary(): Node {
    const t = toks[i++];
    if (t === undefined) throw new Error('syntax error at source line 1: unexpected end of program');
    if (t === '$') return { t: 'field', e: primary() };
    if (t === '(') {
      const e = expr();
      eat(')');
      return { t: 'group', e };
    }
    if (/^\d|^\./.test(t)) return { t: 'num', v: Number(t) };
    if (t.startsWith('"')) return { t: 'str', v: unescapeString(t) };
    if (t.length > 1 && t.startsWith('/') && t.endsWith('/')) return { t: 're', v: new RegExp(t.slice(1, -1)) };
    if (/^[A-Za-z_]/.test(t)) {
      if (peek() === '(' && FUNCS.has(t)) {
        i++;
        return { t: 'call', name: t, args: exprList(')') };
      }
      if (t === 'length') return { t: 'call', name: 'length', args: [] };
      if (peek() === '[') {
        i++;
        return { t: 'idx', name: t, key: exprList(']') };
      }
      return { t: 'var', name: t };
    }
    throw new Error(`syntax error at source line 1 near ${t}`);
  }

  const rules: Rule[] = [];
  for (;;) {
    skipNl();
    const t = peek();
    if (t === undefined) break;
    if (t === 'BEGIN' || t === 'END') {
      i++;
      skipNl();
      rules.push({ kind: t === 'BEGIN' ? 'begin' : 'end', body: block() });
      continue;
    }
    const pattern = t === '{' ? undefined : expr();
    rules.push({ kind: 'main', pattern, body: peek() === '{' ? block() : undefined });
  }
  return rules;
}

const FUNCS = new Set(['length', 'substr', 'index', 'split', 'sub', 'gsub', 'tolower', 'toupper', 'int', 'sprintf', 'match', 'sqrt', 'system']);

