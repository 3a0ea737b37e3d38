import { ShellSyntaxError } from './errors.ts';

/**
 * Token is what the lexer hands the parser. Words keep their raw text (quotes
 * and `$(...)` included) because expansion happens later, at run time.
 */
export type Token =
  | { kind: 'word'; raw: string }
  | { kind: 'op'; op: string; fd?: number }
  | { kind: 'newline' }
  | { kind: 'eof' };

/** PendingHeredoc is a `<<DELIM` whose body starts after the next newline. */
export interface PendingHeredoc {
  delimiter: string;
  stripTabs: boolean;
  onBody(body: string): void;
}

const OPERATORS = [
  '&>>', '<<-', '<<<', ';;&',
  '&&', '||', ';;', ';&', '>>', '<<', '>&', '<&', '>|', '<>', '&>', '|&',
  ';', '&', '|', '<', '>', '(', ')',
];
const META = new Set([' ', '\t', '\n', ';', '&', '|', '<', '>', '(', ')']);

/** matchingQuote is bash's wording for an unterminated quote. */
function eofInQuote(q: string): ShellSyntaxError {
  return new ShellSyntaxError(`unexpected EOF while looking for matching \`${q}'`, true);
}

/**
 * Lexer splits shell source into tokens on demand. The parser drives it so it
 * can switch to `[[ ]]` rules and collect here-document bodies at newlines,
 * which is how bash's own parser (parse.y) reads them.
 */
export class Lexer {
  pos = 0;
  private pending: PendingHeredoc[] = [];
  /** Warnings bash prints but does not fail on (here-doc ended by EOF). */
  readonly warnings: string[] = [];

  constructor(
    readonly src: string,
    private readonly strict = false,
  ) {}

  /** addHeredoc queues a body to read after the next newline token. */
  addHeredoc(h: PendingHeredoc): void {
    this.pending.push(h);
  }

  /** skipBlanks skips spaces, tabs, line continuations and comments. */
  skipBlanks(): void {
    const s = this.src;
    for (;;) {
      const c = s[this.pos];
      if (c === ' ' || c === '\t' || c === '\r') this.pos++;
      else if (c === '\\' && s[this.pos + 1] === '\n') this.pos += 2;
      else if (c === '#') {
        while (this.pos < s.length && s[this.pos] !== '\n') this.pos++;
      } else return;
    }
  }

  /** next returns the next token; in cond mode `&& || ! ( ) < >` come back as ops or words as `[[` needs. */
  next(cond = false): Token {
    this.skipBlanks();
    const s = this.src;
    if (this.pos >= s.length) {
      this.finishHeredocsAtEOF();
      return { kind: 'eof' };
    }
    const c = s[this.pos];
    if (c === '\n') {
      this.pos++;
      this.readHeredocs();
      return { kind: 'newline' };
    }
    if (cond) {
      for (const op of ['&&', '||', '(', ')']) {
        if (s.startsWith(op, this.pos)) {
          this.pos += op.length;
          return { kind: 'op', op };
        }
      }
      if (c === '<' || c === '>') {
        this.pos++;
        return { kind: 'word', raw: c };
      }
    }
    if (META.has(c)) {
      for (const op of OPERATORS) {
        if (s.startsWith(op, this.pos)) {
          this.pos += op.length;
          return { kind: 'op', op };
        }
      }
    }
    const raw = this.readWord();
    if (/^\d+$/.test(raw) && (s[this.pos] === '<' || s[this.pos] === '>') && !cond) {
      const op = this.next();
      if (op.kind === 'op') return { kind: 'op', op: op.op, fd: Number(raw) };
    }
    return { kind: 'word', raw };
  }

  /** tryArith reads `(( expr ))` at the current position, or returns null. */
  tryArith(): string | null {
    this.skipBlanks();
    if (!this.src.startsWith('((', this.pos)) return null;
    let depth = 0;
    for (let i = this.pos + 2; i < this.src.length; i++) {
      const ch = this.src[i];
      if (ch === '(') depth++;
      else if (ch === ')') {
        if (depth === 0) {
          if (this.src[i + 1] !== ')') return null;
          const expr = this.src.slice(this.pos + 2, i);
          this.pos = i + 2;
          return expr;
        }
        depth--;
      } else if (ch === '\n' && depth === 0) return null;
    }
    if (this.strict) throw new ShellSyntaxError('unexpected EOF while looking for matching `)\'', true);
    return null;
  }

  /** readWord consumes one word, honouring quotes and nested substitutions. */
  private readWord(): string {
    const s = this.src;
    const start = this.pos;
    while (this.pos < s.length) {
      const c = s[this.pos];
      if (META.has(c)) break;
      this.skipQuoted();
    }
    return s.slice(start, this.pos);
  }

  /** skipQuoted advances over one character or one quoted/substituted unit. */
  private skipQuoted(): void {
    const s = this.src;
    const c = s[this.pos];
    if (c === '\\') {
      this.pos += 2;
      if (this.pos > s.length) this.pos = s.length;
    } else if (c === "'") {
      const end = s.indexOf("'", this.pos + 1);
      if (end < 0) throw eofInQuote("'");
      this.pos = end + 1;
    } else if (c === '"') {
      this.pos++;
      while (s[this.pos] !== '"') {
        if (this.pos >= s.length) throw eofInQuote('"');
        if (s[this.pos] === '\\') this.pos += 2;
        else if (s[this.pos] === '$' || s[this.pos] === '`') this.skipDollarOrBacktick();
        else this.pos++;
      }
      this.pos++;
    } else if (c === '$' || c === '`') {
      this.skipDollarOrBacktick();
    } else {
      this.pos++;
    }
  }

  /** substitutionEnd returns the index just past the `$...` or backquoted unit starting at `at`. */
  substitutionEnd(at: number): number {
    this.pos = at;
    this.skipDollarOrBacktick();
    return this.pos;
  }

  /** skipDollarOrBacktick advances over `$(...)`, `$((...))`, `${...}`, `$'...'` or a backquoted command. */
  private skipDollarOrBacktick(): void {
    const s = this.src;
    if (s[this.pos] === '`') {
      let i = this.pos + 1;
      while (i < s.length && s[i] !== '`') i += s[i] === '\\' ? 2 : 1;
      if (i >= s.length) throw eofInQuote('`');
      this.pos = i + 1;
      return;
    }
    const n = s[this.pos + 1];
    if (n === "'") {
      let i = this.pos + 2;
      while (i < s.length && s[i] !== "'") i += s[i] === '\\' ? 2 : 1;
      if (i >= s.length) throw eofInQuote("'");
      this.pos = i + 1;
    } else if (n === '(' || n === '{') {
      this.pos += 2;
      this.skipBalanced(n === '(' ? ')' : '}');
    } else {
      this.pos++;
    }
  }

  /** skipBalanced skips to the `close` matching an already-consumed opener. */
  private skipBalanced(close: ')' | '}'): void {
    const s = this.src;
    const open = close === ')' ? '(' : '{';
    let depth = 0;
    while (this.pos < s.length) {
      const c = s[this.pos];
      if (c === close && depth === 0) {
        this.pos++;
        return;
      }
      if (c === open) depth++;
      else if (c === close) depth--;
      if (c === "'" && close === ')') {
        this.skipQuoted();
        continue;
      }
      if (c === '"' || c === '\\' || c === '$' || c === '`') {
        this.skipQuoted();
        continue;
      }
      this.pos++;
    }
    throw eofInQuote(close);
  }

  /** readHeredocs reads the bodies of the here-documents opened on the line just ended. */
  private readHeredocs(): void {
    const pending = this.pending;
    this.pending = [];
    for (const h of pending) {
      const lines: string[] = [];
      let found = false;
      while (this.pos < this.src.length) {
        const nl = this.src.indexOf('\n', this.pos);
        const end = nl < 0 ? this.src.length : nl;
        let line = this.src.slice(this.pos, end);
        this.pos = nl < 0 ? this.src.length : nl + 1;
        if (h.stripTabs) line = line.replace(/^\t+/, '');
        if (line === h.delimiter || line.replace(/\r$/, '') === h.delimiter) {
          found = true;
          break;
        }
        lines.push(line);
      }
      if (!found) this.eofInHeredoc(h);
      h.onBody(lines.map((l) => l + '\n').join(''));
    }
  }

  private finishHeredocsAtEOF(): void {
    if (this.pending.length === 0) return;
    for (const h of this.pending) {
      this.eofInHeredoc(h);
      h.onBody('');
    }
    this.pending = [];
  }

  private eofInHeredoc(h: PendingHeredoc): void {
    if (this.strict) throw new ShellSyntaxError('here-document not terminated', true);
    this.warnings.push(`warning: here-document at line 1 delimited by end-of-file (wanted \`${h.delimiter}')`);
  }
}
