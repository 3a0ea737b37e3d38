/**
 * kubectl's entry point: find the command (cobra's Traverse), parse its flags with the
 * global ones, print help on -h, run it, and print failures as kubectl does.
 */
import type { Invocation, KubectlCommand } from './command.ts';
import type { KubectlContext } from './context.ts';
import { COMMANDS } from './cmd/index.ts';
import { CommandError, UsageFailure, formatError } from './errors.ts';
import { FlagError, Flags, goDurationError, parseFlags, type FlagDef } from './flags.ts';
import { GLOBAL_FLAGS, flagsFor, helpText } from './help/index.ts';
import { clientFor } from './identity.ts';
import { currentContext } from './kubeconfig.ts';
import { Mapper } from './mapper.ts';

/** OFFLINE_COMMANDS never send a request, so they need no credentials (`config` only edits the file). */
const OFFLINE_COMMANDS = new Set(['config', 'completion', 'options', 'plugin', 'kustomize']);

const HELP_FLAG: FlagDef = { name: 'help', shorthand: 'h', type: 'bool', default: false };

/** runKubectl runs one kubectl command line (argv without "kubectl") and returns its exit status. */
export async function runKubectl(argv: string[], ctx: KubectlContext): Promise<number> {
  const { command, path, rest } = findCommand(argv);
  if (!command) return runRoot(argv, rest, ctx);
  const local = command.flags ?? flagsFor(path.join(' '));
  let parsed;
  try {
    parsed = parseFlags(rest, [...local, ...GLOBAL_FLAGS.filter((g) => !local.some((l) => l.name === g.name)), HELP_FLAG]);
  } catch (err) {
    if (err instanceof FlagError) {
      ctx.stderr(`Error: ${err.message}\nSee '${['kubectl', ...path].join(' ')} --help' for usage.\n`);
      return 1;
    }
    throw err;
  }
  const flags = new Flags(parsed);
  const fullPath = ['kubectl', ...path].join(' ');
  if (flags.bool('help')) {
    ctx.stdout(helpText(path.join(' ')) ?? `${command.short}\n`);
    return 0;
  }
  if (!command.run) return runParent(path, parsed.args, ctx);
  const kubeContext = currentContext(ctx.kubeconfig, flags.string('context'));
  const configProblem = path[0] === 'config' ? undefined : clientConfigProblem(ctx, flags, local);
  if (configProblem) {
    ctx.stderr(configProblem);
    return 1;
  }
  let invCtx = ctx;
  if (!OFFLINE_COMMANDS.has(path[0])) {
    try {
      invCtx = { ...ctx, client: clientFor(ctx.client, ctx.kubeconfig, flags, new Set(local.map((l) => l.name))) };
    } catch (err) {
      ctx.stderr(formatError(err));
      return err instanceof CommandError ? err.exitCode : 1;
    }
  }
  const inv: Invocation = {
    ctx: invCtx,
    flags,
    args: parsed.args,
    dashIndex: parsed.dashIndex,
    namespace: flags.string('namespace') || kubeContext?.namespace || 'default',
    explicitNamespace: flags.changed('namespace'),
    mapper: new Mapper(invCtx.client),
    path: fullPath,
  };
  try {
    return await command.run(inv);
  } catch (err) {
    if (err instanceof UsageFailure) {
      ctx.stderr(usageError(fullPath, err.message));
      return 1;
    }
    ctx.stderr(formatError(err));
    return err instanceof CommandError ? err.exitCode : 1;
  }
}

/**
 * clientConfigProblem is what building the REST client config refuses (client-go's
 * clientcmd validation and kubectl's --request-timeout check), in their words. The
 * `config` commands only edit the file and never build a client.
 */
function clientConfigProblem(ctx: KubectlContext, flags: Flags, local: FlagDef[]): string | undefined {
  const cfg = ctx.kubeconfig;
  // A command's own flag shadows the global one (`create rolebinding --user=alice`).
  const global = (name: string) => (local.some((l) => l.name === name) ? '' : flags.string(name));
  const contextName = global('context');
  if (contextName && !currentContext(cfg, contextName)) return `Error in configuration: context was not found for specified context: ${contextName}\n`;
  const cluster = global('cluster');
  if (cluster && !cfg.clusters.some((c) => c.name === cluster)) return `error: no server found for cluster "${cluster}"\n`;
  const user = global('user');
  if (user && !cfg.users.some((u) => u.name === user)) return `error: auth info "${user}" does not exist\n`;
  const timeout = flags.string('request-timeout');
  if (timeout !== '' && timeout !== '0' && !/^\d+$/.test(timeout) && goDurationError(timeout) !== undefined) {
    return 'error: Invalid timeout value. Timeout must be a single integer in seconds, or an integer followed by a corresponding time unit (e.g. 1s | 2m | 3h)\n';
  }
  return undefined;
}

function usageError(fullPath: string, message: string): string {
  return `error: ${message}\nSee '${fullPath} -h' for help and examples\n`;
}

/**
 * runParent is cmdutil.DefaultSubCommandRun: a command that only groups subcommands
 * rejects stray words as an unknown command, else prints its help and exits 1. Its
 * help goes to stderr, except `rollout`, which upstream wires to stdout.
 */
function runParent(path: string[], args: string[], ctx: KubectlContext): number {
  const fullPath = ['kubectl', ...path].join(' ');
  if (args.length > 0) {
    ctx.stderr(usageError(fullPath, `unknown command "${args.join(' ')}"`));
    return 1;
  }
  const text = helpText(path.join(' ')) ?? '';
  if (path.join(' ') === 'rollout') ctx.stdout(text);
  else ctx.stderr(text);
  return 1;
}

/**
 * runRoot handles lines that name no command (kubectl's cmd.go and cobra's root): a
 * word that is no command is first tried as a plugin (which refuses flags before it),
 * then reported as unknown; `help` is cobra's help command; otherwise the root parses
 * the global flags and prints its help.
 */
function runRoot(argv: string[], rest: string[], ctx: KubectlContext): number {
  const words = stripFlags(argv, []);
  if (words.length > 0 && words[0] !== 'help' && argv[0].startsWith('-') && argv[0] !== '--') {
    ctx.stderr(`Error: flags cannot be placed before plugin name: ${argv[0]}\n`);
    return 1;
  }
  if (words.length > 0 && words[0] !== 'help') {
    ctx.stderr(unknownCommand(words[0]));
    return 1;
  }
  const isHelp = words[0] === 'help';
  const args = isHelp ? withoutFirst(rest, 'help') : rest;
  let parsed;
  try {
    parsed = parseFlags(args, [...GLOBAL_FLAGS, HELP_FLAG]);
  } catch (err) {
    if (err instanceof FlagError) {
      ctx.stderr(`Error: ${err.message}\nSee '${isHelp ? 'kubectl help' : 'kubectl'} --help' for usage.\n`);
      return 1;
    }
    throw err;
  }
  if (!isHelp) {
    ctx.stdout(helpText('') ?? '');
    return 0;
  }
  if (parsed.values.get('help') === true) {
    ctx.stdout(helpText('help') ?? '');
    return 0;
  }
  return runHelpCommand(parsed.args, ctx);
}

/** runHelpCommand is cobra's `help [command]`: the help of the longest known command path. */
function runHelpCommand(topic: string[], ctx: KubectlContext): number {
  if (topic.length === 0) {
    ctx.stdout(helpText('') ?? '');
    return 0;
  }
  const { command, path } = findCommand(topic);
  if (!command) {
    // cobra prints `Unknown help topic %#q` and the root's usage (its help minus the long description).
    const root = helpText('') ?? '';
    ctx.stderr(`Unknown help topic [${topic.map((t) => `\`${t}\``).join(' ')}]\n\n${root.slice(root.indexOf('\nBasic Commands'))}`);
    return 0;
  }
  ctx.stdout(helpText(path.join(' ')) ?? `${command.short}\n`);
  return 0;
}

function withoutFirst(list: string[], word: string): string[] {
  const i = list.indexOf(word);
  return i < 0 ? list : [...list.slice(0, i), ...list.slice(i + 1)];
}

/**
 * findCommand walks argv for command words, skipping flags the way cobra's Find
 * (stripFlags) does: `--x=y` alone, a known boolean alone, any other flag together with
 * the word after it (so `kubectl -n x rollout status` finds `rollout status`, and
 * `kubectl -h get` finds no command at all, as upstream). A word that has real help
 * text but no emulation here (`kubectl set selector`) resolves to a stand-in that says so.
 */
function findCommand(argv: string[]): { command?: KubectlCommand; path: string[]; rest: string[] } {
  let commands = COMMANDS;
  let current: KubectlCommand | undefined;
  const path: string[] = [];
  const rest: string[] = [];
  let i = 0;
  for (; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') break;
    if (a.startsWith('-') && a.length > 1) {
      rest.push(a);
      if (consumesNext(a, path) && i + 1 < argv.length) rest.push(argv[++i]);
      continue;
    }
    const next = commands.find((c) => c.name === a || c.aliases?.includes(a)) ?? unemulated(path, a);
    if (!next) {
      if (!current) return { path, rest: [...rest, ...argv.slice(i)] };
      break;
    }
    current = next;
    path.push(next.name);
    commands = next.subcommands ?? [];
    if (!next.subcommands) {
      i++;
      // A leaf here may still have real subcommands we do not emulate (`apply view-last-applied`).
      const sub = argv[i] !== undefined && !argv[i].startsWith('-') ? unemulated(path, argv[i]) : undefined;
      if (sub) {
        current = sub;
        path.push(sub.name);
        i++;
      }
      break;
    }
  }
  if (!current) return { path, rest: [...rest, ...argv.slice(i)] };
  return { command: current, path, rest: [...rest, ...argv.slice(i)] };
}

/** stripFlags returns the words of argv before `--` that findCommand would read as command words. */
function stripFlags(argv: string[], path: string[]): string[] {
  const words: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') break;
    if (a.startsWith('-') && a.length > 1) {
      if (consumesNext(a, path)) i++;
      continue;
    }
    words.push(a);
  }
  return words;
}

/** unemulated stands for a real kubectl subcommand (it has help text) the playground does not run. */
function unemulated(path: string[], word: string): KubectlCommand | undefined {
  const full = [...path, word].join(' ');
  if (path.length === 0 || helpText(full) === undefined) return undefined;
  return {
    name: word,
    short: '',
    run() {
      throw new CommandError(`error: "kubectl ${full}" is not available in this playground yet`);
    },
  };
}

/** consumesNext is cobra's stripFlags rule: only `--x=y` and flags known to need no value stand alone. */
function consumesNext(flag: string, path: string[]): boolean {
  if (flag.includes('=')) return false;
  const long = flag.startsWith('--');
  const name = flag.replace(/^-+/, '');
  // cobra only strips a following value for `--long` and for a lone `-x` (not `-xyz`).
  if (!long && name.length !== 1) return false;
  const defs = path.length > 0 ? [...flagsFor(path.join(' ')), ...GLOBAL_FLAGS] : GLOBAL_FLAGS;
  const def = defs.find((g) => (long ? g.name === name : g.shorthand === name));
  return !def || (def.type !== 'bool' && def.noOptDefault === undefined);
}

/** unknownCommand is cobra's message with its "Did you mean this?" suggestions. */
function unknownCommand(word: string): string {
  if (word === '') return helpText('') ?? '';
  const suggestions = COMMANDS.filter(
    (c) => levenshtein(word.toLowerCase(), c.name) <= 2 || c.name.startsWith(word.toLowerCase()),
  ).map((c) => c.name);
  let out = `Error: unknown command "${word}" for "kubectl"\n`;
  if (suggestions.length > 0) out += `\nDid you mean this?\n${suggestions.map((s) => `\t${s}\n`).join('')}\n`;
  return out;
}

function levenshtein(a: string, b: string): number {
  const dp = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = dp[0];
    dp[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = dp[j];
      dp[j] = Math.min(dp[j] + 1, dp[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return dp[b.length];
}
