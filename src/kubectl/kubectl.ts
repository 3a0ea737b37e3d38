/**
 * kubectl's entry point: find the command (cobra's Traverse), parse its flags with the
 * global ones, print help on -h, run it, and print failures as kubectl does.
 */
import type { Invocation, KubectlCommand } from './command.ts';
import type { KubectlContext } from './context.ts';
import { COMMANDS } from './cmd/index.ts';
import { CommandError, UsageFailure, formatError } from './errors.ts';
import { FlagError, Flags, parseFlags, type FlagDef } from './flags.ts';
import { GLOBAL_FLAGS, flagsFor, helpText } from './help/index.ts';
import { currentContext } from './kubeconfig.ts';
import { Mapper } from './mapper.ts';

const HELP_FLAG: FlagDef = { name: 'help', shorthand: 'h', type: 'bool', default: false };

/** runKubectl runs one kubectl command line (argv without "kubectl") and returns its exit status. */
export async function runKubectl(argv: string[], ctx: KubectlContext): Promise<number> {
  const { command, path, rest } = findCommand(argv);
  if (!command) {
    const word = rest.find((a) => !a.startsWith('-')) ?? '';
    ctx.stderr(unknownCommand(word));
    return 1;
  }
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
  if (flags.bool('help') || !command.run) {
    ctx.stdout(helpText(path.join(' ')) ?? `${command.short}\n`);
    return command.run || flags.bool('help') ? 0 : 1;
  }
  const kubeContext = currentContext(ctx.kubeconfig, flags.string('context'));
  if (flags.string('context') && !kubeContext) {
    ctx.stderr(`error: context was not found for specified context: ${flags.string('context')}\n`);
    return 1;
  }
  const inv: Invocation = {
    ctx,
    flags,
    args: parsed.args,
    dashIndex: parsed.dashIndex,
    namespace: flags.string('namespace') || kubeContext?.namespace || 'default',
    explicitNamespace: flags.changed('namespace'),
    mapper: new Mapper(ctx.client),
    path: fullPath,
  };
  try {
    return await command.run(inv);
  } catch (err) {
    if (err instanceof UsageFailure) {
      ctx.stderr(`error: ${err.message}\nSee '${fullPath} -h' for help and examples\n`);
      return 1;
    }
    ctx.stderr(formatError(err));
    return err instanceof CommandError ? err.exitCode : 1;
  }
}

/**
 * findCommand walks argv for command words, skipping global flags and their values,
 * the way cobra's Traverse finds `kubectl -n x rollout status ...`.
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
    if (a.startsWith('-')) {
      rest.push(a);
      if (!a.includes('=') && takesValue(a) && i + 1 < argv.length) rest.push(argv[++i]);
      continue;
    }
    const next = commands.find((c) => c.name === a || c.aliases?.includes(a));
    if (!next) {
      if (!current) return { path, rest: [...rest, ...argv.slice(i)] };
      break;
    }
    current = next;
    path.push(next.name);
    commands = next.subcommands ?? [];
    if (!next.subcommands) {
      i++;
      break;
    }
  }
  if (!current) return { path, rest: [...rest, ...argv.slice(i)] };
  return { command: current, path, rest: [...rest, ...argv.slice(i)] };
}

function takesValue(flag: string): boolean {
  const name = flag.replace(/^-+/, '');
  const def = GLOBAL_FLAGS.find((g) => (flag.startsWith('--') ? g.name === name : g.shorthand === name));
  return !!def && def.type !== 'bool';
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
