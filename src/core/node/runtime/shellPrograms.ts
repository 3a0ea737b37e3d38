/**
 * The programs PID 1 runs when argv[0] is not one of the image's own programs: a shell
 * (`sh -c "…"`, `sh script.sh`, a bare `sh`) or a command found through the shell
 * (`sleep 3600`, `echo hi`), all interpreted by the injected ShellRunner.
 */
import type { ProcessContext, Program } from './types.ts';
import { quoteArgv } from './shellRunner.ts';

/**
 * shellProgram runs `sh [options] -c SCRIPT [NAME [ARGS…]]`, `sh FILE [ARGS…]` or a bare `sh`.
 * A bare shell reads stdin: without `stdin: true` it sees EOF and exits 0 at once (the classic
 * "busybox Deployment goes Completed → CrashLoopBackOff"); with stdin it waits for `kubectl attach`.
 */
export const shellProgram: Program = async (ctx: ProcessContext) => {
  const [argv0, ...rest] = ctx.argv;
  let i = 0;
  let command = false;
  while (i < rest.length && rest[i].startsWith('-') && rest[i] !== '-') {
    if (rest[i].includes('c')) command = true;
    i++;
    if (command) break;
  }
  if (command) {
    const script = rest[i];
    if (script === undefined) {
      ctx.log(`${argv0.split('/').pop()}: -c requires an argument`, 'stderr');
      return 2;
    }
    const positional = rest.slice(i + 1);
    return ctx.sh(script, positional.length > 0 ? positional : [argv0]);
  }
  const file = rest[i];
  if (file === undefined) return ctx.stdin ? ctx.forever() : 0;
  let source: string;
  try {
    source = ctx.fs.read(file, ctx.cwd);
  } catch (err) {
    // busybox ash wording; Debian's dash says "sh: 0: cannot open FILE: No such file".
    ctx.log(`${argv0.split('/').pop()}: can't open '${file}': ${err instanceof Error ? err.message : String(err)}`, 'stderr');
    return 2;
  }
  return ctx.sh(source, [file, ...rest.slice(i + 1)]);
};

/** commandProgram runs a plain argv (`sleep 3600`) through the shell, quoted so it is taken literally. */
export const commandProgram: Program = (ctx: ProcessContext) => ctx.sh(quoteArgv(ctx.argv));

/**
 * plainSleepMs is what `sleep N` waits when argv is exactly `sleep` and whole seconds, the
 * classic keep-alive command of busybox pods; undefined for anything else (suffixes, fractions,
 * several operands, errors), which the shell's `sleep` handles.
 */
export function plainSleepMs(argv: readonly string[]): number | undefined {
  if (argv.length !== 2 || argv[0] !== 'sleep' || !/^\d+$/.test(argv[1])) return undefined;
  // The shell's sleep computes Number(operand) * 1 * 1000 for a whole number of seconds.
  return Number(argv[1]) * 1000;
}

/**
 * sleepProgram is `sleep N` as PID 1 without starting a shell: the shell's sleep prints nothing,
 * waits on the process clock and exits 0, and so does this, but an idle container then holds a
 * timer instead of a whole interpreter (~15 KB, heap per pod). Chosen only when plainSleepMs
 * applies and `sleep` is the shell's builtin (see startProcess).
 */
export const sleepProgram: Program = (ctx: ProcessContext) => ctx.sleep(plainSleepMs(ctx.argv)!).then(() => 0);
