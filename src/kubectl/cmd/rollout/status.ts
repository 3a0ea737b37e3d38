/**
 * kubectl rollout status (rollout/rollout_status.go).
 *
 * Watches the object (UntilWithSync on a name field selector) and prints the status
 * viewer's line for every ADDED/MODIFIED event until the rollout is done; with
 * --watch=false it prints once. --timeout (0 = forever) ends the wait with kubectl's
 * `error: timed out waiting for the condition`.
 */
import type { Invocation, KubectlCommand } from '../../command.ts';
import { CommandError } from '../../errors.ts';
import { parseGoDuration } from '../../flags.ts';
import { visitObjects } from '../visit.ts';
import { rolloutStatus } from './statusViewer.ts';
import { requireResources } from './targets.ts';

export const status: KubectlCommand = {
  name: 'status',
  short: 'Show the status of the rollout',
  run: runStatus,
};

async function runStatus(inv: Invocation): Promise<number> {
  const { ctx, flags } = inv;
  requireResources(inv);
  const { found, errors } = visitObjects(inv, { args: inv.args });
  if (errors.length > 0) throw errors[0];
  if (found.length !== 1) {
    if (found.length === 0) throw new CommandError(`error: no resources found in ${inv.namespace} namespace`);
    throw new CommandError('error: rollout status is only supported on individual resources and resource collections are not supported yet');
  }
  const { def, object } = found[0];
  const ns = object.metadata.namespace ?? '';
  const name = object.metadata.name ?? '';
  rolloutStatus(def.kind, object); // fail early for kinds without a status viewer
  const timeout = parseGoDuration(flags.string('timeout') || '0') || Number.POSITIVE_INFINITY;
  const watch = flags.bool('watch');

  let finished = false;
  let failure: unknown;
  const observe = (obj: typeof object) => {
    if (finished) return;
    try {
      const st = rolloutStatus(def.kind, obj);
      ctx.stdout(st.message);
      if (st.done || !watch) finished = true;
    } catch (err) {
      failure = err;
      finished = true;
    }
  };
  const list = ctx.client.list(def, ns, { fieldSelector: `metadata.name=${name}` });
  for (const item of list.items) observe(item);
  if (list.items.length === 0) throw new CommandError('error: object has been deleted');
  if (finished) {
    if (failure) throw failure;
    return 0;
  }
  const handle = ctx.client.watch(def, ns, { fieldSelector: `metadata.name=${name}`, resourceVersion: list.metadata.resourceVersion }, (ev) => {
    if (ev.type === 'ADDED' || ev.type === 'MODIFIED') observe(ev.object);
    else if (ev.type === 'DELETED' && !finished) {
      failure = new CommandError('error: object has been deleted');
      finished = true;
    }
  });
  try {
    const ok = await ctx.waitFor(() => finished || ctx.signal.aborted, timeout, ctx.signal);
    if (failure) throw failure;
    if (!ok && !ctx.signal.aborted) throw new CommandError('error: timed out waiting for the condition');
  } finally {
    handle.stop();
  }
  return ctx.signal.aborted ? 130 : 0;
}
