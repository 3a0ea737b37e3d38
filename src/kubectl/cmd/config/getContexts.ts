/**
 * kubectl config get-contexts (staging/src/k8s.io/kubectl/pkg/cmd/config/get_contexts.go):
 * the CURRENT NAME CLUSTER AUTHINFO NAMESPACE table, `*` marking the current context, or
 * bare names with -o name. Unknown names are reported after the table.
 */
import type { KubectlCommand } from '../../command.ts';
import { CommandError } from '../../errors.ts';
import { TabWriter } from '../../printers/tabwriter.ts';

/** getContexts is `kubectl config get-contexts [NAME...]`. */
export const getContexts: KubectlCommand = {
  name: 'get-contexts',
  short: 'Describe one or many contexts',
  run(inv) {
    const { ctx, flags } = inv;
    const output = flags.string('output');
    if (output !== '' && output !== 'name') throw new CommandError(`error: output must be one of '' or 'name'`);
    const cfg = ctx.kubeconfig;
    const sorted = [...cfg.contexts].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const wanted = inv.args.length > 0 ? inv.args : sorted.map((c) => c.name);
    const missing: string[] = [];
    const w = new TabWriter();
    if (output === '' && !flags.bool('no-headers')) w.write('CURRENT\tNAME\tCLUSTER\tAUTHINFO\tNAMESPACE\n');
    for (const name of wanted) {
      const c = cfg.contexts.find((x) => x.name === name);
      if (!c) {
        missing.push(name);
        continue;
      }
      if (output === 'name') w.write(`${c.name}\n`);
      else w.write(`${c.name === cfg.currentContext ? '*' : ''}\t${c.name}\t${c.cluster}\t${c.user}\t${c.namespace ?? ''}\n`);
    }
    ctx.stdout(w.flush());
    if (missing.length > 0) throw new CommandError(missing.map((n) => `error: context ${n} not found`).join('\n'));
    return 0;
  },
};
