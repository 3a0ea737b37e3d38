/** kubectl config current-context (staging/src/k8s.io/kubectl/pkg/cmd/config/current_context.go). */
import type { KubectlCommand } from '../../command.ts';
import { CommandError } from '../../errors.ts';

/** currentContextCmd is `kubectl config current-context`. */
export const currentContextCmd: KubectlCommand = {
  name: 'current-context',
  short: 'Display the current-context',
  run(inv) {
    const name = inv.ctx.kubeconfig.currentContext;
    if (name === '') throw new CommandError('error: current-context is not set');
    inv.ctx.stdout(`${name}\n`);
    return 0;
  },
};
