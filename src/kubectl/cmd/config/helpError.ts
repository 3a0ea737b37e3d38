/**
 * helpErrorf of staging/src/k8s.io/kubectl/pkg/cmd/config/config.go: the config
 * subcommands print their help to stdout, then fail with the bare message.
 */
import type { Invocation } from '../../command.ts';
import { CommandError } from '../../errors.ts';
import { helpText } from '../../help/index.ts';

/** helpError prints the command's help and returns the error to throw. */
export function helpError(inv: Invocation, message: string): CommandError {
  inv.ctx.stdout(helpText(inv.path.replace(/^kubectl /, '')) ?? '');
  return new CommandError(`error: ${message}`);
}
