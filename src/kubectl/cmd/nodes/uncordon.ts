/**
 * kubectl uncordon (staging/src/k8s.io/kubectl/pkg/cmd/drain/drain.go, NewCmdUncordon):
 * mark nodes schedulable again.
 */
import type { KubectlCommand } from '../../command.ts';
import { dryRunStrategy } from '../objectWrites.ts';
import { cordonNodes, requireNodeArgs } from './cordonNodes.ts';
import { resolveNodes } from './nodeTargets.ts';

/** uncordon is `kubectl uncordon NODE`. */
export const uncordon: KubectlCommand = {
  name: 'uncordon',
  short: 'Mark node as schedulable',
  run(inv) {
    requireNodeArgs(inv, 'uncordon NODE');
    const dryRun = dryRunStrategy(inv.flags);
    cordonNodes(inv, resolveNodes(inv, inv.args, inv.flags.string('selector')), false, dryRun);
    return 0;
  },
};
