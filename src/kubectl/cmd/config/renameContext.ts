/** kubectl config rename-context (staging/src/k8s.io/kubectl/pkg/cmd/config/rename_context.go). */
import type { KubectlCommand } from '../../command.ts';
import { CommandError } from '../../errors.ts';
import { KUBECONFIG_PATH } from '../../kubeconfig.ts';
import { helpError } from './helpError.ts';

/** renameContext is `kubectl config rename-context OLD NEW`. */
export const renameContext: KubectlCommand = {
  name: 'rename-context',
  short: 'Rename a context from the kubeconfig file',
  run(inv) {
    if (inv.args.length !== 2) throw helpError(inv, `Unexpected args: [${inv.args.join(' ')}]`);
    const [from, to] = inv.args;
    const cfg = inv.ctx.kubeconfig;
    const entry = cfg.contexts.find((c) => c.name === from);
    if (!entry) throw new CommandError(`error: cannot rename the context "${from}", it's not in ${KUBECONFIG_PATH}`);
    if (cfg.contexts.some((c) => c.name === to)) throw new CommandError(`error: cannot rename the context "${from}", the context "${to}" already exists in ${KUBECONFIG_PATH}`);
    entry.name = to;
    if (cfg.currentContext === from) cfg.currentContext = to;
    inv.ctx.stdout(`Context "${from}" renamed to "${to}".\n`);
    return 0;
  },
};
