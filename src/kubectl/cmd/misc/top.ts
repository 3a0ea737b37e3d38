/**
 * kubectl top (staging/src/k8s.io/kubectl/pkg/cmd/top/). The playground serves no
 * metrics.k8s.io API (no metrics-server), and kubectl then fails exactly like this.
 */
import type { Invocation, KubectlCommand } from '../../command.ts';
import { CommandError } from '../../errors.ts';

function metricsUnavailable(inv: Invocation): number {
  // top pod/node Validate checks --sort-by before asking for metrics.
  const sortBy = inv.flags.string('sort-by');
  if (sortBy !== '' && sortBy !== 'cpu' && sortBy !== 'memory') throw new CommandError('error: --sort-by accepts only cpu or memory');
  if (!inv.ctx.client.discovery().some((d) => d.group === 'metrics.k8s.io')) throw new CommandError('error: Metrics API not available');
  throw new CommandError('error: "kubectl top" is not available in this playground yet');
}

/** top is `kubectl top pod|node`; without a subcommand it prints its help. */
export const top: KubectlCommand = {
  name: 'top',
  short: 'Display resource (CPU/memory) usage',
  subcommands: [
    { name: 'node', aliases: ['nodes', 'no'], short: 'Display resource (CPU/memory) usage of nodes', run: metricsUnavailable },
    { name: 'pod', aliases: ['pods', 'po'], short: 'Display resource (CPU/memory) usage of pods', run: metricsUnavailable },
  ],
};
