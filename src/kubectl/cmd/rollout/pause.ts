/**
 * kubectl rollout pause (and the body resume shares) (rollout/rollout_pause.go, rollout_resume.go,
 * polymorphichelpers/objectpauser.go, objectresumer.go): a strategic merge patch of
 * `spec.paused` under field manager kubectl-rollout.
 */
import type { Invocation, KubectlCommand } from '../../command.ts';
import { CommandError } from '../../errors.ts';
import { groupResource } from '../../mapper.ts';
import { checkOutput, printWritten, reportErrors } from '../objectWrites.ts';
import { visitObjects } from '../visit.ts';
import { requireResources } from './targets.ts';

export const pause: KubectlCommand = {
  name: 'pause',
  short: 'Mark the provided resource as paused',
  run: (inv) => setPaused(inv, true),
};

/** setPaused is the shared body of pause and resume. */
export function setPaused(inv: Invocation, paused: boolean): number {
  const { ctx, flags } = inv;
  requireResources(inv);
  checkOutput(inv);
  const { found, errors } = visitObjects(inv, { args: inv.args });
  for (const { def, object } of found) {
    const name = object.metadata.name ?? '';
    try {
      if (def.kind !== 'Deployment') {
        // rollout_pause.go: `error: <resource.group> "<name>" <pauser error>`.
        throw new CommandError(`error: ${groupResource(def)} "${name}" ${paused ? 'pausing' : 'resuming'} is not supported`);
      }
      const current = !!(object as { spec?: { paused?: boolean } }).spec?.paused;
      if (current === paused) {
        throw new CommandError(`error: ${groupResource(def)} "${name}" ${paused ? 'is already paused' : 'is not paused'}`);
      }
      const result = ctx.client.patch(def, object.metadata.namespace ?? '', name, 'strategic', { spec: { paused: paused || null } }, {
        fieldManager: flags.string('field-manager') || 'kubectl-rollout',
      });
      printWritten(inv, def, result, paused ? 'paused' : 'resumed', 'none');
    } catch (err) {
      errors.push(err);
    }
  }
  return reportErrors(inv, errors);
}
