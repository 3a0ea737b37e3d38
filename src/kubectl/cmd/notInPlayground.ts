/**
 * notInPlayground stands for a real kubectl command the playground does not emulate:
 * `-h` still prints the real help, and running it says so plainly instead of pretending.
 */
import type { KubectlCommand } from '../command.ts';
import { CommandError } from '../errors.ts';

export function notInPlayground(name: string, short: string): KubectlCommand {
  return {
    name,
    short,
    run() {
      throw new CommandError(`error: "kubectl ${name}" is not available in this playground yet`);
    },
  };
}
