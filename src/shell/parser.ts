import type {
  AndOr,
  CaseItem,
  CommandNode,
  CompoundCommand,
  List,
  Pipeline,
  Redirect,
  RedirectOp,
  SimpleCommand,
} from './ast.ts';
import { parseCond } from './condParser.ts';
import { ShellSyntaxError, unexpectedEOF, unexpectedToken } from './errors.ts';
import { Lexer } from './lexer.ts';
import { removeQuotes } from './quoting.ts';
import { TokenStream } from './tokenStream.ts';

/*
 * A compact recursive-descent parser for the POSIX shell grammar plus the bash
 * pieces people type in Kubernetes tutorials ([[ ]], (( )), here-strings, &>).
 * We did not use an npm parser: bash-parser is unmaintained since 2017 and
 * mishandles here-documents; mvdan-sh is a multi-megabyte GopherJS build
 * (deprecated); sh-syntax needs a ~1 MB WASM module and async start-up.
 */

const REDIRECT_OPS = new Set(['>', '>>', '>|', '<', '<>', '>&', '<&', '&>', '&>>', '<<', '<<-', '<<<']);
const LIST_END = new Set(['then', 'elif', 'else', 'fi', 'do', 'done', 'esac', '}']);
const RESERVED = new Set([
  ...LIST_END,
  'if',
  'for',
  'while',
  'until',
  'case',
  'in',
  '{',
  '!',
  '[[',
  ']]',
  'function',
]);
const MAX_DEPTH = 200;

/** ParseResult is a parsed list plus warnings bash would print (here-doc ended by EOF). */
export interface ParseResult {
  list: List;
  warnings: string[];
}

/**
 * parse turns shell source into a List. With `strict`, input that more lines
 * could complete throws an incomplete ShellSyntaxError instead of being
 * accepted (used by needsMoreInput); otherwise such input is reported the way
 * `bash -c` reports it.
 */
export function parse(src: string, strict = false): ParseResult {
  const p = new Parser(new Lexer(src, strict));
  const list = p.parseProgram();
  return { list, warnings: p.lexer.warnings };
}

class Parser extends TokenStream {
  private depth = 0;

  constructor(lexer: Lexer) {
    super(lexer);
  }

  parseProgram(): List {
    const list = this.parseList(false);
    const t = this.peek();
    if (t.kind !== 'eof') this.fail(t);
    return list;
  }

  /** parseList reads and-or lists until a reserved terminator, `)`, `;;` or EOF. */
  private parseList(required: boolean): List {
    if (++this.depth > MAX_DEPTH) throw new ShellSyntaxError('syntax error: nesting too deep', false);
    const list: List = [];
    for (;;) {
      this.skipNewlines();
      const t = this.peek();
      if (t.kind === 'eof' || (t.kind === 'word' && LIST_END.has(t.raw))) break;
      if (t.kind === 'op' && [')', ';;', ';&', ';;&'].includes(t.op)) break;
      const item = this.parseAndOr();
      list.push(item);
      const sep = this.peek();
      if (this.isOp(sep, ';') || this.isOp(sep, '&')) {
        this.next();
        item.background = sep.kind === 'op' && sep.op === '&';
      } else if (sep.kind !== 'newline') break;
    }
    this.depth--;
    if (required && list.length === 0) this.fail(this.peek());
    return list;
  }

  private parseAndOr(): AndOr {
    const first = this.parsePipeline();
    const rest: AndOr['rest'] = [];
    for (;;) {
      const t = this.peek();
      if (!this.isOp(t, '&&') && !this.isOp(t, '||')) break;
      this.next();
      this.skipNewlines();
      rest.push({ op: (t as { op: '&&' | '||' }).op, pipeline: this.parsePipeline() });
    }
    return { first, rest, background: false };
  }

  private parsePipeline(): Pipeline {
    let negate = false;
    while (this.isWord(this.peek(), '!')) {
      this.next();
      negate = !negate;
    }
    const commands = [this.parseCommand()];
    const pipeStderr: boolean[] = [];
    for (;;) {
      const t = this.peek();
      if (!this.isOp(t, '|') && !this.isOp(t, '|&')) break;
      this.next();
      pipeStderr.push(this.isOp(t, '|&'));
      this.skipNewlines();
      commands.push(this.parseCommand());
    }
    return { negate, commands, pipeStderr };
  }

  private parseCommand(): CommandNode {
    if (this.peeked && this.isOp(this.peeked.tok, '(')) {
      this.lexer.pos = this.peeked.start;
      this.peeked = null;
    }
    const arith = this.peeked ? null : this.lexer.tryArith();
    if (arith !== null) return this.withRedirects({ type: 'arith', expr: arith });
    const t = this.peek();
    if (t.kind === 'eof') throw unexpectedEOF();
    if (t.kind === 'newline') throw unexpectedToken('newline');
    if (this.isOp(t, '(')) {
      this.next();
      const body = this.parseList(true);
      const close = this.next();
      if (!this.isOp(close, ')')) this.fail(close);
      return this.withRedirects({ type: 'subshell', body });
    }
    if (t.kind === 'op' && !REDIRECT_OPS.has(t.op)) this.fail(t);
    if (t.kind === 'word') {
      switch (t.raw) {
        case '{': {
          this.next();
          const body = this.parseList(true);
          this.expectWord('}');
          return this.withRedirects({ type: 'brace', body });
        }
        case 'if':
          return this.parseIf();
        case 'for':
          return this.parseFor();
        case 'while':
        case 'until': {
          this.next();
          const cond = this.parseList(true);
          const body = this.parseDoGroup();
          return this.withRedirects({ type: 'while', until: t.raw === 'until', cond, body });
        }
        case 'case':
          return this.parseCase();
        case '[[':
          this.next();
          return this.withRedirects({ type: 'cond', expr: parseCond(this) });
        case 'function':
          return this.parseFunction(true);
        default:
          if (LIST_END.has(t.raw) || t.raw === 'in' || t.raw === ']]') this.fail(t);
      }
    }
    return this.parseSimple();
  }

  private withRedirects(c: CompoundCommand | Omit<CompoundCommand, 'redirects'>): CompoundCommand {
    const redirects: Redirect[] = [];
    for (;;) {
      const t = this.peek();
      if (t.kind === 'op' && REDIRECT_OPS.has(t.op)) redirects.push(this.parseRedirect());
      else break;
    }
    return { ...c, redirects } as CompoundCommand;
  }

  private parseRedirect(): Redirect {
    const t = this.next() as { kind: 'op'; op: string; fd?: number };
    const target = this.next();
    if (target.kind !== 'word') this.fail(target);
    const r: Redirect = { fd: t.fd ?? null, op: t.op as RedirectOp, target: target.raw };
    if (t.op === '<<' || t.op === '<<-') {
      const quoted = /['"\\]/.test(target.raw);
      r.heredoc = { body: '', expand: !quoted };
      this.lexer.addHeredoc({
        delimiter: removeQuotes(target.raw),
        stripTabs: t.op === '<<-',
        onBody: (body) => (r.heredoc!.body = body),
      });
    }
    return r;
  }

  private parseSimple(): CommandNode {
    const cmd: SimpleCommand = { type: 'simple', assigns: [], words: [], redirects: [] };
    for (;;) {
      const t = this.peek();
      if (t.kind === 'op' && REDIRECT_OPS.has(t.op)) {
        cmd.redirects.push(this.parseRedirect());
      } else if (t.kind === 'word') {
        if (cmd.words.length === 0 && /^[A-Za-z_][A-Za-z0-9_]*(\[[^\]]*\])?\+?=/.test(t.raw)) {
          this.next();
          cmd.assigns.push(t.raw);
          continue;
        }
        this.next();
        cmd.words.push(t.raw);
        if (cmd.words.length === 1 && cmd.assigns.length === 0 && this.isOp(this.peek(), '(')) {
          return this.parseFunctionBody(t.raw);
        }
      } else if (this.isOp(t, '(')) {
        this.fail(t);
      } else break;
    }
    return cmd;
  }

  private parseFunction(keyword: boolean): CommandNode {
    if (keyword) this.next();
    const name = this.next();
    if (name.kind !== 'word') this.fail(name);
    if (this.isOp(this.peek(), '(')) return this.parseFunctionBody(name.raw);
    this.skipNewlines();
    const body = this.parseCommand();
    if (body.type === 'simple' || body.type === 'function') this.fail({ kind: 'word', raw: body.type });
    return { type: 'function', name: name.raw, body };
  }

  private parseFunctionBody(name: string): CommandNode {
    this.next();
    const close = this.next();
    if (!this.isOp(close, ')')) this.fail(close);
    this.skipNewlines();
    const body = this.parseCommand();
    if (body.type === 'simple' || body.type === 'function') {
      throw unexpectedToken(body.type === 'simple' ? (body.words[0] ?? 'newline') : body.name);
    }
    return { type: 'function', name, body };
  }

  private parseIf(): CompoundCommand {
    this.next();
    const clauses: { cond: List; body: List }[] = [];
    let elseBody: List | null = null;
    for (;;) {
      const cond = this.parseList(true);
      this.expectWord('then');
      const body = this.parseList(true);
      clauses.push({ cond, body });
      this.skipNewlines();
      const t = this.next();
      if (this.isWord(t, 'elif')) continue;
      if (this.isWord(t, 'else')) {
        elseBody = this.parseList(true);
        this.expectWord('fi');
      } else if (!this.isWord(t, 'fi')) this.fail(t, 'fi');
      break;
    }
    return this.withRedirects({ type: 'if', clauses, elseBody });
  }

  private parseDoGroup(): List {
    this.expectWord('do');
    const body = this.parseList(true);
    this.expectWord('done');
    return body;
  }

  private parseFor(): CompoundCommand {
    this.next();
    const arith = this.lexer.tryArith();
    if (arith !== null) {
      const parts = arith.split(';');
      if (parts.length !== 3) throw unexpectedToken('((');
      const t = this.peek();
      if (this.isOp(t, ';')) this.next();
      const body = this.parseDoGroup();
      return this.withRedirects({ type: 'arithfor', init: parts[0], cond: parts[1], step: parts[2], body });
    }
    const name = this.next();
    if (name.kind !== 'word' || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(name.raw)) this.fail(name);
    let words: string[] | null = null;
    this.skipNewlines();
    if (this.isWord(this.peek(), 'in')) {
      this.next();
      words = [];
      for (;;) {
        const t = this.peek();
        if (t.kind !== 'word') break;
        this.next();
        words.push(t.raw);
      }
      const sep = this.next();
      if (!this.isOp(sep, ';') && sep.kind !== 'newline') this.fail(sep);
    } else if (this.isOp(this.peek(), ';')) this.next();
    const body = this.parseDoGroup();
    return this.withRedirects({ type: 'for', name: name.raw, words, body });
  }

  private parseCase(): CompoundCommand {
    this.next();
    const word = this.next();
    if (word.kind !== 'word') this.fail(word);
    this.expectWord('in');
    const items: CaseItem[] = [];
    for (;;) {
      this.skipNewlines();
      let t = this.next();
      if (this.isWord(t, 'esac')) break;
      if (this.isOp(t, '(')) t = this.next();
      const patterns: string[] = [];
      for (;;) {
        if (t.kind !== 'word') this.fail(t);
        patterns.push(t.raw);
        const sep = this.next();
        if (this.isOp(sep, ')')) break;
        if (!this.isOp(sep, '|')) this.fail(sep);
        t = this.next();
      }
      const body = this.parseList(false);
      const end = this.peek();
      let terminator: CaseItem['terminator'] = ';;';
      if (end.kind === 'op' && (end.op === ';;' || end.op === ';&' || end.op === ';;&')) {
        this.next();
        terminator = end.op;
      } else if (!this.isWord(end, 'esac')) this.fail(end);
      items.push({ patterns, body, terminator });
    }
    return this.withRedirects({ type: 'case', word: word.raw, items });
  }
}

/** isReservedWord reports whether a word is a shell keyword (for `type`). */
export function isReservedWord(word: string): boolean {
  return RESERVED.has(word);
}
