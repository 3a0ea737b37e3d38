/**
 * kubectl set (set/set.go): change one aspect of existing workloads. Each subcommand
 * lives in its own file; they share podSpecUpdate.ts.
 */
import type { KubectlCommand } from '../../command.ts';
import { env } from './env.ts';
import { image } from './image.ts';
import { resources } from './resources.ts';
import { selector } from './selector.ts';
import { serviceAccount } from './serviceAccount.ts';

export const set: KubectlCommand = {
  name: 'set',
  short: 'Set specific features on objects',
  subcommands: [env, image, resources, selector, serviceAccount],
};
