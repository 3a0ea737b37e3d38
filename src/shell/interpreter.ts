import type { AndOr, CommandNode, CompoundCommand, List, Pipeline, SimpleCommand } from './ast.ts';
import { evalArith } from './arith.ts';
import { RedirectError, ShellRuntimeError, ShellSyntaxError } from './errors.ts';
import { expandPattern, expandString, expandWords, type ExpandEnv } from './expand.ts';
import { matchGlob } from './glob.ts';
import { parse } from './parser.ts';
import { removeQuotes } from './quoting.ts';
import { applyRedirects } from './redirects.ts';
import { SHELL_BUILTINS } from './shellBuiltins.ts';
import {
  BreakSignal, ContinueSignal, ExitSignal, InterruptSignal, ReturnSignal, StdinBuffer, cloneState,
  type ShellState, type Streams,
} from './state.ts';
import type { Command } from './types.ts';
import { runRegistered, shellExpandEnv } from './processes.ts';
import type { Host } from './host.ts';
import { evalCond } from './condEval.ts';

/**
 * Interpreter walks the syntax tree against one ShellState. Subshells,
 * pipeline stages and command substitutions get a fresh Interpreter over a
 * cloned state, which is exactly the isolation bash gives them.
 */
export class Interpreter {
  private functionDepth = 0;

  constructor(
    readonly host: Host,
    readonly state: ShellState,
  ) {}

  /** subshell returns an interpreter over a copy of this state. */
  subshell(): Interpreter {
    const sub = new Interpreter(this.host, cloneState(this.state));
    sub.functionDepth = this.functionDepth;
    return sub;
  }

  /** expandEnv adapts the state for word expansion (see shellExpandEnv). */
  expandEnv(s: Streams): ExpandEnv {
    return shellExpandEnv(this, s);
  }

  /** runSource parses and runs shell text; syntax errors print bash's message and return 2. */
  async runSource(src: string, s: Streams): Promise<number> {
    let list: List;
    try {
      const parsed = parse(src);
      for (const w of parsed.warnings) s.stderr(`${this.host.dialect.prefix}${w}\n`);
      list = parsed.list;
    } catch (e) {
      if (e instanceof ShellSyntaxError) {
        s.stderr(`${this.host.dialect.syntaxError(e)}\n`);
        this.state.lastStatus = 2;
        return 2;
      }
      throw e;
    }
    try {
      return await this.runList(list, s);
    } catch (e) {
      if (e instanceof ExitSignal) {
        this.state.lastStatus = e.status;
        this.state.exitRequested = true;
        return e.status;
      }
      throw e;
    }
  }

  async runList(list: List, s: Streams): Promise<number> {
    let status = this.state.lastStatus;
    for (const item of list) {
      if (item.background) {
        // Jobs are not modelled: a background list runs detached and reports nothing.
        this.state.lastBackgroundPid = this.host.pid + ++this.host.budget.commands;
        const sub = this.subshell();
        void sub.runAndOr(item, { ...s, tty: false }).catch(() => {});
        status = 0;
      } else status = await this.runAndOr(item, s);
      this.state.lastStatus = status;
    }
    return status;
  }

  async runAndOr(item: AndOr, s: Streams): Promise<number> {
    let status = await this.runPipeline(item.first, s, item.rest.length > 0);
    for (let k = 0; k < item.rest.length; k++) {
      const { op, pipeline } = item.rest[k];
      this.state.lastStatus = status;
      if ((op === '&&') === (status === 0)) status = await this.runPipeline(pipeline, s, k < item.rest.length - 1);
    }
    return status;
  }

  async runPipeline(p: Pipeline, s: Streams, tested = false): Promise<number> {
    let status: number;
    if (p.commands.length === 1) {
      status = await this.runCommand(p.commands[0], s);
    } else {
      let input = s.stdin;
      const statuses: number[] = [];
      for (let k = 0; k < p.commands.length; k++) {
        const last = k === p.commands.length - 1;
        let buf = '';
        const collect = (t: string): void => void (buf += t);
        const stage: Streams = {
          ...s,
          stdin: input,
          stdout: last ? s.stdout : collect,
          stderr: !last && p.pipeStderr[k] ? collect : s.stderr,
          tty: last && s.tty,
        };
        statuses.push(await this.subshell().runCommandCatching(p.commands[k], stage));
        input = new StdinBuffer(buf);
      }
      status = this.state.options.pipefail ? ([...statuses].reverse().find((x) => x !== 0) ?? 0) : statuses[statuses.length - 1];
    }
    if (p.negate) status = status === 0 ? 1 : 0;
    this.state.lastStatus = status;
    if (status !== 0 && !p.negate && !tested && this.state.options.errexit && this.conditionDepth === 0) throw new ExitSignal(status);
    return status;
  }

  /** conditionDepth > 0 while running an `if`/`while` condition, where `set -e` does not apply. */
  private conditionDepth = 0;

  async runCondition(list: List, s: Streams): Promise<number> {
    this.conditionDepth++;
    try {
      return await this.runList(list, s);
    } finally {
      this.conditionDepth--;
    }
  }

  /** runCommandCatching runs a pipeline stage; `exit` inside a stage ends only that stage. */
  private async runCommandCatching(c: CommandNode, s: Streams): Promise<number> {
    try {
      return await this.runCommand(c, s);
    } catch (e) {
      if (e instanceof ExitSignal) return e.status;
      if (e instanceof RedirectError) {
        s.stderr(`${this.host.dialect.cannotOpen(e)}\n`);
        return this.host.dialect.redirectStatus;
      }
      if (e instanceof ShellRuntimeError) {
        s.stderr(`${this.host.dialect.prefix}${e.message}\n`);
        return e.status;
      }
      throw e;
    }
  }

  async runCommand(c: CommandNode, s: Streams): Promise<number> {
    if (s.signal.aborted) throw new InterruptSignal();
    if (++this.host.budget.commands > this.host.limits.commands) {
      throw new ShellRuntimeError(`command limit (${this.host.limits.commands}) exceeded; stopping`);
    }
    if (c.type === 'simple') return this.runSimple(c, s);
    if (c.type === 'function') {
      this.state.functions.set(c.name, c.body);
      return 0;
    }
    const io = await applyRedirects(c.redirects, s, this.expandEnv(s), this.host.fs);
    return this.runCompound(c, io);
  }

  private async runCompound(c: CompoundCommand, s: Streams): Promise<number> {
    switch (c.type) {
      case 'brace':
        return this.runList(c.body, s);
      case 'subshell':
        return this.subshell().runSubshellList(c.body, s);
      case 'if': {
        for (const clause of c.clauses) {
          if ((await this.runCondition(clause.cond, s)) === 0) return this.runList(clause.body, s);
        }
        return c.elseBody ? this.runList(c.elseBody, s) : 0;
      }
      case 'for': {
        const words = c.words === null ? [...this.state.positional] : await expandWords(c.words, this.expandEnv(s));
        return this.loop(s, async (iteration) => {
          if (iteration >= words.length) return null;
          this.state.vars.set(c.name, words[iteration]);
          return this.runList(c.body, s);
        });
      }
      case 'arithfor': {
        this.arith(c.init, s);
        return this.loop(s, async (iteration) => {
          if (iteration > 0) this.arith(c.step, s);
          if (c.cond.trim() !== '' && this.arith(c.cond, s) === 0) return null;
          return this.runList(c.body, s);
        });
      }
      case 'while':
        return this.loop(s, async () => {
          const cond = await this.runCondition(c.cond, s);
          if ((cond === 0) === c.until) return null;
          return this.runList(c.body, s);
        });
      case 'case': {
        const env = this.expandEnv(s);
        const word = await expandString(c.word, env);
        let fallthrough = false;
        let status = 0;
        for (const item of c.items) {
          let hit = fallthrough;
          for (const p of item.patterns) if (!hit && matchGlob(await expandPattern(p, env), word)) hit = true;
          if (!hit) continue;
          status = await this.runList(item.body, s);
          if (item.terminator === ';;') return status;
          fallthrough = item.terminator === ';&';
        }
        return status;
      }
      case 'cond':
        return (await evalCond(this, c.expr, s)) ? 0 : 1;
      case 'arith': {
        const v = this.arith(await expandString(c.expr, this.expandEnv(s), false), s);
        return v === 0 ? 1 : 0;
      }
    }
  }

  /** runSubshellListText runs a script body (`bash -c`, `bash file`) with its own $0 and positional parameters. */
  async runSubshellListText(text: string, s: Streams, positional: string[], name: string): Promise<number> {
    this.state.positional = positional;
    this.state.scriptName = name;
    try {
      return await this.runSource(text, s);
    } catch (e) {
      if (e instanceof ExitSignal || e instanceof ReturnSignal) return e.status;
      throw e;
    }
  }

  /** runSubshellList runs `( ... )`: `exit` leaves only the subshell. */
  async runSubshellList(list: List, s: Streams): Promise<number> {
    try {
      return await this.runList(list, s);
    } catch (e) {
      if (e instanceof ExitSignal) return e.status;
      throw e;
    }
  }

  /**
   * loop drives for/while/until with break/continue, the Ctrl-C check and an
   * iteration cap (so `while true; do :; done` ends with an error, not a hang).
   */
  private async loop(s: Streams, body: (iteration: number) => Promise<number | null>): Promise<number> {
    let status = 0;
    for (let iteration = 0; ; iteration++) {
      if (s.signal.aborted) throw new InterruptSignal();
      if (iteration >= this.host.limits.loopIterations) {
        throw new ShellRuntimeError(`loop iteration limit (${this.host.limits.loopIterations}) exceeded; stopping`);
      }
      try {
        const r = await body(iteration);
        if (r === null) break;
        status = r;
      } catch (e) {
        if (e instanceof BreakSignal) {
          if (--e.levels > 0) throw e;
          break;
        }
        if (e instanceof ContinueSignal) {
          if (--e.levels > 0) throw e;
          continue;
        }
        throw e;
      }
    }
    return status;
  }

  /** arith evaluates an arithmetic expression against the shell variables. */
  arith(expr: string, _s: Streams): number {
    return evalArith(expr, { get: (n) => this.state.vars.get(n), set: (n, v) => void this.state.vars.set(n, v) });
  }

  private async runSimple(c: SimpleCommand, s: Streams): Promise<number> {
    const env = this.expandEnv(s);
    const argv = await expandWords(c.words, env);
    const assigns: [string, string][] = [];
    for (const a of c.assigns) {
      const eq = a.indexOf('=');
      const append = a[eq - 1] === '+';
      const name = a.slice(0, append ? eq - 1 : eq);
      let value = await expandString(a.slice(eq + 1), env);
      if (append) value = (this.state.vars.get(name) ?? '') + value;
      assigns.push([name, value]);
    }
    if (argv.length === 0) {
      const statusFromSubst = c.words.length > 0 || c.assigns.some((a) => /\$\(|`/.test(a)) ? this.state.lastStatus : 0;
      for (const [n, v] of assigns) this.state.vars.set(n, v);
      if (c.redirects.length > 0) await applyRedirects(c.redirects, s, env, this.host.fs);
      return c.assigns.length > 0 ? statusFromSubst : 0;
    }
    if (this.state.options.xtrace) s.stderr(`+ ${argv.join(' ')}\n`);
    const io = await applyRedirects(c.redirects, s, env, this.host.fs);
    return this.exec(argv, io, assigns);
  }

  /** exec runs argv: function, shell builtin, registered command, or script path, in that order. */
  async exec(argv: string[], s: Streams, assigns: [string, string][] = []): Promise<number> {
    const alias = this.state.aliases.get(argv[0]);
    if (alias !== undefined) {
      const words = (alias.match(/'[^']*'|"[^"]*"|\S+/g) ?? []).map((w) => removeQuotes(w));
      if (words.length > 0) argv = [...words, ...argv.slice(1)];
    }
    const name = argv[0];
    const fn = this.state.functions.get(name);
    if (fn) return this.callFunction(name, fn, argv.slice(1), s, assigns);
    // Own keys only: `toString` or `constructor` typed at the prompt is not a builtin.
    const builtin = Object.hasOwn(SHELL_BUILTINS, name) ? SHELL_BUILTINS[name] : undefined;
    if (builtin) {
      // `A=1 env` / `A=1 printenv A`: prefixes are exported to the builtin and restored after.
      const saved = assigns.map(([n]) => [n, this.state.vars.get(n), this.state.exported.has(n)] as const);
      for (const [n, v] of assigns) {
        this.state.vars.set(n, v);
        this.state.exported.add(n);
      }
      try {
        return await builtin(this, argv, s);
      } finally {
        for (const [n, v, wasExported] of saved) {
          if (v === undefined) this.state.vars.delete(n);
          else this.state.vars.set(n, v);
          if (!wasExported) this.state.exported.delete(n);
        }
      }
    }
    const cmd = this.lookupCommand(name);
    if (cmd) return runRegistered(this, cmd, argv, s, assigns);
    if (name.includes('/')) {
      if (this.host.fs.exists(name, this.state.cwd) && this.host.fs.stat(name, this.state.cwd).type === 'file') {
        return SHELL_BUILTINS.bash(this, ['bash', ...argv], s);
      }
      s.stderr(`${this.host.dialect.missingPath(name)}\n`);
      return 127;
    }
    s.stderr(`${this.host.dialect.commandNotFound(name)}\n`);
    return 127;
  }

  /** lookupCommand finds a registered command by name or by a /bin-style path to it. */
  lookupCommand(name: string): Command | undefined {
    const direct = this.host.commands.get(name);
    if (direct) return direct;
    const m = /^\/(?:usr\/)?(?:local\/)?s?bin\/([^/]+)$/.exec(name);
    return m ? this.host.commands.get(m[1]) : undefined;
  }

  /** exportedEnv is the environment a child process sees. */
  exportedEnv(extra: [string, string][] = []): Map<string, string> {
    const env = new Map<string, string>();
    for (const n of [...this.state.exported].sort()) {
      const v = this.state.vars.get(n);
      if (v !== undefined) env.set(n, v);
    }
    for (const [n, v] of extra) env.set(n, v);
    return env;
  }

  private async callFunction(name: string, body: CompoundCommand, args: string[], s: Streams, assigns: [string, string][]): Promise<number> {
    if (this.functionDepth >= this.host.limits.functionDepth) {
      throw new ShellRuntimeError(`${name}: maximum function nesting level exceeded (${this.host.limits.functionDepth})`);
    }
    const savedArgs = this.state.positional;
    for (const [n, v] of assigns) this.state.vars.set(n, v);
    this.state.positional = args;
    this.functionDepth++;
    const locals = this.localFrames;
    this.localFrames = [new Map(), ...locals];
    try {
      return await this.runCommand(body, s);
    } catch (e) {
      if (e instanceof ReturnSignal) return e.status;
      throw e;
    } finally {
      for (const [n, v] of this.localFrames[0]) if (v === undefined) this.state.vars.delete(n); else this.state.vars.set(n, v);
      this.localFrames = locals;
      this.functionDepth--;
      this.state.positional = savedArgs;
    }
  }

  /** localFrames remembers, per function call, the outer values that `local` shadowed. */
  localFrames: Map<string, string | undefined>[] = [];

  /** inFunction reports whether `return` and `local` are allowed here. */
  get inFunction(): boolean {
    return this.functionDepth > 0;
  }
}
