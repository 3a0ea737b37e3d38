import { abortableSleep } from './abort.ts';
import type { ExpandEnv } from './expand.ts';
import type { Interpreter } from './interpreter.ts';
import { ExitSignal, InterruptSignal, StdinBuffer, type Streams } from './state.ts';
import type { Command, CommandIO } from './types.ts';

/* The two seams between the interpreter and the outside: expansion's view of the shell, and a registered command's CommandIO. */

/** shellExpandEnv adapts the state for word expansion; `$(...)` runs in a subshell with stderr passed through. */
export function shellExpandEnv(sh: Interpreter, s: Streams): ExpandEnv {
  const st = sh.state;
  return {
    getVar: (n) => st.vars.get(n),
    setVar: (n, v) => void st.vars.set(n, v),
    special: (n) => {
      switch (n) {
        case '?': return String(st.lastStatus);
        case '$': return String(sh.host.pid);
        case '!': return st.lastBackgroundPid ? String(st.lastBackgroundPid) : '';
        case '#': return String(st.positional.length);
        case '0': return st.scriptName;
        case '-': return 'hB';
      }
      if (/^\d+$/.test(n)) return st.positional[Number(n) - 1];
      return undefined;
    },
    positional: () => st.positional,
    commandSubst: async (src) => {
      let out = '';
      const sub = sh.subshell();
      const status = await sub.runSource(src, { ...s, stdin: new StdinBuffer(''), stdout: (t) => (out += t), tty: false });
      st.lastStatus = status;
      return out;
    },
    home: sh.host.home,
    cwd: st.cwd,
    fs: sh.host.fs,
  };
}


/** runRegistered calls a host-registered Command with a CommandIO built from the shell state. */
export async function runRegistered(sh: Interpreter, cmd: Command, argv: string[], s: Streams, assigns: [string, string][]): Promise<number> {
  let stdin: string | undefined;
  const io: CommandIO = {
    argv,
    // NOTE: stdin is consumed only when the command reads it, so `echo` inside
    // `while read ...; do ...; done < file` leaves the remaining lines for `read`.
    get stdin() {
      stdin ??= s.stdin.rest();
      return stdin;
    },
    stdout: s.stdout,
    stderr: s.stderr,
    env: sh.exportedEnv(assigns),
    cwd: sh.state.cwd,
    fs: sh.host.fs,
    signal: s.signal,
    sleep: (ms) => abortableSleep(sh.host.sleep, ms, s.signal),
    isTTY: s.tty,
  };
  let status: number;
  try {
    status = await cmd(io);
  } catch (e) {
    if (e instanceof InterruptSignal || e instanceof ExitSignal) throw e;
    s.stderr(`bash: ${argv[0]}: ${e instanceof Error ? e.message : String(e)}\n`);
    status = 1;
  }
  if (s.signal.aborted) throw new InterruptSignal();
  return status;
}

