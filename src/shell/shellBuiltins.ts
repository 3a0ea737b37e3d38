import { ShellRuntimeError } from './errors.ts';
import type { Interpreter } from './interpreter.ts';
import { fsErrorText } from './memoryFS.ts';
import { isReservedWord } from './parser.ts';
import { quoteForShell } from './quoting.ts';
import { BreakSignal, ContinueSignal, ExitSignal, ReturnSignal, type Streams } from './state.ts';
import { evalTest } from './testExpr.ts';
import { PROCESS_BUILTINS } from './processBuiltins.ts';

/** ShellBuiltin runs inside the interpreter because it reads or changes shell state. */
export type ShellBuiltin = (sh: Interpreter, argv: string[], s: Streams) => Promise<number>;

/** BASH_BUILTIN_NAMES are reported by `type` as "a shell builtin" even when implemented as commands. */
export const BASH_BUILTIN_NAMES = new Set(['echo', 'printf', 'pwd', 'kill', 'true', 'false', 'test', '[', 'read', 'type', 'history']);

const isName = (n: string): boolean => /^[A-Za-z_][A-Za-z0-9_]*$/.test(n);

function assignArgs(sh: Interpreter, args: string[], s: Streams, builtin: string, each: (name: string) => void): number {
  let status = 0;
  for (const arg of args) {
    const eq = arg.indexOf('=');
    const name = eq < 0 ? arg : arg.slice(0, eq);
    if (!isName(name)) {
      s.stderr(`bash: ${builtin}: \`${arg}': not a valid identifier\n`);
      status = 1;
      continue;
    }
    if (eq >= 0) sh.state.vars.set(name, arg.slice(eq + 1));
    each(name);
  }
  return status;
}

/** runScriptText runs `sh -c`, `bash file` and `source` bodies. */
async function runIn(sh: Interpreter, text: string, s: Streams, positional: string[] | null, name?: string): Promise<number> {
  const saved = sh.state.positional;
  const savedName = sh.state.scriptName;
  if (positional) sh.state.positional = positional;
  if (name) sh.state.scriptName = name;
  try {
    return await sh.runSource(text, s);
  } catch (e) {
    if (e instanceof ReturnSignal) return e.status;
    throw e;
  } finally {
    if (positional) sh.state.positional = saved;
    sh.state.scriptName = savedName;
  }
}

const bash: ShellBuiltin = async (sh, argv, s) => {
  const args = argv.slice(1).filter((a, i) => !(i === 0 && /^-[lie]+$/.test(a)));
  if (args[0] === '-c') {
    if (args.length < 2) {
      s.stderr(`${argv[0]}: -c: option requires an argument\n`);
      return 2;
    }
    return sh.subshell().runSubshellListText(args[1], s, args.slice(3), args[2] ?? argv[0]);
  }
  if (args.length === 0) return sh.subshell().runSubshellListText(s.stdin.rest(), s, [], argv[0]);
  let text: string;
  try {
    text = sh.host.fs.read(args[0], sh.state.cwd);
  } catch (e) {
    s.stderr(`${sh.host.dialect.cannotOpenScript(argv[0], args[0], fsErrorText(e))}\n`);
    return sh.host.dialect.name === 'bash' ? 127 : 2;
  }
  return sh.subshell().runSubshellListText(text.replace(/^#!.*\n/, ''), s, args.slice(1), args[0]);
};

const source: ShellBuiltin = async (sh, argv, s) => {
  if (argv.length < 2) {
    s.stderr(`bash: ${argv[0]}: filename argument required\n`);
    return 2;
  }
  let text: string;
  try {
    text = sh.host.fs.read(argv[1], sh.state.cwd);
  } catch (e) {
    s.stderr(`bash: ${argv[1]}: ${fsErrorText(e)}\n`);
    return 1;
  }
  return runIn(sh, text, s, argv.length > 2 ? argv.slice(2) : null);
};

const cd: ShellBuiltin = async (sh, argv, s) => {
  const args = argv.slice(1).filter((a) => a !== '-L' && a !== '-P');
  if (args.length > 1) {
    s.stderr('bash: cd: too many arguments\n');
    return 1;
  }
  let target = args[0] ?? sh.state.vars.get('HOME') ?? sh.host.home;
  if (target === '-') {
    target = sh.state.vars.get('OLDPWD') ?? sh.state.cwd;
    s.stdout(target + '\n');
  }
  const abs = sh.host.fs.resolve(target, sh.state.cwd);
  if (!sh.host.fs.exists(abs)) {
    s.stderr(`bash: cd: ${target}: No such file or directory\n`);
    return 1;
  }
  if (sh.host.fs.stat(abs).type !== 'dir') {
    s.stderr(`bash: cd: ${target}: Not a directory\n`);
    return 1;
  }
  sh.state.vars.set('OLDPWD', sh.state.cwd);
  sh.state.cwd = abs;
  sh.state.vars.set('PWD', abs);
  return 0;
};

const loopControl = (kind: 'break' | 'continue'): ShellBuiltin => async (_sh, argv) => {
  const n = argv[1] === undefined ? 1 : Number(argv[1]);
  if (!Number.isInteger(n) || n < 1) throw new ShellRuntimeError(`${kind}: ${argv[1]}: loop count out of range`);
  throw kind === 'break' ? new BreakSignal(n) : new ContinueSignal(n);
};

const set: ShellBuiltin = async (sh, argv, s) => {
  if (argv.length === 1) {
    for (const n of [...sh.state.vars.keys()].sort()) s.stdout(`${n}=${quoteForShell(sh.state.vars.get(n)!)}\n`);
    return 0;
  }
  const flags: Record<string, keyof typeof sh.state.options> = { e: 'errexit', u: 'nounset', x: 'xtrace' };
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') {
      sh.state.positional = argv.slice(i + 1);
      return 0;
    }
    if ((a === '-o' || a === '+o') && argv[i + 1]) {
      const opt = argv[++i] as keyof typeof sh.state.options;
      if (!(opt in sh.state.options)) {
        s.stderr(`bash: set: ${opt}: invalid option name\n`);
        return 1;
      }
      sh.state.options[opt] = a === '-o';
      continue;
    }
    if (/^[-+][a-zA-Z]+$/.test(a)) {
      for (const f of a.slice(1)) if (flags[f]) sh.state.options[flags[f]] = a[0] === '-';
      continue;
    }
    sh.state.positional = argv.slice(i);
    return 0;
  }
  return 0;
};

const read: ShellBuiltin = async (sh, argv, s) => {
  const names: string[] = [];
  let raw = false;
  for (let i = 1; i < argv.length; i++) {
    if (argv[i] === '-r') raw = true;
    else if (argv[i] === '-p') s.stderr(argv[++i] ?? '');
    else if (argv[i].startsWith('-')) continue;
    else names.push(argv[i]);
  }
  if (names.length === 0) names.push('REPLY');
  let line = s.stdin.readLine();
  if (line === null) {
    for (const n of names) sh.state.vars.set(n, '');
    return 1;
  }
  if (!raw) line = line.replace(/\\(.)/g, '$1');
  const fields = names.length === 1 && names[0] === 'REPLY' ? [line] : line.trim().split(/[ \t]+/);
  names.forEach((n, k) => sh.state.vars.set(n, k === names.length - 1 ? fields.slice(k).join(' ') : (fields[k] ?? '')));
  return 0;
};

const typeOrWhich = (mode: 'type' | 'which' | 'command -v'): ShellBuiltin => async (sh, argv, s) => {
  let status = 0;
  for (const name of argv.slice(1).filter((a) => !a.startsWith('-'))) {
    const isFn = sh.state.functions.has(name);
    const isBuiltin = Object.hasOwn(SHELL_BUILTINS, name) || BASH_BUILTIN_NAMES.has(name);
    const isCmd = sh.lookupCommand(name) !== undefined;
    if (mode === 'which') {
      if (isCmd && !(Object.hasOwn(SHELL_BUILTINS, name) && !['bash', 'sh', 'env', 'timeout', 'watch', 'xargs'].includes(name))) s.stdout(`/usr/bin/${name}\n`);
      else status = 1;
      continue;
    }
    if (mode === 'command -v') {
      if (isFn || isBuiltin || isReservedWord(name)) s.stdout(`${name}\n`);
      else if (isCmd) s.stdout(`/usr/bin/${name}\n`);
      else status = 1;
      continue;
    }
    if (isReservedWord(name)) s.stdout(`${name} is a shell keyword\n`);
    else if (isFn) s.stdout(`${name} is a function\n`);
    else if (isBuiltin) s.stdout(`${name} is a shell builtin\n`);
    else if (isCmd) s.stdout(`${name} is /usr/bin/${name}\n`);
    else {
      s.stderr(`bash: type: ${name}: not found\n`);
      status = 1;
    }
  }
  return status;
};

/** SHELL_BUILTINS are the commands that read or change the interpreter's state. */
export const SHELL_BUILTINS: Record<string, ShellBuiltin> = {
  bash,
  sh: bash,
  source,
  '.': source,
  cd,
  set,
  read,
  ...PROCESS_BUILTINS,
  type: typeOrWhich('type'),
  which: typeOrWhich('which'),
  break: loopControl('break'),
  continue: loopControl('continue'),
  ':': async () => 0,
  true: async () => 0,
  false: async () => 1,
  wait: async () => 0,
  // Completion specs are the host's business (registerCompleter); accept bash's syntax silently.
  complete: async () => 0,
  alias: async (sh, argv, s) => {
    let status = 0;
    const show = (n: string): void => s.stdout(`alias ${n}='${sh.state.aliases.get(n)!.replace(/'/g, `'\\''`)}'\n`);
    if (argv.length === 1) [...sh.state.aliases.keys()].sort().forEach(show);
    for (const a of argv.slice(1)) {
      const eq = a.indexOf('=');
      if (eq > 0) sh.state.aliases.set(a.slice(0, eq), a.slice(eq + 1));
      else if (sh.state.aliases.has(a)) show(a);
      else {
        s.stderr(`bash: alias: ${a}: not found\n`);
        status = 1;
      }
    }
    return status;
  },
  unalias: async (sh, argv, s) => {
    let status = 0;
    for (const a of argv.slice(1)) {
      if (a === '-a') sh.state.aliases.clear();
      else if (!sh.state.aliases.delete(a)) {
        s.stderr(`bash: unalias: ${a}: not found\n`);
        status = 1;
      }
    }
    return status;
  },
  pwd: async (sh, _a, s) => (s.stdout(sh.state.cwd + '\n'), 0),
  test: async (sh, argv, s) => testBuiltin(sh, argv.slice(1), s, 'test'),
  '[': async (sh, argv, s) => {
    if (argv[argv.length - 1] !== ']') {
      s.stderr("bash: [: missing `]'\n");
      return 2;
    }
    return testBuiltin(sh, argv.slice(1, -1), s, '[');
  },
  export: async (sh, argv, s) => {
    const args = argv.slice(1).filter((a) => a !== '-p' && a !== '-n');
    if (args.length === 0) {
      for (const n of [...sh.state.exported].sort()) {
        const v = sh.state.vars.get(n);
        s.stdout(v === undefined ? `declare -x ${n}\n` : `declare -x ${n}="${v.replace(/(["\\$`])/g, '\\$1')}"\n`);
      }
      return 0;
    }
    return assignArgs(sh, args, s, 'export', (n) => sh.state.exported.add(n));
  },
  local: async (sh, argv, s) => {
    if (!sh.inFunction) {
      s.stderr('bash: local: can only be used in a function\n');
      return 1;
    }
    const frame = sh.localFrames[0];
    const args = argv.slice(1).filter((a) => !a.startsWith('-'));
    for (const a of args) {
      const name = a.split('=')[0];
      if (!frame.has(name)) frame.set(name, sh.state.vars.get(name));
    }
    return assignArgs(sh, args, s, 'local', () => {});
  },
  unset: async (sh, argv) => {
    const fnOnly = argv.includes('-f');
    for (const n of argv.slice(1).filter((a) => !a.startsWith('-'))) {
      if (fnOnly) sh.state.functions.delete(n);
      else if (sh.state.vars.has(n)) {
        sh.state.vars.delete(n);
        sh.state.exported.delete(n);
      } else sh.state.functions.delete(n);
    }
    return 0;
  },
  exit: async (sh, argv, s) => {
    const n = argv[1] === undefined ? sh.state.lastStatus : Number(argv[1]);
    if (!Number.isInteger(n)) {
      s.stderr(`bash: exit: ${argv[1]}: numeric argument required\n`);
      throw new ExitSignal(2);
    }
    throw new ExitSignal(((n % 256) + 256) % 256);
  },
  return: async (sh, argv, s) => {
    const n = argv[1] === undefined ? sh.state.lastStatus : Number(argv[1]);
    if (!Number.isInteger(n)) {
      s.stderr(`bash: return: ${argv[1]}: numeric argument required\n`);
      throw new ReturnSignal(2);
    }
    throw new ReturnSignal(((n % 256) + 256) % 256);
  },
  shift: async (sh, argv, s) => {
    const n = argv[1] === undefined ? 1 : Number(argv[1]);
    if (!Number.isInteger(n) || n < 0 || n > sh.state.positional.length) {
      if (!Number.isInteger(n)) s.stderr(`bash: shift: ${argv[1]}: numeric argument required\n`);
      return 1;
    }
    sh.state.positional = sh.state.positional.slice(n);
    return 0;
  },
  eval: async (sh, argv, s) => sh.runSource(argv.slice(1).join(' '), s),
  exec: async (sh, argv, s) => (argv.length > 1 ? sh.exec(argv.slice(1), s) : 0),
  command: async (sh, argv, s) => {
    if (argv[1] === '-v' || argv[1] === '-V') return typeOrWhich('command -v')(sh, argv.slice(1), s);
    return argv.length > 1 ? sh.exec(argv.slice(1), s) : 0;
  },
  let: async (sh, argv, s) => {
    let v = 0;
    for (const e of argv.slice(1)) v = sh.arith(e, s);
    return v === 0 ? 1 : 0;
  },
  history: async (sh, argv, s) => {
    if (argv[1] === '-c') {
      sh.host.history.clear();
      return 0;
    }
    if (argv[1] !== undefined && !/^\d+$/.test(argv[1])) {
      s.stderr(`bash: history: ${argv[1]}: numeric argument required\n`);
      return 1;
    }
    s.stdout(sh.host.history.format(argv[1] === undefined ? undefined : Number(argv[1])));
    return 0;
  },
};

function testBuiltin(sh: Interpreter, args: string[], s: Streams, name: string): number {
  const r = evalTest(args, sh.host.fs, sh.state.cwd);
  if (r.error) s.stderr(`bash: ${name}: ${r.error}\n`);
  return r.result;
}
