import type { CondExpr } from './ast.ts';
import { expandPattern, expandString } from './expand.ts';
import { matchGlob } from './glob.ts';
import type { Interpreter } from './interpreter.ts';
import type { Streams } from './state.ts';
import { evalTest } from './testExpr.ts';

/**
 * evalCond evaluates a `[[ ... ]]` expression: no word splitting or globbing
 * of operands, `==`/`!=` match shell patterns (quoted parts literal), `=~`
 * matches a regular expression, `-eq`… compare arithmetic values.
 */
export async function evalCond(sh: Interpreter, e: CondExpr, s: Streams): Promise<boolean> {
  const env = sh.expandEnv(s);
  switch (e.kind) {
    case 'and':
      return (await evalCond(sh, e.left, s)) && evalCond(sh, e.right, s);
    case 'or':
      return (await evalCond(sh, e.left, s)) || evalCond(sh, e.right, s);
    case 'not':
      return !(await evalCond(sh, e.expr, s));
    case 'word':
      return (await expandString(e.arg, env)) !== '';
    case 'unary':
      return evalTest([e.op, await expandString(e.arg, env)], sh.host.fs, sh.state.cwd).result === 0;
    case 'binary': {
      const left = await expandString(e.left, env);
      if (e.op === '==' || e.op === '=' || e.op === '!=') {
        const hit = matchGlob(await expandPattern(e.right, env), left);
        return e.op === '!=' ? !hit : hit;
      }
      const right = await expandString(e.right, env);
      if (e.op === '=~') {
        try {
          return new RegExp(right).test(left);
        } catch {
          return false;
        }
      }
      if (e.op === '<') return left < right;
      if (e.op === '>') return left > right;
      if (/^-(eq|ne|lt|le|gt|ge)$/.test(e.op)) {
        const a = sh.arith(left, s);
        const b = sh.arith(right, s);
        return { '-eq': a === b, '-ne': a !== b, '-lt': a < b, '-le': a <= b, '-gt': a > b, '-ge': a >= b }[e.op]!;
      }
      return evalTest([left, e.op, right], sh.host.fs, sh.state.cwd).result === 0;
    }
  }
}

