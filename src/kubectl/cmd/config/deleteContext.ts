/** kubectl config delete-context (staging/src/k8s.io/kubectl/pkg/cmd/config/delete_context.go). */
import type { KubectlCommand } from '../../command.ts';
import { CommandError } from '../../errors.ts';
import { KUBECONFIG_PATH } from '../../kubeconfig.ts';
import { helpError } from './helpError.ts';

/** deleteContext is `kubectl config delete-context NAME`. */
export const deleteContext: KubectlCommand = {
  name: 'delete-context',
  short: 'Delete the specified context from the kubeconfig',
  run(inv) {
    if (inv.args.length !== 1) throw helpError(inv, `Unexpected args: [${inv.args.join(' ')}]`);
    const name = inv.args[0];
    const cfg = inv.ctx.kubeconfig;
    const i = cfg.contexts.findIndex((c) => c.name === name);
    if (i < 0) throw new CommandError(`error: cannot delete context ${name}, not in ${KUBECONFIG_PATH}`);
    if (cfg.currentContext === name) inv.ctx.stderr('warning: this removed your active context, use "kubectl config use-context" to select a different one\n');
    cfg.contexts.splice(i, 1);
    inv.ctx.stdout(`deleted context ${name} from ${KUBECONFIG_PATH}\n`);
    return 0;
  },
};
