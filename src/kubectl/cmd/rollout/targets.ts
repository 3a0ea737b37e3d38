/**
 * Shared argument checks of the rollout subcommands (rollout/*.go Complete/Validate).
 */
import type { Invocation } from '../../command.ts';
import { CommandError } from '../../errors.ts';

/** requireResources fails like kubectl when neither TYPE/NAME nor -f was given. */
export function requireResources(inv: Invocation): void {
  if (inv.args.length === 0 && inv.flags.strings('filename').length === 0) {
    throw new CommandError('error: required resource not specified');
  }
}
