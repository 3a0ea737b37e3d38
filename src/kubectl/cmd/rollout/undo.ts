/**
 * kubectl rollout undo (rollout/rollout_undo.go, polymorphichelpers/rollback.go).
 *
 * Picks the ReplicaSet of the previous (or --to-revision) revision and sends the JSON
 * patch kubectl sends: replace /spec/template with the ReplicaSet's template minus its
 * pod-template-hash label, and /metadata/annotations with the Deployment's own bookkeeping
 * annotations plus the ReplicaSet's others. `deployment.apps/web rolled back`.
 */
import type { KubeObject } from '../../../core/api/types.ts';
import { deepEqual } from '../../../core/api/equality.ts';
import type { Invocation, KubectlCommand } from '../../command.ts';
import { CommandError } from '../../errors.ts';
import type { ResourceDefinition } from '../../../core/client/client.ts';
import { checkOutput, dryRunStrategy, printWritten, reportErrors, type DryRun } from '../objectWrites.ts';
import { visitObjects } from '../visit.ts';
import { controllerRevisions, revisionToRollBack, templateAt } from './controllerHistory.ts';
import { deploymentReplicaSets, revisionOf } from './history.ts';
import { requireResources } from './targets.ts';

export const undo: KubectlCommand = {
  name: 'undo',
  short: 'Undo a previous rollout',
  run: runUndo,
};

/** ANNOTATIONS_TO_SKIP are the Deployment's own annotations a rollback keeps (rollback.go). */
const ANNOTATIONS_TO_SKIP = new Set([
  'kubectl.kubernetes.io/last-applied-configuration',
  'deployment.kubernetes.io/revision',
  'deployment.kubernetes.io/revision-history',
  'deployment.kubernetes.io/desired-replicas',
  'deployment.kubernetes.io/max-replicas',
  'deprecated.deployment.rollback.to',
]);

function runUndo(inv: Invocation): number {
  const { ctx, flags } = inv;
  requireResources(inv);
  checkOutput(inv);
  const dryRun = dryRunStrategy(flags);
  const toRevision = flags.int('to-revision');
  const { found, errors } = visitObjects(inv, { args: inv.args });
  for (const { def, object } of found) {
    try {
      if (def.kind === 'DaemonSet' || def.kind === 'StatefulSet') {
        rollBackControllerRevision(inv, def, object, toRevision, dryRun);
        continue;
      }
      if (def.kind !== 'Deployment') throw new CommandError(`error: no rollbacker has been implemented for "${def.kind}${def.group ? '.' + def.group : ''}"`);
      const spec = (object as { spec?: { paused?: boolean; template?: Record<string, unknown> } }).spec ?? {};
      if (spec.paused) {
        throw new CommandError(`error: you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume' and try again`);
      }
      const rs = replicaSetForRevision(inv, object, toRevision);
      const template = structuredClone((rs as { spec?: { template?: { metadata?: { labels?: Record<string, string> } } } }).spec?.template ?? {});
      if (template.metadata?.labels) {
        delete template.metadata.labels['pod-template-hash'];
      }
      const name = object.metadata.name ?? '';
      if (deepEqual(withoutHash(template), withoutHash(spec.template ?? {}))) {
        printWritten(inv, def, object, `skipped rollback (current template already matches revision ${revisionOf(rs)})`, 'none');
        continue;
      }
      const annotations: Record<string, string> = {};
      for (const [k, v] of Object.entries(object.metadata.annotations ?? {})) if (ANNOTATIONS_TO_SKIP.has(k)) annotations[k] = v;
      for (const [k, v] of Object.entries(rs.metadata.annotations ?? {})) if (!ANNOTATIONS_TO_SKIP.has(k)) annotations[k] = v;
      const patch = [
        { op: 'replace', path: '/spec/template', value: template },
        { op: 'replace', path: '/metadata/annotations', value: annotations },
      ];
      if (dryRun === 'client') {
        printWritten(inv, def, { ...object, spec: { ...spec, template } } as KubeObject, 'rolled back', dryRun);
        continue;
      }
      const result = ctx.client.patch(def, object.metadata.namespace ?? '', name, 'json', patch, { dryRun: dryRun === 'server' });
      printWritten(inv, def, result, 'rolled back', dryRun);
    } catch (err) {
      errors.push(err);
    }
  }
  return reportErrors(inv, errors);
}

/** replicaSetForRevision is deploymentRevision: --to-revision, else the second newest revision. */
function replicaSetForRevision(inv: Invocation, deployment: KubeObject, toRevision: number): KubeObject {
  let latest: KubeObject | undefined;
  let latestRev = -1;
  let previous: KubeObject | undefined;
  let previousRev = -1;
  for (const rs of deploymentReplicaSets(inv.ctx.client, deployment)) {
    const v = revisionOf(rs);
    if (Number.isNaN(v)) continue;
    if (toRevision > 0) {
      if (v === toRevision) return rs;
      continue;
    }
    if (latestRev < v) {
      previousRev = latestRev;
      previous = latest;
      latestRev = v;
      latest = rs;
    } else if (previousRev < v) {
      previousRev = v;
      previous = rs;
    }
  }
  if (toRevision > 0) throw new CommandError(`error: unable to find specified revision ${toRevision} in history`);
  if (!previous) throw new CommandError(`error: no rollout history found for deployment "${deployment.metadata.name}"`);
  return previous;
}

function withoutHash(template: { metadata?: { labels?: Record<string, string> } }): unknown {
  const copy = structuredClone(template);
  if (copy.metadata?.labels) delete copy.metadata.labels['pod-template-hash'];
  return copy;
}

/** rollBackControllerRevision is DaemonSetRollbacker/StatefulSetRollbacker: re-apply a revision's patch. */
function rollBackControllerRevision(inv: Invocation, def: ResourceDefinition, object: KubeObject, toRevision: number, dryRun: DryRun): void {
  const revisions = controllerRevisions(inv.ctx.client, object);
  const target = revisionToRollBack(revisions, toRevision);
  const current = (object as { spec?: { template?: unknown } }).spec?.template;
  if (deepEqual(templateAt(object, target, def.kind), current)) {
    printWritten(inv, def, object, `skipped rollback (current template already matches revision ${target.revision})`, 'none');
    return;
  }
  if (dryRun === 'client') {
    printWritten(inv, def, object, 'rolled back', dryRun);
    return;
  }
  const result = inv.ctx.client.patch(def, object.metadata.namespace ?? '', object.metadata.name ?? '', 'strategic', target.data ?? {}, {
    dryRun: dryRun === 'server',
  });
  printWritten(inv, def, result, 'rolled back', dryRun);
}
