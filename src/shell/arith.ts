import { ShellRuntimeError } from './errors.ts';

/** ArithVars is how arithmetic reads and assigns shell variables. */
export interface ArithVars {
  get(name: string): string | undefined;
  set(name: string, value: string): void;
}

type Tok = { t: 'num'; v: number } | { t: 'id'; v: string } | { t: 'op'; v: string };

const OPS = ['<<=', '>>=', '**', '++', '--', '<<', '>>', '<=', '>=', '==', '!=', '&&', '||', '+=', '-=', '*=', '/=', '%=', '&=', '|=', '^=',
  '+', '-', '*', '/', '%', '<', '>', '=', '!', '~', '&', '|', '^', '?', ':', '(', ')', ','];

function tokenize(src: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    const num = /^(0[xX][0-9a-fA-F]+|\d+#[0-9a-zA-Z@_]+|\d+)/.exec(src.slice(i));
    if (num) {
      out.push({ t: 'num', v: parseNumber(num[0]) });
      i += num[0].length;
      continue;
    }
    const id = /^[A-Za-z_][A-Za-z0-9_]*/.exec(src.slice(i));
    if (id) {
      out.push({ t: 'id', v: id[0] });
      i += id[0].length;
      continue;
    }
    const op = OPS.find((o) => src.startsWith(o, i));
    if (!op) throw new ShellRuntimeError(`${src.trim()}: syntax error: invalid arithmetic operator (error token is "${src.slice(i)}")`);
    out.push({ t: 'op', v: op });
    i += op.length;
  }
  return out;
}

function parseNumber(s: string): number {
  if (/^0[xX]/.test(s)) return parseInt(s.slice(2), 16);
  if (s.includes('#')) {
    const [base, digits] = s.split('#');
    return parseInt(digits, Number(base));
  }
  if (s.length > 1 && s.startsWith('0')) return parseInt(s, 8);
  return Number(s);
}

const BINARY: [string[], number][] = [
  [['||'], 1], [['&&'], 2], [['|'], 3], [['^'], 4], [['&'], 5], [['==', '!='], 6],
  [['<', '<=', '>', '>='], 7], [['<<', '>>'], 8], [['+', '-'], 9], [['*', '/', '%'], 10],
];
const PREC = new Map<string, number>(BINARY.flatMap(([ops, p]) => ops.map((o) => [o, p] as [string, number])));

/**
 * evalArith evaluates bash arithmetic (`$(( ))`, `(( ))`, `let`) with C
 * precedence and integer semantics. Unset or empty variables are 0; a
 * variable holding an expression is evaluated recursively, as bash does.
 */
export function evalArith(src: string, vars: ArithVars, depth = 0): number {
  if (depth > 20) throw new ShellRuntimeError('expression recursion level exceeded');
  const toks = tokenize(src);
  if (toks.length === 0) return 0;
  let i = 0;
  const peek = (): Tok | undefined => toks[i];
  const isOp = (v: string): boolean => peek()?.t === 'op' && peek()!.v === v;
  const fail = (): never => {
    const rest = toks.slice(i).map((t) => String(t.v)).join(' ');
    throw new ShellRuntimeError(`${src.trim()}: syntax error: operand expected (error token is "${rest}")`);
  };
  const readVar = (name: string): number => {
    const v = vars.get(name);
    if (v === undefined || v.trim() === '') return 0;
    if (/^\s*-?\d+\s*$/.test(v)) return Number(v);
    return evalArith(v, vars, depth + 1);
  };
  const assignable = (): string => {
    const t = toks[i - 1];
    if (!t || t.t !== 'id') fail();
    return (t as { v: string }).v;
  };

  function comma(): number {
    let v = assign();
    while (isOp(',')) {
      i++;
      v = assign();
    }
    return v;
  }
  function assign(): number {
    const t = peek();
    const n = toks[i + 1];
    if (t?.t === 'id' && n?.t === 'op' && ['=', '+=', '-=', '*=', '/=', '%=', '<<=', '>>=', '&=', '|=', '^='].includes(n.v)) {
      i += 2;
      const rhs = assign();
      const cur = readVar(t.v);
      const op = n.v.slice(0, -1);
      const value = op === '' ? rhs : binary(op, cur, rhs);
      vars.set(t.v, String(value));
      return value;
    }
    return ternary();
  }
  function ternary(): number {
    const c = bin(1);
    if (!isOp('?')) return c;
    i++;
    const a = assign();
    if (!isOp(':')) fail();
    i++;
    const b = assign();
    return c ? a : b;
  }
  function bin(min: number): number {
    let left = power();
    for (;;) {
      const t = peek();
      const p = t?.t === 'op' ? PREC.get(t.v) : undefined;
      if (p === undefined || p < min) return left;
      i++;
      // && and || short-circuit only in effect; both sides are parsed.
      const right = bin(p + 1);
      left = binary((t as { v: string }).v, left, right);
    }
  }
  function power(): number {
    const base = unary();
    if (isOp('**')) {
      i++;
      const exp = power();
      if (exp < 0) throw new ShellRuntimeError('exponent less than 0');
      return Math.trunc(base ** exp);
    }
    return base;
  }
  function unary(): number {
    const t = peek();
    if (t?.t === 'op') {
      if (t.v === '-' || t.v === '+' || t.v === '!' || t.v === '~') {
        i++;
        const v = unary();
        return t.v === '-' ? -v : t.v === '+' ? v : t.v === '!' ? Number(!v) : ~v;
      }
      if (t.v === '++' || t.v === '--') {
        i++;
        const id = peek();
        if (id?.t !== 'id') fail();
        i++;
        const v = readVar((id as { v: string }).v) + (t.v === '++' ? 1 : -1);
        vars.set((id as { v: string }).v, String(v));
        return v;
      }
    }
    return postfix();
  }
  function postfix(): number {
    const v = primary();
    if (isOp('++') || isOp('--')) {
      const op = peek()!.v;
      i++;
      const name = toks[i - 2]?.t === 'id' ? (toks[i - 2].v as string) : fail();
      vars.set(name, String(v + (op === '++' ? 1 : -1)));
    }
    return v;
  }
  function primary(): number {
    const t = peek();
    if (!t) return fail();
    i++;
    if (t.t === 'num') return t.v;
    if (t.t === 'id') {
      assignable();
      return readVar(t.v);
    }
    if (t.v === '(') {
      const v = comma();
      if (!isOp(')')) fail();
      i++;
      return v;
    }
    i--;
    return fail();
  }
  function binary(op: string, a: number, b: number): number {
    switch (op) {
      case '+': return a + b;
      case '-': return a - b;
      case '*': return Math.imul(a, b) === a * b ? a * b : a * b;
      case '/':
      case '%':
        if (b === 0) throw new ShellRuntimeError(`${src.trim()}: division by 0 (error token is "${String(b)}")`);
        return op === '/' ? Math.trunc(a / b) : a % b;
      case '<<': return a << b;
      case '>>': return a >> b;
      case '<': return Number(a < b);
      case '<=': return Number(a <= b);
      case '>': return Number(a > b);
      case '>=': return Number(a >= b);
      case '==': return Number(a === b);
      case '!=': return Number(a !== b);
      case '&': return a & b;
      case '|': return a | b;
      case '^': return a ^ b;
      case '&&': return Number(!!a && !!b);
      case '||': return Number(!!a || !!b);
    }
    return fail();
  }

  const v = comma();
  if (i < toks.length) fail();
  return v;
}
