import { SignalSource } from './abort.ts';
import { formatDate } from './builtins/date.ts';
import type { Interpreter } from './interpreter.ts';
import { InterruptSignal, StdinBuffer, type Streams } from './state.ts';

/*
 * Builtins that run other commands: timeout, watch, xargs, env, printenv.
 * They live in the interpreter (not as plain Commands) because they exec argv
 * with the shell's functions, builtins and registered commands.
 */

type ShellBuiltin = (sh: Interpreter, argv: string[], s: Streams) => Promise<number>;

function parseDuration(text: string): number | null {
  const m = /^(\d+(?:\.\d+)?|\.\d+)([smhd]?)$/.exec(text);
  if (!m) return null;
  return Number(m[1]) * { '': 1, s: 1, m: 60, h: 3600, d: 86400 }[m[2]]! * 1000;
}

const timeout: ShellBuiltin = async (sh, argv, s) => {
  let i = 1;
  while (argv[i]?.startsWith('-') && argv[i] !== '--') i += argv[i] === '-s' || argv[i] === '-k' ? 2 : 1;
  if (argv[i] === '--') i++;
  const ms = argv[i] === undefined ? null : parseDuration(argv[i]);
  if (ms === null) {
    s.stderr(argv[i] === undefined ? "timeout: missing operand\nTry 'timeout --help' for more information.\n" : `timeout: invalid time interval '${argv[i]}'\nTry 'timeout --help' for more information.\n`);
    return 125;
  }
  const cmd = argv.slice(i + 1);
  if (cmd.length === 0) {
    s.stderr("timeout: missing operand\nTry 'timeout --help' for more information.\n");
    return 125;
  }
  const source = new SignalSource(s.signal);
  let timedOut = false;
  void sh.host.sleep(ms, source.signal).then(() => {
    if (!source.signal.aborted) {
      timedOut = true;
      source.abort();
    }
  });
  try {
    const status = await sh.exec(cmd, { ...s, signal: source.signal });
    return timedOut ? 124 : status;
  } catch (e) {
    if (e instanceof InterruptSignal && timedOut && !s.signal.aborted) return 124;
    throw e;
  } finally {
    source.abort();
  }
};

const watch: ShellBuiltin = async (sh, argv, s) => {
  let seconds = 2;
  let title = true;
  let i = 1;
  for (; i < argv.length && argv[i].startsWith('-'); i++) {
    const a = argv[i];
    if (a === '-n' || a === '--interval') seconds = Number(argv[++i]);
    else if (a.startsWith('-n')) seconds = Number(a.slice(2));
    else if (a.startsWith('--interval=')) seconds = Number(a.slice(11));
    else if (a === '-t' || a === '--no-title') title = false;
  }
  if (!Number.isFinite(seconds) || seconds < 0.1) seconds = 0.1;
  const command = argv.slice(i).join(' ');
  if (command === '') {
    s.stderr('Usage:\n watch [options] command\n');
    return 1;
  }
  for (let n = 0; n < sh.host.limits.loopIterations && !s.signal.aborted; n++) {
    let out = '';
    await sh.subshell().runSource(command, { ...s, stdin: new StdinBuffer(''), stdout: (t) => (out += t), stderr: (t) => (out += t), tty: false });
    let screen = '\x1b[H\x1b[2J';
    if (title) {
      const left = `Every ${seconds.toFixed(1)}s: ${command}`;
      const right = `${sh.host.hostname}: ${formatDate(sh.host.now(), '%a %b %e %H:%M:%S %Y')}`;
      // procps watch right-aligns the title to the terminal's width (80 without one).
      const width = Number(sh.state.vars.get('COLUMNS')) || 80;
      screen += `${left}${' '.repeat(Math.max(1, width - left.length - right.length))}${right}\n\n`;
    }
    s.stdout(screen + out);
    await new Promise<void>((resolve) => {
      const done = (): void => resolve();
      s.signal.addEventListener('abort', done, { once: true });
      void sh.host.sleep(seconds * 1000, s.signal).then(() => {
        s.signal.removeEventListener('abort', done);
        resolve();
      });
    });
  }
  if (s.signal.aborted) throw new InterruptSignal();
  return 0;
};

const xargs: ShellBuiltin = async (sh, argv, s) => {
  let i = 1;
  let maxArgs = Infinity;
  let replace: string | null = null;
  for (; i < argv.length && argv[i].startsWith('-'); i++) {
    if (argv[i] === '-n') maxArgs = Number(argv[++i]);
    else if (argv[i] === '-I') replace = argv[++i];
    else if (argv[i].startsWith('-I')) replace = argv[i].slice(2);
    else if (/^-n\d+$/.test(argv[i])) maxArgs = Number(argv[i].slice(2));
  }
  const cmd = argv.length > i ? argv.slice(i) : ['echo'];
  const input = s.stdin.rest();
  let status = 0;
  const run = async (args: string[]): Promise<void> => {
    const st = await sh.exec(args, { ...s, stdin: new StdinBuffer('') });
    if (st !== 0) status = 123;
  };
  if (replace !== null) {
    for (const line of input.split('\n').filter((l) => l.trim() !== '')) await run(cmd.map((c) => c.split(replace!).join(line.trim())));
    return status;
  }
  const items = [...input.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)].map((m) => m[1] ?? m[2] ?? m[3]);
  if (items.length === 0) {
    await run(cmd);
    return status;
  }
  const size = Number.isFinite(maxArgs) && maxArgs > 0 ? maxArgs : items.length;
  for (let k = 0; k < items.length; k += size) await run([...cmd, ...items.slice(k, k + size)]);
  return status;
};

const env: ShellBuiltin = async (sh, argv, s) => {
  let i = 1;
  const extra: [string, string][] = [];
  for (; i < argv.length; i++) {
    const m = /^([^=]+)=(.*)$/s.exec(argv[i]);
    if (argv[i] === '-i' || argv[i] === '-') continue;
    if (!m) break;
    extra.push([m[1], m[2]]);
  }
  if (i < argv.length) {
    const sub = sh.subshell();
    for (const [n, v] of extra) {
      sub.state.vars.set(n, v);
      sub.state.exported.add(n);
    }
    return sub.exec(argv.slice(i), s);
  }
  for (const [n, v] of sh.exportedEnv(extra)) s.stdout(`${n}=${v}\n`);
  return 0;
};

const printenv: ShellBuiltin = async (sh, argv, s) => {
  const e = sh.exportedEnv();
  if (argv.length === 1) {
    for (const [n, v] of e) s.stdout(`${n}=${v}\n`);
    return 0;
  }
  let status = 0;
  for (const n of argv.slice(1)) {
    if (e.has(n)) s.stdout(e.get(n) + '\n');
    else status = 1;
  }
  return status;
};

/** PROCESS_BUILTINS are merged into SHELL_BUILTINS. */
export const PROCESS_BUILTINS: Record<string, ShellBuiltin> = { timeout, watch, xargs, env, printenv };
