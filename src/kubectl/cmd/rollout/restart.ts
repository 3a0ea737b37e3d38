/**
 * kubectl rollout restart (rollout/rollout_restart.go, polymorphichelpers/objectrestarter.go):
 * stamps `kubectl.kubernetes.io/restartedAt` on the pod template so the controller rolls
 * every pod. Deployments, DaemonSets and StatefulSets; a paused Deployment is refused.
 */
import type { Invocation, KubectlCommand } from '../../command.ts';
import { CommandError } from '../../errors.ts';
import { checkOutput, dryRunStrategy, printWritten, reportErrors } from '../objectWrites.ts';
import { visitObjects } from '../visit.ts';
import { requireResources } from './targets.ts';

export const restart: KubectlCommand = {
  name: 'restart',
  short: 'Restart a resource',
  run: runRestart,
};

/** RESTARTED_AT is the pod template annotation whose change restarts the pods. */
export const RESTARTED_AT = 'kubectl.kubernetes.io/restartedAt';

function runRestart(inv: Invocation): number {
  const { ctx, flags } = inv;
  requireResources(inv);
  checkOutput(inv);
  const dryRun = flags.parsed.values.has('dry-run') ? dryRunStrategy(flags) : 'none';
  const { found, errors } = visitObjects(inv, { args: inv.args });
  if (found.length === 0 && errors.length === 0) throw new CommandError(`error: no resources found in ${inv.namespace} namespace`);
  // Go's time.Now().Format(time.RFC3339): second precision, "Z" in UTC.
  const stamp = new Date(ctx.now()).toISOString().replace(/\.\d{3}Z$/, 'Z');
  for (const { def, object } of found) {
    try {
      if (!['Deployment', 'DaemonSet', 'StatefulSet'].includes(def.kind)) {
        throw new CommandError(`error: restarting is not supported`);
      }
      if ((object as { spec?: { paused?: boolean } }).spec?.paused) {
        throw new CommandError("error: can't restart paused deployment (run rollout resume first)");
      }
      const patch = { spec: { template: { metadata: { annotations: { [RESTARTED_AT]: stamp } } } } };
      const result = ctx.client.patch(def, object.metadata.namespace ?? '', object.metadata.name ?? '', 'strategic', patch, {
        fieldManager: flags.string('field-manager') || 'kubectl-rollout',
        dryRun: dryRun === 'server',
      });
      printWritten(inv, def, result, 'restarted', dryRun);
    } catch (err) {
      errors.push(err);
    }
  }
  return reportErrors(inv, errors);
}
