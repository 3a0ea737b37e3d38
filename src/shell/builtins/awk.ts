import { fsErrorText } from '../memoryFS.ts';
import type { Command } from '../types.ts';
import { parseAwk, type Node, type Rule, type Stmt } from './awkParser.ts';
import { sprintf } from './sprintf.ts';

/*
 * A compact awk: BEGIN/END, /re/ and expression patterns, fields ($0, $N,
 * NF, NR, FS/OFS via -F and -v), print/printf, if/else, while, for (;;),
 * for (k in a), associative arrays, next, exit, string concatenation,
 * comparisons with awk's number-or-string rule, ~ and !~, and the builtins
 * length, substr, index, split, sub, gsub, tolower, toupper, int, sprintf.
 */

class NextSignal {}
class ExitAwk {
  constructor(readonly status: number) {}
}

const looksNumeric = (s: string): boolean => /^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$/.test(s);
const toNum = (v: string | number): number => (typeof v === 'number' ? v : parseFloat(String(v)) || 0);
const toStr = (v: string | number): string => (typeof v !== 'number' ? String(v) : Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(6))));

/** Interp runs a parsed awk program over records. */
class AwkRun {
  vars = new Map<string, string | number>();
  arrays = new Map<string, Map<string, string | number>>();
  fields: string[] = [];
  out = '';

  constructor(private readonly rules: Rule[]) {}

  setRecord(line: string): void {
    const fs = toStr(this.vars.get('FS') ?? ' ');
    const parts = line === '' ? [] : fs === ' ' ? line.trim().split(/[ \t\n]+/).filter((x) => x !== '') : line.split(fs.length === 1 ? fs : new RegExp(fs));
    this.fields = [line, ...parts];
    this.vars.set('NF', parts.length);
  }

  getField(n: number): string {
    return this.fields[n] ?? '';
  }

  setField(n: number, v: string): void {
    while (this.fields.length <= n) this.fields.push('');
    this.fields[n] = v;
    if (n === 0) this.setRecord(v);
    else {
      this.vars.set('NF', Math.max(this.fields.length - 1, toNum(this.vars.get('NF') ?? 0)));
      this.fields[0] = this.fields.slice(1).join(toStr(this.vars.get('OFS') ?? ' '));
    }
  }

  array(name: string): Map<string, string | number> {
    let a = this.arrays.get(name);
    if (!a) this.arrays.set(name, (a = new Map()));
    return a;
  }

  run(phase: 'begin' | 'end'): void {
    for (const r of this.rules) if (r.kind === phase) this.exec(r.body!);
  }

  record(line: string): void {
    this.setRecord(line);
    for (const r of this.rules) {
      if (r.kind !== 'main') continue;
      if (r.pattern && !this.truthy(r.pattern)) continue;
      if (r.body) this.exec(r.body);
      else this.out += this.getField(0) + toStr(this.vars.get('ORS') ?? '\n');
    }
  }

  truthy(n: Node): boolean {
    if (n.t === 're') return n.v.test(this.getField(0));
    const v = this.eval(n);
    return typeof v === 'number' ? v !== 0 : v !== '';
  }

  exec(body: Stmt[]): void {
    for (const s of body) this.stmt(s);
  }

  stmt(s: Stmt): void {
    switch (s.t) {
      case 'print': {
        if (s.printf) {
          const [fmt, ...rest] = s.args.map((a) => this.eval(a));
          this.out += sprintf(toStr(fmt ?? ''), rest.map(toStr));
        } else {
          const ofs = toStr(this.vars.get('OFS') ?? ' ');
          const parts = s.args.length ? s.args.map((a) => toStr(this.evalOut(a))) : [this.getField(0)];
          this.out += parts.join(ofs) + toStr(this.vars.get('ORS') ?? '\n');
        }
        return;
      }
      case 'expr':
        this.eval(s.e);
        return;
      case 'block':
        return this.exec(s.body);
      case 'if':
        if (this.truthy(s.c)) this.stmt(s.a);
        else if (s.b) this.stmt(s.b);
        return;
      case 'while':
        for (let k = 0; this.truthy(s.c); k++) {
          if (k > 1_000_000) throw new Error('loop limit exceeded');
          this.stmt(s.body);
        }
        return;
      case 'for':
        if (s.init) this.stmt(s.init);
        for (let k = 0; !s.c || this.truthy(s.c); k++) {
          if (k > 1_000_000) throw new Error('loop limit exceeded');
          this.stmt(s.body);
          if (s.step) this.stmt(s.step);
        }
        return;
      case 'forin':
        for (const k of [...this.array(s.arr).keys()]) {
          this.vars.set(s.v, k);
          this.stmt(s.body);
        }
        return;
      case 'next':
        throw new NextSignal();
      case 'exit':
        throw new ExitAwk(s.e ? toNum(this.eval(s.e)) : 0);
      case 'delete':
        if (s.key) this.array(s.name).delete(s.key.map((k) => toStr(this.eval(k))).join('\x1c'));
        else this.array(s.name).clear();
    }
  }

  /** evalOut formats numbers with OFMT-like %.6g for print. */
  evalOut(n: Node): string | number {
    return this.eval(n);
  }

  lvalue(target: Node, v: string | number): void {
    if (target.t === 'var') this.vars.set(target.name, v);
    else if (target.t === 'field') this.setField(toNum(this.eval(target.e)), toStr(v));
    else if (target.t === 'idx') this.array(target.name).set(target.key.map((k) => toStr(this.eval(k))).join('\x1c'), v);
  }

  eval(n: Node): string | number {
    switch (n.t) {
      case 'num':
        return n.v;
      case 'str':
        return n.v;
      case 're':
        return n.v.test(this.getField(0)) ? 1 : 0;
      case 'group':
        return this.eval(n.e);
      case 'var': {
        const v = this.vars.get(n.name);
        return v ?? '';
      }
      case 'field': {
        const idx = toNum(this.eval(n.e));
        const f = this.getField(idx);
        return looksNumeric(f) ? (Object.assign(new String(f), { numeric: true }) as unknown as string) : f;
      }
      case 'idx':
        return this.array(n.name).get(n.key.map((k) => toStr(this.eval(k))).join('\x1c')) ?? '';
      case 'in':
        return this.array(n.name).has(toStr(this.eval(n.key))) ? 1 : 0;
      case 'assign': {
        let v = this.eval(n.e);
        if (typeof v === 'object') v = String(v);
        if (n.op !== '=') {
          const cur = toNum(this.eval(n.target));
          const r = toNum(v);
          v = n.op === '+=' ? cur + r : n.op === '-=' ? cur - r : n.op === '*=' ? cur * r : n.op === '/=' ? cur / r : n.op === '%=' ? cur % r : cur ** r;
        }
        this.lvalue(n.target, v);
        return v;
      }
      case 'incdec': {
        const cur = toNum(this.eval(n.target));
        const next = n.op === '++' ? cur + 1 : cur - 1;
        this.lvalue(n.target, next);
        return n.prefix ? next : cur;
      }
      case 'cond':
        return this.truthy(n.c) ? this.eval(n.a) : this.eval(n.b);
      case 'un': {
        if (n.op === '!') return this.truthy(n.e) ? 0 : 1;
        const v = toNum(this.eval(n.e));
        return n.op === '-' ? -v : v;
      }
      case 'bin':
        return this.binary(n);
      case 'call':
        return this.call(n.name, n.args);
    }
  }

  binary(n: Extract<Node, { t: 'bin' }>): string | number {
    if (n.op === '&&') return this.truthy(n.a) && this.truthy(n.b) ? 1 : 0;
    if (n.op === '||') return this.truthy(n.a) || this.truthy(n.b) ? 1 : 0;
    if (n.op === '~' || n.op === '!~') {
      const re = n.b.t === 're' ? n.b.v : new RegExp(toStr(this.eval(n.b) as string | number));
      const hit = re.test(String(this.eval(n.a)));
      return hit === (n.op === '~') ? 1 : 0;
    }
    const a = this.eval(n.a);
    const b = this.eval(n.b);
    if (n.op === 'concat') return String(typeof a === 'number' ? toStr(a) : a) + String(typeof b === 'number' ? toStr(b) : b);
    if (['<', '<=', '>', '>=', '==', '!='].includes(n.op)) {
      const isNum = (v: unknown): boolean => typeof v === 'number' || (typeof v === 'object' && v !== null);
      let c: number;
      if (isNum(a) && isNum(b)) c = toNum(Number(a)) - toNum(Number(b));
      else {
        const sa = String(a);
        const sb = String(b);
        c = sa < sb ? -1 : sa > sb ? 1 : 0;
      }
      return ({ '<': c < 0, '<=': c <= 0, '>': c > 0, '>=': c >= 0, '==': c === 0, '!=': c !== 0 } as Record<string, boolean>)[n.op] ? 1 : 0;
    }
    const x = toNum(Number(a) || parseFloat(String(a)) || 0);
    const y = toNum(Number(b) || parseFloat(String(b)) || 0);
    switch (n.op) {
      case '+': return x + y;
      case '-': return x - y;
      case '*': return x * y;
      case '/':
        if (y === 0) throw new Error('division by zero');
        return x / y;
      case '%': return x % y;
      default: return x ** y;
    }
  }

  call(name: string, args: Node[]): string | number {
    const s = (k: number): string => String(args[k] ? this.eval(args[k]) : this.getField(0));
    switch (name) {
      case 'length':
        return args[0]?.t === 'var' && this.arrays.has(args[0].name) ? this.array(args[0].name).size : [...s(0)].length;
      case 'substr': {
        const str = s(0);
        const start = Math.round(toNum(this.eval(args[1])));
        const len = args[2] ? Math.round(toNum(this.eval(args[2]))) : Infinity;
        const from = Math.max(start, 1);
        const to = Math.min(start + len, str.length + 1);
        return to > from ? str.slice(from - 1, to - 1) : '';
      }
      case 'index':
        return s(0).indexOf(s(1)) + 1;
      case 'split': {
        const parts = s(0) === '' ? [] : s(0).split(args[2] ? (args[2].t === 're' ? args[2].v : toStr(this.eval(args[2]))) : /[ \t\n]+/);
        const name2 = args[1].t === 'var' ? args[1].name : '';
        const arr = this.array(name2);
        arr.clear();
        parts.forEach((p, k) => arr.set(String(k + 1), p));
        return parts.length;
      }
      case 'sub':
      case 'gsub': {
        const re = args[0].t === 're' ? new RegExp(args[0].v.source, name === 'gsub' ? 'g' : '') : new RegExp(s(0), name === 'gsub' ? 'g' : '');
        const target = args[2] ?? ({ t: 'field', e: { t: 'num', v: 0 } } as Node);
        let count = 0;
        const updated = String(this.eval(target)).replace(re, (m) => {
          count++;
          return s(1).replace(/\\&|&/g, (t) => (t === '&' ? m : '&'));
        });
        if (count) this.lvalue(target, updated);
        return count;
      }
      case 'match': {
        const re = args[1].t === 're' ? args[1].v : new RegExp(s(1));
        const m = re.exec(s(0));
        this.vars.set('RSTART', m ? m.index + 1 : 0);
        this.vars.set('RLENGTH', m ? m[0].length : -1);
        return m ? m.index + 1 : 0;
      }
      case 'tolower':
        return s(0).toLowerCase();
      case 'toupper':
        return s(0).toUpperCase();
      case 'int':
        return Math.trunc(toNum(parseFloat(s(0))));
      case 'sqrt':
        return Math.sqrt(toNum(parseFloat(s(0))));
      case 'sprintf':
        return sprintf(s(0), args.slice(1).map((a) => toStr(String(this.eval(a)))));
    }
    return '';
  }
}

/** awk runs a program over files or stdin: -F sep, -v name=value. */
export const awk: Command = async (io) => {
  const args = io.argv.slice(1);
  const assigns: [string, string][] = [];
  let program: string | undefined;
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '-F') assigns.push(['FS', args[++i] ?? ' ']);
    else if (a.startsWith('-F')) assigns.push(['FS', a.slice(2)]);
    else if (a === '-v') {
      const [n, ...v] = (args[++i] ?? '').split('=');
      assigns.push([n, v.join('=')]);
    } else if (program === undefined) program = a;
    else files.push(a);
  }
  if (program === undefined) {
    io.stderr('usage: awk [-F fs][-v var=value][prog | -f progfile][file ...]\n');
    return 2;
  }
  let rules: Rule[];
  try {
    rules = parseAwk(program);
  } catch (e) {
    io.stderr(`awk: ${(e as Error).message}\n`);
    return 2;
  }
  const run = new AwkRun(rules);
  run.vars.set('FS', ' ');
  run.vars.set('OFS', ' ');
  run.vars.set('ORS', '\n');
  for (const [n, v] of assigns) run.vars.set(n, n === 'FS' && v === 't' ? '\t' : v.replace(/\\t/g, '\t'));
  let status = 0;
  try {
    run.run('begin');
    let nr = 0;
    const hasMain = rules.some((r) => r.kind !== 'begin');
    if (hasMain) {
      const inputs = files.length ? files : ['-'];
      for (const f of inputs) {
        let text: string;
        try {
          text = f === '-' ? io.stdin : io.fs.read(f, io.cwd);
        } catch (e) {
          io.stderr(`awk: cannot open "${f}" (${fsErrorText(e)})\n`);
          status = 2;
          continue;
        }
        const lines = text.split('\n');
        if (lines[lines.length - 1] === '') lines.pop();
        for (const line of lines) {
          run.vars.set('NR', ++nr);
          try {
            run.record(line);
          } catch (e) {
            if (!(e instanceof NextSignal)) throw e;
          }
        }
      }
    }
    run.run('end');
  } catch (e) {
    if (e instanceof ExitAwk) status = e.status;
    else {
      io.stdout(run.out);
      io.stderr(`awk: ${(e as Error).message}\n`);
      return 2;
    }
  }
  io.stdout(run.out);
  return status;
};
