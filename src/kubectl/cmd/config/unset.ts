/** kubectl config unset (staging/src/k8s.io/kubectl/pkg/cmd/config/unset.go). */
import type { KubectlCommand } from '../../command.ts';
import { CommandError } from '../../errors.ts';
import { setProperty } from './configProperty.ts';
import { helpError } from './helpError.ts';

/** unset is `kubectl config unset PROPERTY_NAME`. */
export const unset: KubectlCommand = {
  name: 'unset',
  short: 'Unset an individual value in a kubeconfig file',
  run(inv) {
    if (inv.args.length !== 1) throw helpError(inv, `Unexpected args: [${inv.args.join(' ')}]`);
    const [path] = inv.args;
    try {
      setProperty(inv.ctx.kubeconfig, path, undefined);
    } catch (err) {
      throw new CommandError(`error: ${(err as Error).message}`);
    }
    inv.ctx.stdout(`Property "${path}" unset.\n`);
    return 0;
  },
};
