/**
 * A deliberately tiny stand-in for Python/Node scripts: it understands the few statements
 * lessons use (`print(...)`, `console.log(...)`, sleeps, exits) and ignores the rest. Real
 * interpreters are out of scope; this keeps `python -c "print('hi')"` and one-line Node
 * scripts honest.
 */
import type { ProcessContext } from '../../runtime/types.ts';

/** runMiniScript executes the recognised statements of `source`, resolving to an exit code. */
export async function runMiniScript(ctx: ProcessContext, source: string): Promise<number> {
  const statements = source.split(/[;\n]/).map((s) => s.trim()).filter(Boolean);
  for (const st of statements) {
    let m: RegExpExecArray | null;
    if ((m = /^(?:print|console\.log|console\.error)\(\s*(?:"([^"]*)"|'([^']*)'|`([^`]*)`|(-?[0-9.]+))\s*\)$/.exec(st))) {
      ctx.log(m[1] ?? m[2] ?? m[3] ?? m[4], st.startsWith('console.error') ? 'stderr' : 'stdout');
    } else if ((m = /^(?:time\.sleep\(\s*([0-9.]+)\s*\)|setTimeout\(.*,\s*([0-9]+)\s*\))$/.exec(st))) {
      await ctx.sleep(m[1] !== undefined ? Number(m[1]) * 1000 : Number(m[2]));
    } else if ((m = /^(?:sys\.exit|exit|process\.exit|os\._exit)\(\s*([0-9]*)\s*\)$/.exec(st))) {
      return m[1] ? Number(m[1]) : 0;
    } else if (/^while True:\s*(?:time\.sleep|pass)/.test(st) || /^setInterval\(/.test(st)) {
      return ctx.forever();
    }
  }
  return 0;
}
