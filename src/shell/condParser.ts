import type { CondExpr } from './ast.ts';
import type { TokenStream } from './tokenStream.ts';

/* bash's `[[ ... ]]` conditional expressions: ||, &&, !, ( ), unary tests and binary comparisons. */

/** parseCond reads a `[[ ... ]]` expression: || binds loosest, then &&, then !. */
export function parseCond(ts: TokenStream): CondExpr {
  const expr = parseCondOr(ts);
  const t = ts.next(true);
  if (!ts.isWord(t, ']]')) ts.fail(t);
  return expr;
}

function parseCondOr(ts: TokenStream): CondExpr {
  let left = parseCondAnd(ts);
  while (ts.isOp(ts.peek(true), '||')) {
    ts.next(true);
    left = { kind: 'or', left, right: parseCondAnd(ts) };
  }
  return left;
}

function parseCondAnd(ts: TokenStream): CondExpr {
  let left = parseCondNot(ts);
  while (ts.isOp(ts.peek(true), '&&')) {
    ts.next(true);
    left = { kind: 'and', left, right: parseCondNot(ts) };
  }
  return left;
}

function parseCondNot(ts: TokenStream): CondExpr {
  const t = ts.next(true);
  if (ts.isWord(t, '!')) return { kind: 'not', expr: parseCondNot(ts) };
  if (ts.isOp(t, '(')) {
    const e = parseCondOr(ts);
    const close = ts.next(true);
    if (!ts.isOp(close, ')')) ts.fail(close);
    return e;
  }
  if (t.kind !== 'word' || t.raw === ']]') ts.fail(t);
  if (/^-[a-zA-Z]$/.test(t.raw)) {
    const arg = ts.peek(true);
    if (arg.kind === 'word' && arg.raw !== ']]') {
      ts.next(true);
      return { kind: 'unary', op: t.raw, arg: arg.raw };
    }
  }
  const op = ts.peek(true);
  if (op.kind === 'word' && /^(==?|!=|=~|<|>|-(eq|ne|lt|le|gt|ge|nt|ot|ef))$/.test(op.raw)) {
    ts.next(true);
    const right = ts.next(true);
    if (right.kind !== 'word') ts.fail(right);
    return { kind: 'binary', op: op.raw, left: t.raw, right: right.raw };
  }
  return { kind: 'word', arg: t.raw };
}
