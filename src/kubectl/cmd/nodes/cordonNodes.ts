/**
 * cordonNodes is RunCordonOrUncordon from staging/src/k8s.io/kubectl/pkg/cmd/drain/drain.go,
 * shared by cordon, uncordon and drain: for each node, PATCH spec.unschedulable with a
 * strategic merge patch only if it changes, and print `node/x cordoned`, `already cordoned`,
 * `uncordoned` or `already uncordoned` (with kubectl's dry-run suffixes).
 */
import type { KubeObject } from '../../../core/api/types.ts';
import { NODES } from '../../../core/client/client.ts';
import type { Invocation } from '../../command.ts';
import { isStatusError } from '../../../core/api/status.ts';
import { UsageFailure } from '../../errors.ts';
import { dryRunSuffix, type DryRun } from '../objectWrites.ts';

/** cordonNodes sets spec.unschedulable to `desired` on each node; errors are printed per node, as kubectl does. */
export function cordonNodes(inv: Invocation, nodes: KubeObject[], desired: boolean, dryRun: DryRun): void {
  const verb = desired ? 'cordon' : 'uncordon';
  for (const node of nodes) {
    const name = node.metadata.name ?? '';
    const current = (node.spec as { unschedulable?: boolean } | undefined)?.unschedulable === true;
    if (current === desired) {
      inv.ctx.stdout(`node/${name} already ${verb}ed${dryRunSuffix(dryRun)}\n`);
      continue;
    }
    if (dryRun !== 'client') {
      try {
        // The same body CreateTwoWayMergePatch yields: false is unschedulable's zero value, so it is removed.
        inv.ctx.client.patch(NODES, '', name, 'strategic', { spec: { unschedulable: desired ? true : null } }, { dryRun: dryRun === 'server' });
      } catch (err) {
        inv.ctx.stderr(`error: unable to ${verb} node "${name}": ${isStatusError(err) ? err.status.message : (err as Error).message}\n`);
        continue;
      }
    }
    inv.ctx.stdout(`node/${name} ${verb}ed${dryRunSuffix(dryRun)}\n`);
  }
}

/** requireNodeArgs checks `NODE` or `-l` was given, failing like cmdutil.UsageErrorf("USAGE: cordon NODE [flags]"). */
export function requireNodeArgs(inv: Invocation, use: string): void {
  if (inv.args.length === 0 && !inv.flags.changed('selector')) {
    throw new UsageFailure(`USAGE: ${use} [flags]`);
  }
  if (inv.args.length > 0 && inv.flags.string('selector') !== '') {
    throw new UsageFailure('error: cannot specify both a node name and a --selector option');
  }
}
