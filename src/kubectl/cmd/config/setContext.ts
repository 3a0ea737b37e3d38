/**
 * kubectl config set-context (staging/src/k8s.io/kubectl/pkg/cmd/config/create_context.go):
 * create or modify a context; `--current` edits the current one, e.g.
 * `kubectl config set-context --current --namespace=dev`.
 */
import type { KubectlCommand } from '../../command.ts';
import { CommandError, UsageFailure } from '../../errors.ts';
import { helpError } from './helpError.ts';

/** setContext is `kubectl config set-context [NAME | --current] [--cluster] [--user] [--namespace]`. */
export const setContext: KubectlCommand = {
  name: 'set-context',
  short: 'Set a context entry in kubeconfig',
  run(inv) {
    const { ctx, flags } = inv;
    const cfg = ctx.kubeconfig;
    const useCurrent = flags.bool('current');
    if (useCurrent && inv.args.length > 0) throw new UsageFailure('you cannot specify both a context name and --current');
    if (!useCurrent && inv.args.length !== 1) throw helpError(inv, `Unexpected args: [${inv.args.join(' ')}]`);
    let name = inv.args[0] ?? '';
    if (useCurrent) {
      if (cfg.currentContext === '') throw new CommandError('error: no current context is set');
      name = cfg.currentContext;
    }
    let entry = cfg.contexts.find((c) => c.name === name);
    const exists = entry !== undefined;
    if (!entry) {
      entry = { name, cluster: '', user: '' };
      cfg.contexts.push(entry);
    }
    if (flags.changed('cluster')) entry.cluster = flags.string('cluster');
    if (flags.changed('user')) entry.user = flags.string('user');
    // --namespace is the global flag here: set-context reads it as the context's namespace.
    if (flags.changed('namespace')) entry.namespace = flags.string('namespace') || undefined;
    ctx.stdout(`Context "${name}" ${exists ? 'modified' : 'created'}.\n`);
    return 0;
  },
};
