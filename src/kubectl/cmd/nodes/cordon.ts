/**
 * kubectl cordon (staging/src/k8s.io/kubectl/pkg/cmd/drain/drain.go, NewCmdCordon):
 * mark nodes unschedulable.
 */
import type { KubectlCommand } from '../../command.ts';
import { dryRunStrategy } from '../objectWrites.ts';
import { cordonNodes, requireNodeArgs } from './cordonNodes.ts';
import { resolveNodes } from './nodeTargets.ts';

/** cordon is `kubectl cordon NODE`. */
export const cordon: KubectlCommand = {
  name: 'cordon',
  short: 'Mark node as unschedulable',
  run(inv) {
    requireNodeArgs(inv, 'cordon NODE');
    const dryRun = dryRunStrategy(inv.flags);
    cordonNodes(inv, resolveNodes(inv, inv.args, inv.flags.string('selector')), true, dryRun);
    return 0;
  },
};
