import type { VirtualFS } from './types.ts';

/** TestResult is `test`'s exit status (0 true, 1 false, 2 error) with bash's error text. */
export interface TestResult {
  result: 0 | 1 | 2;
  error?: string;
}

const INT_OPS: Record<string, (a: number, b: number) => boolean> = {
  '-eq': (a, b) => a === b, '-ne': (a, b) => a !== b, '-lt': (a, b) => a < b,
  '-le': (a, b) => a <= b, '-gt': (a, b) => a > b, '-ge': (a, b) => a >= b,
};

/**
 * evalTest evaluates the arguments of `test` / `[` (without the closing `]`),
 * following POSIX's argument-count rules and bash's error messages such as
 * "integer expression expected" and "too many arguments".
 */
export function evalTest(args: string[], fs: VirtualFS, cwd: string): TestResult {
  try {
    return { result: evalOr(args, { i: 0 }, fs, cwd, args.length) ? 0 : 1 };
  } catch (e) {
    return { result: 2, error: e instanceof Error ? e.message : String(e) };
  }
}

type Pos = { i: number };

function evalOr(a: string[], p: Pos, fs: VirtualFS, cwd: string, end: number): boolean {
  let v = evalAnd(a, p, fs, cwd, end);
  while (p.i < end && a[p.i] === '-o') {
    p.i++;
    v = evalAnd(a, p, fs, cwd, end) || v;
  }
  if (p.i === 0 && end > 0) throw new Error('too many arguments');
  return v;
}

function evalAnd(a: string[], p: Pos, fs: VirtualFS, cwd: string, end: number): boolean {
  let v = evalNot(a, p, fs, cwd, end);
  while (p.i < end && a[p.i] === '-a') {
    p.i++;
    v = evalNot(a, p, fs, cwd, end) && v;
  }
  return v;
}

function evalNot(a: string[], p: Pos, fs: VirtualFS, cwd: string, end: number): boolean {
  if (a[p.i] === '!' && end - p.i > 1) {
    p.i++;
    return !evalNot(a, p, fs, cwd, end);
  }
  return evalPrimary(a, p, fs, cwd, end);
}

function evalPrimary(a: string[], p: Pos, fs: VirtualFS, cwd: string, end: number): boolean {
  const left = end - p.i;
  if (left <= 0) return false;
  if (a[p.i] === '(' && a.indexOf(')', p.i) > p.i) {
    const close = a.lastIndexOf(')', end - 1);
    p.i++;
    const v = evalOr(a, p, fs, cwd, close);
    p.i = close + 1;
    return v;
  }
  if (left >= 3 && isBinary(a[p.i + 1])) {
    const [l, op, r] = [a[p.i], a[p.i + 1], a[p.i + 2]];
    p.i += 3;
    if (p.i < end && a[p.i] !== '-a' && a[p.i] !== '-o') throw new Error('too many arguments');
    return binary(l, op, r);
  }
  if (left >= 2 && /^-[a-zA-Z]$/.test(a[p.i]) && a[p.i] !== '-a' && a[p.i] !== '-o') {
    const [op, arg] = [a[p.i], a[p.i + 1]];
    p.i += 2;
    if (p.i < end && a[p.i] !== '-a' && a[p.i] !== '-o') throw new Error('too many arguments');
    return unary(op, arg, fs, cwd);
  }
  if (left >= 2 && a[p.i + 1] !== '-a' && a[p.i + 1] !== '-o') {
    throw new Error(/^-/.test(a[p.i]) ? `${a[p.i]}: unary operator expected` : `${a[p.i + 1]}: binary operator expected`);
  }
  return a[p.i++] !== '';
}

function isBinary(op: string | undefined): boolean {
  return op !== undefined && (op in INT_OPS || ['=', '==', '!=', '<', '>', '-nt', '-ot', '-ef'].includes(op));
}

function toInt(s: string): number {
  if (!/^\s*[-+]?\d+\s*$/.test(s)) throw new Error(`${s}: integer expression expected`);
  return Number(s);
}

function binary(l: string, op: string, r: string): boolean {
  if (op in INT_OPS) return INT_OPS[op](toInt(l), toInt(r));
  switch (op) {
    case '=':
    case '==':
      return l === r;
    case '!=':
      return l !== r;
    case '<':
      return l < r;
    case '>':
      return l > r;
  }
  return false;
}

function unary(op: string, arg: string, fs: VirtualFS, cwd: string): boolean {
  const stat = (): ReturnType<VirtualFS['stat']> | undefined => {
    try {
      return fs.stat(arg, cwd);
    } catch {
      return undefined;
    }
  };
  switch (op) {
    case '-z': return arg === '';
    case '-n': return arg !== '';
    case '-e':
    case '-a': return stat() !== undefined;
    case '-f': return stat()?.type === 'file';
    case '-d': return stat()?.type === 'dir';
    case '-s': return (stat()?.size ?? 0) > 0;
    case '-r':
    case '-w': return stat() !== undefined;
    case '-x': return stat()?.type === 'dir' || ((stat()?.mode ?? 0) & 0o111) !== 0;
    case '-L':
    case '-h': return false;
    case '-t': return false;
  }
  throw new Error(`${op}: unary operator expected`);
}
