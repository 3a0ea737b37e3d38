import type { ShellSignal } from './types.ts';

/** ShellState is everything a subshell copies: variables, functions, cwd, options. */
export interface ShellState {
  /** exitRequested is set when `exit` ended a run of this shell (a subshell has its own state). */
  exitRequested?: boolean;
  vars: Map<string, string>;
  exported: Set<string>;
  functions: Map<string, import('./ast.ts').CompoundCommand>;
  /** `alias k=kubectl`: expanded on the command word only (simplified: no re-parsing of the value). */
  aliases: Map<string, string>;
  positional: string[];
  scriptName: string;
  cwd: string;
  lastStatus: number;
  lastBackgroundPid: number;
  options: { errexit: boolean; nounset: boolean; xtrace: boolean; pipefail: boolean };
}

/** cloneState copies a state for `( ... )`, pipelines and command substitution. */
export function cloneState(s: ShellState): ShellState {
  return {
    ...s,
    vars: new Map(s.vars),
    exported: new Set(s.exported),
    functions: new Map(s.functions),
    aliases: new Map(s.aliases),
    positional: [...s.positional],
    options: { ...s.options },
  };
}

/** StdinBuffer is a command's buffered stdin; `read` takes a line, other commands take the rest. */
export class StdinBuffer {
  pos = 0;
  constructor(readonly data: string) {}

  /** rest consumes and returns everything not yet read. */
  rest(): string {
    const r = this.data.slice(this.pos);
    this.pos = this.data.length;
    return r;
  }

  /** readLine consumes one line (without its newline), or returns null at EOF. */
  readLine(): string | null {
    if (this.pos >= this.data.length) return null;
    const nl = this.data.indexOf('\n', this.pos);
    const end = nl < 0 ? this.data.length : nl;
    const line = this.data.slice(this.pos, end);
    this.pos = nl < 0 ? this.data.length : nl + 1;
    return line;
  }
}

/** Streams are the file descriptors 0, 1, 2 of one command, plus its signal. */
export interface Streams {
  stdin: StdinBuffer;
  stdout(text: string): void;
  stderr(text: string): void;
  /** True while stdout is the terminal itself. */
  tty: boolean;
  signal: ShellSignal;
}

/** Control flow travels as exceptions through the async interpreter. */
export class BreakSignal {
  constructor(public levels: number) {}
}
/** ContinueSignal is `continue [n]`. */
export class ContinueSignal {
  constructor(public levels: number) {}
}
/** ReturnSignal is `return [n]` from a function or sourced file. */
export class ReturnSignal {
  constructor(readonly status: number) {}
}
/** ExitSignal is `exit [n]`, or a fatal expansion error in a script. */
export class ExitSignal {
  constructor(readonly status: number) {}
}
/** InterruptSignal unwinds everything when the run's signal aborts (Ctrl-C, timeout). */
export class InterruptSignal {
  constructor(readonly status = 130) {}
}
