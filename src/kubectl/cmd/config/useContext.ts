/** kubectl config use-context (staging/src/k8s.io/kubectl/pkg/cmd/config/use_context.go). */
import type { KubectlCommand } from '../../command.ts';
import { CommandError } from '../../errors.ts';
import { helpError } from './helpError.ts';

/** useContext is `kubectl config use-context NAME`. */
export const useContext: KubectlCommand = {
  name: 'use-context',
  aliases: ['use'],
  short: 'Set the current-context in a kubeconfig file',
  run(inv) {
    const name = inv.args[0] ?? '';
    if (inv.args.length !== 1) throw helpError(inv, `Unexpected args: [${inv.args.join(' ')}]`);
    if (!inv.ctx.kubeconfig.contexts.some((c) => c.name === name)) throw new CommandError(`error: no context exists with the name: "${name}"`);
    inv.ctx.kubeconfig.currentContext = name;
    inv.ctx.stdout(`Switched to context "${name}".\n`);
    return 0;
  },
};
