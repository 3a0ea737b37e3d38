import { SignalSource } from './abort.ts';
import { defaultCommands } from './builtins/index.ts';
import { completeLine, type CompletionResult } from './complete.ts';
import { BASH, type ShellDialect } from './dialect.ts';
import { RedirectError, ShellRuntimeError, ShellSyntaxError } from './errors.ts';
import { History } from './history.ts';
import type { Host, Limits } from './host.ts';
import { Interpreter } from './interpreter.ts';
import { MemoryFS } from './memoryFS.ts';
import { parse } from './parser.ts';
import { SHELL_BUILTINS } from './shellBuiltins.ts';
import { ExitSignal, InterruptSignal, StdinBuffer, type ShellState } from './state.ts';
import type { Command, Completer, OutputSink, ShellSignal, VirtualFS } from './types.ts';

/** ShellOptions configure a Shell; every field has a kubeadm-node-like default. */
export interface ShellOptions {
  fs?: VirtualFS;
  env?: Record<string, string>;
  commands?: Record<string, Command>;
  hostname?: string;
  user?: string;
  home?: string;
  /** How long `sleep` really waits; headless hosts advance a virtual clock instead. */
  sleep?: (ms: number, signal?: ShellSignal) => Promise<void>;
  /** Milliseconds since the epoch for `date`, `watch` and file times. */
  now?: () => number;
  /** `$$`. */
  pid?: number;
  limits?: Partial<Limits>;
  /** dialect words the shell's errors: bash (the default), busybox ash or Debian dash. */
  dialect?: ShellDialect;
}

const DEFAULT_LIMITS: Limits = { loopIterations: 10_000, commands: 200_000, functionDepth: 100 };
/** The instant `date` shows when the host gives no clock: Sun Nov 22 05:30:00 UTC 2026. */
const DEFAULT_NOW = Date.UTC(2026, 10, 22, 5, 30, 0);
const MAX_INPUT = 1_000_000;

/**
 * Shell is the terminal's interpreter, shared by the browser terminal, the
 * headless CLI and `sh` inside simulated containers. It knows nothing about
 * Kubernetes: hosts register `kubectl`, `curl`, ... as commands.
 */
export class Shell {
  readonly fs: VirtualFS;
  readonly history = new History();
  private readonly commands = new Map<string, Command>();
  private readonly completers = new Map<string, Completer>();
  private readonly state: ShellState;
  private readonly host: Host;

  constructor(opts: ShellOptions = {}) {
    const now = opts.now ?? (() => DEFAULT_NOW);
    const home = opts.home ?? '/root';
    const user = opts.user ?? 'root';
    const hostname = opts.hostname ?? 'controlplane';
    this.fs = opts.fs ?? new MemoryFS(now);
    for (const [n, c] of Object.entries(defaultCommands({ now, hostname: () => hostname, user: () => user }))) this.commands.set(n, c);
    for (const [n, c] of Object.entries(opts.commands ?? {})) this.commands.set(n, c);
    const env: Record<string, string> = {
      HOME: home, PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', USER: user,
      SHELL: '/bin/bash', TERM: 'xterm-256color', HOSTNAME: hostname, PWD: home, LANG: 'C.UTF-8',
      ...opts.env,
    };
    this.state = {
      vars: new Map(Object.entries(env)),
      exported: new Set(Object.keys(env)),
      functions: new Map(),
      aliases: new Map(),
      positional: [],
      scriptName: 'bash',
      cwd: this.fs.exists(env.PWD) ? this.fs.resolve(env.PWD) : '/',
      lastStatus: 0,
      lastBackgroundPid: 0,
      options: { errexit: false, nounset: false, xtrace: false, pipefail: false },
    };
    this.host = {
      commands: this.commands,
      fs: this.fs,
      sleep: opts.sleep ?? (() => Promise.resolve()),
      now,
      history: this.history,
      home,
      hostname,
      user,
      pid: opts.pid ?? 1,
      limits: { ...DEFAULT_LIMITS, ...opts.limits },
      dialect: opts.dialect ?? BASH,
      budget: { commands: 0 },
    };
  }

  /**
   * setTerminalSize records the terminal's size as an interactive bash does after each
   * command with checkwinsize: shell variables COLUMNS and LINES, set but not exported
   * (`echo $COLUMNS` shows the width; `env` does not list it). `watch` lays out its title by it.
   */
  setTerminalSize(columns: number, lines: number): void {
    if (!Number.isInteger(columns) || !Number.isInteger(lines) || columns < 1 || lines < 1) return;
    this.state.vars.set('COLUMNS', String(columns));
    this.state.vars.set('LINES', String(lines));
  }

  /** register adds or replaces a command (e.g. `kubectl`). */
  register(name: string, cmd: Command): void {
    this.commands.set(name, cmd);
  }

  /** registerCompleter adds tab completion for a command's arguments. */
  registerCompleter(name: string, fn: Completer): void {
    this.completers.set(name, fn);
  }

  /** exited is set once a run ended with the `exit` builtin (a host may close this shell). */
  exited = false;

  /** lastStatus is `$?` after the last run. */
  get lastStatus(): number {
    return this.state.lastStatus;
  }

  /** cwd is the current directory. */
  get cwd(): string {
    return this.state.cwd;
  }

  /** env returns the exported environment (what `env` prints). */
  env(): Map<string, string> {
    return new Interpreter(this.host, this.state).exportedEnv();
  }

  /** run executes one terminal entry (possibly several lines, e.g. a here-document) and resolves to its status. */
  run(line: string, out: OutputSink, signal?: ShellSignal): Promise<number> {
    return this.execute(line, out, signal);
  }

  /** runScript executes a whole script; here-documents and compound commands may span lines. `stdin` feeds commands that read it (`sh`, `cat`). */
  runScript(text: string, out: OutputSink, signal?: ShellSignal, stdin = ''): Promise<number> {
    return this.execute(text, out, signal, stdin);
  }

  private async execute(text: string, out: OutputSink, signal?: ShellSignal, stdin = ''): Promise<number> {
    const source = new SignalSource(signal);
    this.host.budget.commands = 0;
    const interp = new Interpreter(this.host, this.state);
    const streams = { stdin: new StdinBuffer(stdin), stdout: (t: string) => out.stdout(t), stderr: (t: string) => out.stderr(t), tty: true, signal: source.signal };
    let status: number;
    try {
      if (text.length > MAX_INPUT) throw new ShellRuntimeError(`input too long (${text.length} characters)`, 2);
      status = await interp.runSource(text, streams);
    } catch (e) {
      status = this.report(e, out);
    } finally {
      source.abort();
    }
    this.state.lastStatus = status;
    if (this.state.exitRequested) {
      this.state.exitRequested = false;
      this.exited = true;
    }
    return status;
  }

  /** report turns whatever unwound a run into bash's message and status; nothing escapes run(). */
  private report(e: unknown, out: OutputSink): number {
    if (e instanceof ExitSignal) {
      this.exited = true;
      return e.status;
    }
    if (e instanceof InterruptSignal) return e.status;
    const dialect = this.host.dialect;
    if (e instanceof RedirectError) {
      out.stderr(`${dialect.cannotOpen(e)}\n`);
      return dialect.redirectStatus;
    }
    if (e instanceof ShellRuntimeError) {
      out.stderr(`${dialect.prefix}${e.message}\n`);
      return e.status;
    }
    if (e instanceof ShellSyntaxError) {
      out.stderr(`${dialect.syntaxError(e)}\n`);
      return 2;
    }
    if (e && typeof e === 'object' && ('levels' in e || 'status' in e)) return 0;
    out.stderr(`${dialect.prefix}${e instanceof RangeError ? 'expression too deeply nested' : e instanceof Error ? e.message : String(e)}\n`);
    return 2;
  }

  /** needsMoreInput is true while a quote, here-document, `if`/`for`/`while`/`case`, `{`, `(` or trailing `|`/`&&`/`\` is open. */
  needsMoreInput(text: string): boolean {
    if (/(^|[^\\])(\\\\)*\\$/.test(text)) return true;
    try {
      parse(text, true);
      return false;
    } catch (e) {
      return e instanceof ShellSyntaxError && e.incomplete;
    }
  }

  /** prompt renders `controlplane:~$ `, with the home directory shown as `~`. */
  prompt(): string {
    const home = this.host.home;
    const cwd = this.state.cwd;
    const shown = cwd === home ? '~' : cwd.startsWith(home + '/') ? '~' + cwd.slice(home.length) : cwd;
    return `${this.host.hostname}:${shown}${this.host.user === 'root' ? '$' : '$'} `;
  }

  /** complete proposes tab completions for the word under the cursor. */
  complete(line: string, cursor: number): CompletionResult {
    const names = [...this.commands.keys(), ...Object.keys(SHELL_BUILTINS), ...this.state.functions.keys()].filter((n) => /^[\w-]+$/.test(n));
    return completeLine(line, cursor, { commandNames: names, completers: this.completers, fs: this.fs, cwd: this.state.cwd });
  }
}
