/**
 * kubectl set serviceaccount|sa (set/set_serviceaccount.go): set the pod template's
 * serviceAccountName → `deployment.apps/web serviceaccount updated`.
 *
 * The service account is the last argument (none: "serviceaccount is required"). Its own
 * builder ignores TYPE NAME words under --local, and it patches and prints every object
 * even when nothing changed; a rejected patch reads "failed to patch ServiceAccountName".
 */
import type { Invocation, KubectlCommand } from '../../command.ts';
import { CommandError } from '../../errors.ts';
import { runPodSpecUpdate } from './podSpecUpdate.ts';

export const serviceAccount: KubectlCommand = {
  name: 'serviceaccount',
  aliases: ['sa'],
  short: 'Update the service account of a resource',
  run: runSetServiceAccount,
};

function runSetServiceAccount(inv: Invocation): number {
  if (inv.args.length === 0) throw new CommandError('error: serviceaccount is required');
  const name = inv.args[inv.args.length - 1];
  return runPodSpecUpdate(inv, {
    args: inv.args.slice(0, -1),
    message: 'serviceaccount updated',
    patchUnchanged: true,
    localIgnoresArgs: true,
    patchErrorPrefix: 'failed to patch ServiceAccountName ',
    change(spec) {
      spec.serviceAccountName = name;
    },
  });
}
