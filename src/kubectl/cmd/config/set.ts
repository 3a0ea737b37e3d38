/** kubectl config set (staging/src/k8s.io/kubectl/pkg/cmd/config/set.go). */
import type { KubectlCommand } from '../../command.ts';
import { CommandError } from '../../errors.ts';
import { setProperty } from './configProperty.ts';
import { helpError } from './helpError.ts';

/** set is `kubectl config set PROPERTY_NAME PROPERTY_VALUE`. */
export const set: KubectlCommand = {
  name: 'set',
  short: 'Set an individual value in a kubeconfig file',
  run(inv) {
    if (inv.args.length !== 2) throw helpError(inv, `Unexpected args: [${inv.args.join(' ')}]`);
    const [path, value] = inv.args;
    try {
      setProperty(inv.ctx.kubeconfig, path, value);
    } catch (err) {
      throw new CommandError(`error: ${(err as Error).message}`);
    }
    inv.ctx.stdout(`Property "${path}" set.\n`);
    return 0;
  },
};
