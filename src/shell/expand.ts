import { evalArith } from './arith.ts';
import { ShellRuntimeError } from './errors.ts';
import { escapeGlob, expandPathname, globToRegExpSource, hasGlobChars, unescapeGlob } from './glob.ts';
import { Lexer } from './lexer.ts';
import { ansiCUnescape } from './quoting.ts';
import type { VirtualFS } from './types.ts';

/** ExpandEnv is what word expansion needs from the running shell. */
export interface ExpandEnv {
  getVar(name: string): string | undefined;
  setVar(name: string, value: string): void;
  /** `$?`, `$$`, `$!`, `$0`, `$-`, `$#` and positional parameters. */
  special(name: string): string | undefined;
  positional(): string[];
  /** Runs `$(...)` and returns its stdout. */
  commandSubst(src: string): Promise<string>;
  home: string;
  cwd: string;
  fs: VirtualFS;
}

/** A piece of expanded text: quoted text is never split or globbed. */
type Piece = { text: string; quoted: boolean; split: boolean } | { fieldBreak: true };

type Mode = 'word' | 'dquote' | 'heredoc';

/** expandWords performs all expansions on command words: the argv that runs. */
export async function expandWords(raws: string[], env: ExpandEnv): Promise<string[]> {
  const out: string[] = [];
  for (const raw of raws) out.push(...(await expandWordToFields(raw, env)));
  return out;
}

/** expandWordToFields expands one word with field splitting and pathname expansion. */
export async function expandWordToFields(raw: string, env: ExpandEnv): Promise<string[]> {
  const pieces = await expandPieces(raw, env, 'word', true);
  const fields = splitFields(pieces, env.getVar('IFS') ?? ' \t\n');
  const out: string[] = [];
  for (const f of fields) {
    const pattern = f.map((s) => (s.quoted ? escapeGlob(s.text) : s.text)).join('');
    if (f.some((s) => !s.quoted) && hasGlobChars(pattern)) {
      const matches = expandPathname(pattern, env.fs, env.cwd);
      if (matches.length > 0) {
        out.push(...matches);
        continue;
      }
      out.push(unescapeGlob(pattern));
    } else out.push(f.map((s) => s.text).join(''));
  }
  return out;
}

/** expandString expands without splitting or globbing (assignments, redirections, `case` words, `[[ ]]`). */
export async function expandString(raw: string, env: ExpandEnv, tilde = true): Promise<string> {
  const pieces = await expandPieces(raw, env, 'word', tilde);
  return pieces.map((p) => ('text' in p ? p.text : ' ')).join('');
}

/** expandPattern expands a word into a glob pattern whose quoted parts are literal. */
export async function expandPattern(raw: string, env: ExpandEnv): Promise<string> {
  const pieces = await expandPieces(raw, env, 'word', true);
  return pieces.map((p) => ('text' in p ? (p.quoted ? escapeGlob(p.text) : p.text) : ' ')).join('');
}

/** expandHeredoc expands a here-document body: `$`, backquotes and `\$ \` \\` only. */
export async function expandHeredoc(body: string, env: ExpandEnv): Promise<string> {
  const pieces = await expandPieces(body, env, 'heredoc', false);
  return pieces.map((p) => ('text' in p ? p.text : ' ')).join('');
}

/** splitFields applies IFS splitting to unquoted expansion results. */
function splitFields(pieces: Piece[], ifs: string): { text: string; quoted: boolean }[][] {
  const fields: { text: string; quoted: boolean }[][] = [];
  let cur: { text: string; quoted: boolean }[] = [];
  let has = false;
  const flush = (): void => {
    if (has) fields.push(cur);
    cur = [];
    has = false;
  };
  for (const p of pieces) {
    if ('fieldBreak' in p) {
      flush();
      continue;
    }
    if (!p.split || ifs === '') {
      cur.push({ text: p.text, quoted: p.quoted });
      if (p.quoted || p.text !== '') has = true;
      continue;
    }
    let word = '';
    for (const ch of p.text) {
      if (ifs.includes(ch)) {
        if (word !== '') {
          cur.push({ text: word, quoted: false });
          has = true;
          word = '';
        }
        flush();
      } else word += ch;
    }
    if (word !== '') {
      cur.push({ text: word, quoted: false });
      has = true;
    }
  }
  flush();
  return fields;
}

/** expandPieces walks a raw word and performs tilde, parameter, command and arithmetic expansion. */
async function expandPieces(raw: string, env: ExpandEnv, mode: Mode, tilde: boolean): Promise<Piece[]> {
  const out: Piece[] = [];
  const quoted = mode !== 'word';
  const lit = (text: string, q = quoted): void => {
    out.push({ text, quoted: q, split: false });
  };
  let i = 0;
  if (tilde && mode === 'word' && raw[0] === '~' && (raw.length === 1 || raw[1] === '/' || raw[1] === ':')) {
    lit(env.home, true);
    i = 1;
  }
  while (i < raw.length) {
    const c = raw[i];
    if (c === '\\') {
      const n = raw[i + 1];
      if (n === undefined) {
        lit('\\', true);
        i++;
      } else if (n === '\n') i += 2;
      else if (mode === 'word') {
        lit(n, true);
        i += 2;
      } else if ('$`\\'.includes(n) || (mode === 'dquote' && n === '"')) {
        lit(n, true);
        i += 2;
      } else {
        lit('\\', true);
        i++;
      }
    } else if (c === "'" && mode === 'word') {
      const end = raw.indexOf("'", i + 1);
      const stop = end < 0 ? raw.length : end;
      lit(raw.slice(i + 1, stop), true);
      i = stop + 1;
    } else if (c === '"' && mode === 'word') {
      const end = endOfDoubleQuote(raw, i);
      const inner = raw.slice(i + 1, end);
      if (inner === '$@' || inner === '${@}') {
        const params = env.positional();
        params.forEach((p, k) => {
          if (k > 0) out.push({ fieldBreak: true });
          lit(p, true);
        });
      } else {
        lit('', true);
        out.push(...(await expandPieces(inner, env, 'dquote', false)));
      }
      i = end + 1;
    } else if (c === '$' && raw[i + 1] === "'" && mode === 'word') {
      const end = new Lexer(raw).substitutionEnd(i);
      lit(ansiCUnescape(raw.slice(i + 2, end - 1)).text, true);
      i = end;
    } else if (c === '$' || c === '`') {
      const r = await expandDollar(raw, i, env);
      if (r.fields) {
        r.fields.forEach((f, k) => {
          if (k > 0) out.push(quoted ? { text: ' ', quoted: true, split: false } : { fieldBreak: true });
          out.push({ text: f, quoted, split: !quoted });
        });
      } else out.push({ text: r.text, quoted, split: !quoted });
      i = r.end;
    } else {
      lit(c, quoted);
      i++;
    }
  }
  return out;
}

function endOfDoubleQuote(raw: string, start: number): number {
  let i = start + 1;
  while (i < raw.length && raw[i] !== '"') {
    if (raw[i] === '\\') i += 2;
    else if (raw[i] === '$' || raw[i] === '`') i = Math.max(i + 1, new Lexer(raw).substitutionEnd(i));
    else i++;
  }
  return Math.min(i, raw.length);
}

/** expandDollar expands the `$...` or backquoted unit at `i`. `fields` is set for `$@`/`$*`. */
async function expandDollar(raw: string, i: number, env: ExpandEnv): Promise<{ text: string; end: number; fields?: string[] }> {
  if (raw[i] === '`') {
    const end = new Lexer(raw).substitutionEnd(i);
    const body = raw.slice(i + 1, end - 1).replace(/\\([$`\\])/g, '$1');
    return { text: trimNewlines(await env.commandSubst(body)), end };
  }
  const n = raw[i + 1];
  if (n === '(') {
    const end = new Lexer(raw).substitutionEnd(i);
    if (raw[i + 2] === '(' && raw[end - 2] === ')') {
      const expr = await expandPieces(raw.slice(i + 3, end - 2), env, 'heredoc', false);
      const text = expr.map((p) => ('text' in p ? p.text : ' ')).join('');
      return { text: String(evalArith(text, arithVars(env))), end };
    }
    return { text: trimNewlines(await env.commandSubst(raw.slice(i + 2, end - 1))), end };
  }
  if (n === '{') {
    const end = new Lexer(raw).substitutionEnd(i);
    return { ...(await expandBraced(raw.slice(i + 2, end - 1), env)), end };
  }
  if (n !== undefined && /[@*#?$!0-9-]/.test(n)) {
    if (n === '@' || n === '*') return { text: env.positional().join(' '), end: i + 2, fields: env.positional() };
    return { text: env.special(n) ?? '', end: i + 2 };
  }
  const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(raw.slice(i + 1));
  if (!m) return { text: '$', end: i + 1 };
  return { text: lookup(m[0], env) ?? '', end: i + 1 + m[0].length };
}

function arithVars(env: ExpandEnv): { get(n: string): string | undefined; set(n: string, v: string): void } {
  return { get: (n) => lookup(n, env), set: (n, v) => env.setVar(n, v) };
}

function lookup(name: string, env: ExpandEnv): string | undefined {
  if (/^[0-9]+$/.test(name) || /^[@*#?$!-]$/.test(name)) {
    if (name === '@' || name === '*') return env.positional().join(' ');
    return env.special(name);
  }
  return env.getVar(name);
}

function trimNewlines(s: string): string {
  return s.replace(/\n+$/, '');
}

/** expandBraced implements `${...}`: defaults, lengths, trimming, replacement, substrings, case. */
async function expandBraced(body: string, env: ExpandEnv): Promise<{ text: string; fields?: string[] }> {
  if (body.startsWith('#') && body.length > 1) {
    const name = body.slice(1);
    if (name === '@' || name === '*') return { text: String(env.positional().length) };
    return { text: String([...(lookup(name, env) ?? '')].length) };
  }
  const m = /^([A-Za-z_][A-Za-z0-9_]*|[0-9]+|[@*#?$!0-])/.exec(body);
  if (!m) throw new ShellRuntimeError(`\${${body}}: bad substitution`);
  const name = m[0];
  const rest = body.slice(name.length);
  const value = lookup(name, env);
  if (rest === '') {
    if (name === '@' || name === '*') return { text: env.positional().join(' '), fields: env.positional() };
    return { text: value ?? '' };
  }
  const op = /^(:-|:=|:\+|:\?|-|=|\+|\?|##|#|%%|%|\/\/|\/#|\/%|\/|\^\^|\^|,,|,|:)/.exec(rest)?.[0];
  if (!op) throw new ShellRuntimeError(`\${${body}}: bad substitution`);
  const arg = rest.slice(op.length);
  const word = (): Promise<string> => expandString(arg, env);
  const unsetOrNull = value === undefined || (op.startsWith(':') && value === '');
  switch (op) {
    case ':-':
    case '-':
      return { text: unsetOrNull ? await word() : value! };
    case ':=':
    case '=':
      if (unsetOrNull) env.setVar(name, await word());
      return { text: env.getVar(name) ?? '' };
    case ':+':
    case '+':
      return { text: unsetOrNull ? '' : await word() };
    case ':?':
    case '?':
      if (unsetOrNull) throw new ShellRuntimeError(`${name}: ${(await word()) || 'parameter null or not set'}`);
      return { text: value! };
    case '#':
    case '##':
    case '%':
    case '%%':
      return { text: trimPattern(value ?? '', await expandPattern(arg, env), op) };
    case '/':
    case '//':
    case '/#':
    case '/%': {
      const slash = findUnescapedSlash(arg);
      const pat = await expandPattern(slash < 0 ? arg : arg.slice(0, slash), env);
      const rep = slash < 0 ? '' : await expandString(arg.slice(slash + 1), env);
      return { text: replacePattern(value ?? '', pat, rep, op) };
    }
    case '^^':
    case '^':
      return { text: op === '^^' ? (value ?? '').toUpperCase() : (value ?? '').charAt(0).toUpperCase() + (value ?? '').slice(1) };
    case ',,':
    case ',':
      return { text: op === ',,' ? (value ?? '').toLowerCase() : (value ?? '').charAt(0).toLowerCase() + (value ?? '').slice(1) };
    case ':': {
      const [offRaw, lenRaw] = splitOnce(arg, ':');
      const chars = [...(value ?? '')];
      let off = evalArith(offRaw, arithVars(env));
      if (off < 0) off = Math.max(0, chars.length + off);
      let len = lenRaw === undefined ? chars.length - off : evalArith(lenRaw, arithVars(env));
      if (len < 0) len = Math.max(0, chars.length - off + len);
      return { text: chars.slice(off, off + len).join('') };
    }
  }
  throw new ShellRuntimeError(`\${${body}}: bad substitution`);
}

function splitOnce(s: string, sep: string): [string, string | undefined] {
  const i = s.indexOf(sep);
  return i < 0 ? [s, undefined] : [s.slice(0, i), s.slice(i + 1)];
}

function findUnescapedSlash(s: string): number {
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '\\') i++;
    else if (s[i] === '/') return i;
  }
  return -1;
}

function trimPattern(value: string, pattern: string, op: string): string {
  const src = globToRegExpSource(pattern);
  if (op === '#' || op === '##') {
    const re = new RegExp(`^(?:${src})`);
    for (let k = op === '#' ? 0 : value.length; op === '#' ? k <= value.length : k >= 0; k += op === '#' ? 1 : -1) {
      if (re.test(value.slice(0, k)) && new RegExp(`^(?:${src})$`).test(value.slice(0, k))) return value.slice(k);
    }
    return value;
  }
  const re = new RegExp(`^(?:${src})$`);
  for (let k = op === '%' ? value.length : 0; op === '%' ? k >= 0 : k <= value.length; k += op === '%' ? -1 : 1) {
    if (re.test(value.slice(k))) return value.slice(0, k);
  }
  return value;
}

function replacePattern(value: string, pattern: string, rep: string, op: string): string {
  const src = globToRegExpSource(pattern);
  if (op === '/#') return value.replace(new RegExp(`^(?:${src})`), () => rep);
  if (op === '/%') return value.replace(new RegExp(`(?:${src})$`), () => rep);
  // Shell patterns match longest-first; JS greedy quantifiers give the same result here.
  return value.replace(new RegExp(src, op === '//' ? 'g' : ''), () => rep);
}
