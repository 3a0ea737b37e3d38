import type { Command } from '../types.ts';

/*
 * A small jq: the filters people pipe `kubectl get -o json` into. Paths
 * (`.a.b`, `.items[0]`, `.items[]`, `.["k"]`, `?`), pipes, commas, literals,
 * comparisons and `and`/`or`, and the builtins keys, length, select, map,
 * has, to_entries, first, last, type, join, tostring, tonumber, not, sort,
 * unique, add, ascii_downcase, ascii_upcase. Output is pretty (2 spaces) like
 * jq 1.6+, or compact with -c; -r prints strings raw.
 */

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type Filter = (v: Json) => Json[];

class JqError extends Error {}

function typeName(v: Json): string {
  return v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v === 'object' ? 'object' : typeof v;
}

function describe(v: Json): string {
  const s = JSON.stringify(v);
  return `${typeName(v)} (${s.length > 11 ? s.slice(0, 10) + '...' : s})`;
}

function index(v: Json, key: Json, optional: boolean): Json[] {
  if (v === null) return [null];
  if (typeof key === 'string' && typeof v === 'object' && !Array.isArray(v)) return [v[key] ?? null];
  if (typeof key === 'number' && Array.isArray(v)) return [v[key < 0 ? v.length + key : key] ?? null];
  if (optional) return [];
  throw new JqError(`Cannot index ${typeName(v)} with ${typeof key === 'string' ? `"${key}"` : typeName(key)}`);
}

function iterate(v: Json, optional: boolean): Json[] {
  if (Array.isArray(v)) return v;
  if (v !== null && typeof v === 'object') return Object.values(v);
  if (optional) return [];
  throw new JqError(`Cannot iterate over ${v === null ? 'null' : describe(v)}`);
}

function compare(a: Json, b: Json): number {
  const order = ['null', 'boolean', 'number', 'string', 'array', 'object'];
  const ta = order.indexOf(typeName(a));
  const tb = order.indexOf(typeName(b));
  if (ta !== tb) return ta - tb;
  if (typeof a === 'number' || typeof a === 'string' || typeof a === 'boolean') return a < (b as typeof a) ? -1 : a > (b as typeof a) ? 1 : 0;
  return JSON.stringify(a) < JSON.stringify(b) ? -1 : JSON.stringify(a) > JSON.stringify(b) ? 1 : 0;
}

const truthy = (v: Json): boolean => v !== null && v !== false;

const BUILTINS: Record<string, (v: Json) => Json> = {
  keys: (v) => {
    if (Array.isArray(v)) return v.map((_, i) => i);
    if (v !== null && typeof v === 'object') return Object.keys(v).sort();
    throw new JqError(`${describe(v)} has no keys`);
  },
  length: (v) => (v === null ? 0 : typeof v === 'string' || Array.isArray(v) ? v.length : typeof v === 'object' ? Object.keys(v).length : typeof v === 'number' ? Math.abs(v) : (() => { throw new JqError(`${describe(v)} has no length`); })()),
  to_entries: (v) => Object.entries(v as Record<string, Json>).map(([key, value]) => ({ key, value })),
  from_entries: (v) => Object.fromEntries((v as { key: string; value: Json }[]).map((e) => [String(e.key), e.value])),
  first: (v) => (v as Json[])[0] ?? null,
  last: (v) => (v as Json[])[(v as Json[]).length - 1] ?? null,
  type: (v) => typeName(v),
  tostring: (v) => (typeof v === 'string' ? v : JSON.stringify(v)),
  tonumber: (v) => Number(v),
  not: (v) => !truthy(v),
  sort: (v) => [...(v as Json[])].sort(compare),
  unique: (v) => [...(v as Json[])].sort(compare).filter((x, i, a) => i === 0 || compare(a[i - 1], x) !== 0),
  add: (v) => (v as Json[]).reduce<Json>((acc, x) => (acc === null ? x : typeof acc === 'number' ? acc + (x as number) : typeof acc === 'string' ? acc + (x as string) : Array.isArray(acc) ? [...acc, ...(x as Json[])] : { ...(acc as object), ...(x as object) }), null),
  ascii_downcase: (v) => (v as string).toLowerCase(),
  ascii_upcase: (v) => (v as string).toUpperCase(),
  reverse: (v) => (Array.isArray(v) ? [...v].reverse() : v),
  empty: () => null,
};

/** compileJq parses a filter; it throws JqError with jq-like wording on syntax errors. */
function compileJq(src: string): Filter {
  const toks = src.match(/\.\.|\.[A-Za-z_][\w]*|"(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?|==|!=|<=|>=|\/\/|[A-Za-z_][\w]*|\S/g) ?? [];
  let i = 0;
  const peek = (): string | undefined => toks[i];
  const eat = (t: string): void => {
    if (toks[i] !== t) throw new JqError(`syntax error, unexpected ${toks[i] ?? 'end of file'}`);
    i++;
  };
  const pipe = (): Filter => {
    let f = comma();
    while (peek() === '|') {
      i++;
      const g = comma();
      const h = f;
      f = (v) => h(v).flatMap(g);
    }
    return f;
  };
  const comma = (): Filter => {
    const parts = [orExpr()];
    while (peek() === ',') {
      i++;
      parts.push(orExpr());
    }
    return parts.length === 1 ? parts[0] : (v) => parts.flatMap((p) => p(v));
  };
  const binary = (next: () => Filter, ops: string[], apply: (op: string, a: Json, b: Json) => Json): (() => Filter) => () => {
    let f = next();
    while (ops.includes(peek() ?? '')) {
      const op = toks[i++];
      const l = f;
      const r = next();
      f = (v) => l(v).flatMap((a) => r(v).map((b) => apply(op, a, b)));
    }
    return f;
  };
  const arith = (op: string, a: Json, b: Json): Json => {
    if (op === '+') return a === null ? b : b === null ? a : typeof a === 'number' ? a + (b as number) : typeof a === 'string' ? a + (b as string) : Array.isArray(a) ? [...a, ...(b as Json[])] : { ...(a as object), ...(b as object) };
    if (op === '-') return (a as number) - (b as number);
    if (op === '*') return (a as number) * (b as number);
    return (a as number) / (b as number);
  };
  const postfix = (): Filter => term();
  const mul = binary(postfix, ['*', '/'], arith);
  const add = binary(mul, ['+', '-'], arith);
  const cmp = binary(add, ['==', '!=', '<', '<=', '>', '>='], (op, a, b) => {
    const c = compare(a, b);
    return op === '==' ? c === 0 : op === '!=' ? c !== 0 : op === '<' ? c < 0 : op === '<=' ? c <= 0 : op === '>' ? c > 0 : c >= 0;
  });
  const alt = (): Filter => {
    const f = cmp();
    if (peek() !== '//') return f;
    i++;
    const g = alt();
    return (v) => {
      const r = f(v).filter(truthy);
      return r.length ? r : g(v);
    };
  };
  const andExpr = binary(alt, ['and'], (_op, a, b) => truthy(a) && truthy(b));
  const orExpr = binary(andExpr, ['or'], (_op, a, b) => truthy(a) || truthy(b));

  const suffixes = (base: Filter): Filter => {
    let f = base;
    for (;;) {
      const t = peek();
      if (t?.startsWith('.') && t.length > 1 && t !== '..') {
        i++;
        const key = t.slice(1);
        const opt = peek() === '?' && !!++i;
        const g = f;
        f = (v) => g(v).flatMap((x) => index(x, key, opt));
      } else if (t === '.' && toks[i + 1] === '[') {
        i++;
      } else if (t === '[') {
        i++;
        if (peek() === ']') {
          i++;
          const opt = peek() === '?' && !!++i;
          const g = f;
          f = (v) => g(v).flatMap((x) => iterate(x, opt));
        } else {
          const k = pipe();
          eat(']');
          const opt = peek() === '?' && !!++i;
          const g = f;
          f = (v) => g(v).flatMap((x) => k(v).flatMap((key) => index(x, key, opt)));
        }
      } else return f;
    }
  };

  function term(): Filter {
    const t = peek();
    if (t === undefined) throw new JqError('syntax error, unexpected end of file');
    i++;
    if (t === '.') return suffixes((v) => [v]);
    if (t === '..') return (v) => recurse(v);
    if (t.startsWith('.')) {
      i--;
      return suffixes((v) => [v]);
    }
    if (t.startsWith('"')) return suffixes(() => [JSON.parse(t) as string]);
    if (/^-?\d/.test(t)) return () => [Number(t)];
    if (t === '(') {
      const f = pipe();
      eat(')');
      return suffixes(f);
    }
    if (t === '[') {
      if (peek() === ']') {
        i++;
        return () => [[]];
      }
      const f = pipe();
      eat(']');
      return suffixes((v) => [f(v)]);
    }
    if (t === '{') return suffixes(objectConstruction());
    if (t === 'true' || t === 'false' || t === 'null') return () => [JSON.parse(t) as Json];
    if (t === 'not') return (v) => [!truthy(v)];
    if (t === 'empty') return () => [];
    if (['select', 'map', 'has', 'join', 'sort_by', 'group_by', 'contains', 'test', 'split', 'startswith', 'endswith'].includes(t)) {
      eat('(');
      const arg = pipe();
      eat(')');
      return suffixes(withArg(t, arg));
    }
    if (t in BUILTINS) return suffixes((v) => [BUILTINS[t](v)]);
    throw new JqError(`${t}/0 is not defined`);
  }

  function objectConstruction(): Filter {
    const entries: [Filter, Filter][] = [];
    while (peek() !== '}') {
      const k = toks[i++];
      const keyF: Filter = k.startsWith('"') ? () => [JSON.parse(k) as string] : () => [k];
      let valF: Filter = (v) => index(v, k.startsWith('"') ? (JSON.parse(k) as string) : k, false);
      if (peek() === ':') {
        i++;
        valF = orExpr();
      }
      entries.push([keyF, valF]);
      if (peek() === ',') i++;
      else if (peek() !== '}') throw new JqError(`syntax error, unexpected ${peek() ?? 'end of file'}`);
    }
    i++;
    return (v) => {
      let results: Record<string, Json>[] = [{}];
      for (const [kf, vf] of entries) {
        const next: Record<string, Json>[] = [];
        for (const r of results) for (const key of kf(v)) for (const val of vf(v)) next.push({ ...r, [String(key)]: val });
        results = next;
      }
      return results;
    };
  }

  const f = pipe();
  if (i < toks.length) throw new JqError(`syntax error, unexpected ${toks[i]}`);
  return f;
}

function recurse(v: Json): Json[] {
  const out: Json[] = [v];
  if (Array.isArray(v)) for (const x of v) out.push(...recurse(x));
  else if (v !== null && typeof v === 'object') for (const x of Object.values(v)) out.push(...recurse(x));
  return out;
}

function withArg(name: string, arg: Filter): Filter {
  const one = (v: Json): Json => arg(v)[0] ?? null;
  switch (name) {
    case 'select':
      return (v) => (arg(v).some(truthy) ? [v] : []);
    case 'map':
      return (v) => [iterate(v, false).flatMap(arg)];
    case 'has':
      return (v) => [Array.isArray(v) ? (one(v) as number) < v.length : Object.prototype.hasOwnProperty.call(v, one(v) as string)];
    case 'join':
      return (v) => [(v as Json[]).map((x) => (x === null ? '' : String(x))).join(one(v) as string)];
    case 'sort_by':
      return (v) => [[...(v as Json[])].sort((a, b) => compare(one(a), one(b)))];
    case 'group_by': {
      return (v) => {
        const sorted = [...(v as Json[])].sort((a, b) => compare(one(a), one(b)));
        const groups: Json[][] = [];
        for (const x of sorted) {
          const last = groups[groups.length - 1];
          if (last && compare(one(last[0]), one(x)) === 0) last.push(x);
          else groups.push([x]);
        }
        return [groups];
      };
    }
    case 'contains':
      return (v) => [typeof v === 'string' ? v.includes(one(v) as string) : JSON.stringify(v).includes(JSON.stringify(one(v)).slice(1, -1))];
    case 'test':
      return (v) => [new RegExp(one(v) as string).test(v as string)];
    case 'split':
      return (v) => [(v as string).split(one(v) as string)];
    case 'startswith':
      return (v) => [(v as string).startsWith(one(v) as string)];
    default:
      return (v) => [(v as string).endsWith(one(v) as string)];
  }
}

/** parseJsonStream reads one or more whitespace-separated JSON documents. */
function parseJsonStream(text: string): Json[] {
  const docs: Json[] = [];
  let rest = text.trim();
  while (rest !== '') {
    try {
      docs.push(JSON.parse(rest) as Json);
      break;
    } catch {
      // Several documents: find the longest prefix that parses.
      let end = -1;
      for (let k = 1; k <= rest.length; k++) {
        if (!/[}\]"\d el]/.test(rest[k - 1])) continue;
        try {
          JSON.parse(rest.slice(0, k));
          end = k;
          break;
        } catch {
          /* keep looking */
        }
      }
      if (end < 0) throw new JqError('parse error: Invalid numeric literal at line 1, column 1');
      docs.push(JSON.parse(rest.slice(0, end)) as Json);
      rest = rest.slice(end).trim();
    }
  }
  return docs;
}

/** jq runs a filter over JSON from stdin or files: -r raw strings, -c compact, -n null input, -e exit status. */
export const jq: Command = async (io) => {
  let raw = false;
  let compact = false;
  let nullInput = false;
  let exitStatus = false;
  const operands: string[] = [];
  for (const a of io.argv.slice(1)) {
    if (/^-[rcnejM]+$/.test(a)) {
      raw ||= a.includes('r') || a.includes('j');
      compact ||= a.includes('c');
      nullInput ||= a.includes('n');
      exitStatus ||= a.includes('e');
    } else if (a === '--raw-output') raw = true;
    else if (a === '--compact-output') compact = true;
    else operands.push(a);
  }
  const filterSrc = operands.shift() ?? '.';
  let filter: Filter;
  try {
    filter = compileJq(filterSrc);
  } catch (e) {
    io.stderr(`jq: error: ${(e as Error).message}\njq: 1 compile error\n`);
    return 3;
  }
  let input = io.stdin;
  if (operands.length) {
    try {
      input = operands.map((f) => io.fs.read(f, io.cwd)).join('\n');
    } catch (e) {
      io.stderr(`jq: error: Could not open ${operands[0]}: ${(e as Error).message}\n`);
      return 2;
    }
  }
  let docs: Json[];
  try {
    docs = nullInput ? [null] : parseJsonStream(input);
  } catch (e) {
    io.stderr(`jq: error (at <stdin>:0): ${(e as Error).message}\n`);
    return 2;
  }
  let last: Json = null;
  let any = false;
  for (const doc of docs) {
    try {
      for (const r of filter(doc)) {
        last = r;
        any = true;
        io.stdout((raw && typeof r === 'string' ? r : compact ? JSON.stringify(r) : JSON.stringify(r, null, 2)) + '\n');
      }
    } catch (e) {
      if (!(e instanceof JqError)) throw e;
      const lines = input.split('\n').length - (input.endsWith('\n') ? 1 : 0);
      io.stderr(`jq: error (at <stdin>:${lines}): ${e.message}\n`);
      return 5;
    }
  }
  if (exitStatus) return any && truthy(last) ? 0 : 1;
  return 0;
};
