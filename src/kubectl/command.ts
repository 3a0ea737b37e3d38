/**
 * The shape of a kubectl command and what it receives when it runs.
 *
 * One verb per file under ./cmd; each exports a KubectlCommand. Commands with
 * subcommands (`rollout`, `config`, `set`, `create`) list them in `subcommands`.
 */
import type { ResourceDefinition } from '../core/client/client.ts';
import type { KubectlContext } from './context.ts';
import type { FlagDef, Flags } from './flags.ts';
import type { Mapper } from './mapper.ts';

/** Invocation is one parsed command line. */
export interface Invocation {
  ctx: KubectlContext;
  flags: Flags;
  /** args are the positional arguments (after `--` too; see dashIndex). */
  args: string[];
  /** dashIndex is the position in args where `--` stood, or -1. */
  dashIndex: number;
  /** namespace is -n, else the context's namespace, else "default". */
  namespace: string;
  /** explicitNamespace is true when -n/--namespace was given. */
  explicitNamespace: boolean;
  mapper: Mapper;
  /** path is the command path, e.g. "kubectl rollout status". */
  path: string;
}

/** KubectlCommand is one verb. */
export interface KubectlCommand {
  name: string;
  aliases?: string[];
  /** short is the one-line summary in `kubectl --help`. */
  short: string;
  flags?: FlagDef[];
  subcommands?: KubectlCommand[];
  /** run returns the exit status; throw CommandError/StatusError/UsageFailure to fail. */
  run?(inv: Invocation): Promise<number> | number;
}

/** ResourceTarget is one TYPE[/NAME] a command works on. */
export interface ResourceTarget {
  def: ResourceDefinition;
  name?: string;
}
