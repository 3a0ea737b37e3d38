import { unexpectedEOF, unexpectedToken } from './errors.ts';
import type { Lexer, Token } from './lexer.ts';

/**
 * TokenStream is the parser's view of the lexer: one token of lookahead, re-lexed when the
 * caller switches between ordinary and `[[ ]]` lexing, and bash's syntax-error wording.
 */
export class TokenStream {
  protected peeked: { tok: Token; start: number; cond: boolean } | null = null;

  constructor(readonly lexer: Lexer) {}

  peek(cond = false): Token {
    // NOTE: a peeked newline has already consumed here-document bodies, so it is never re-lexed.
    if (this.peeked && this.peeked.cond !== cond && this.peeked.tok.kind !== 'newline') {
      this.lexer.pos = this.peeked.start;
      this.peeked = null;
    }
    if (!this.peeked) {
      this.lexer.skipBlanks();
      const start = this.lexer.pos;
      this.peeked = { tok: this.lexer.next(cond), start, cond };
    }
    return this.peeked.tok;
  }

  next(cond = false): Token {
    const t = this.peek(cond);
    this.peeked = null;
    return t;
  }

  isWord(t: Token, raw: string): boolean {
    return t.kind === 'word' && t.raw === raw;
  }

  isOp(t: Token, op: string): boolean {
    return t.kind === 'op' && t.op === op;
  }

  fail(t: Token, expecting?: string): never {
    if (t.kind === 'eof') throw unexpectedEOF(expecting);
    throw unexpectedToken(tokenText(t));
  }

  skipNewlines(): void {
    while (this.peek().kind === 'newline') this.next();
  }

  expectWord(raw: string): void {
    this.skipNewlines();
    const t = this.next();
    if (!this.isWord(t, raw)) this.fail(t, raw);
  }
}

function tokenText(t: Token): string {
  if (t.kind === 'word') return t.raw;
  if (t.kind === 'op') return t.op;
  if (t.kind === 'newline') return 'newline';
  return 'EOF';
}
