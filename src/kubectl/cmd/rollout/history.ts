/**
 * kubectl rollout history (rollout/rollout_history.go, polymorphichelpers/history.go).
 *
 * A Deployment's revisions are its ReplicaSets' `deployment.kubernetes.io/revision`
 * annotations (DaemonSets and StatefulSets: their ControllerRevisions); CHANGE-CAUSE is
 * their `kubernetes.io/change-cause`. `--revision=N`
 * prints that revision's pod template (as the describer writes it, unaligned, like kubectl).
 */
import type { PodTemplateSpec } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../../core/api/types.ts';
import type { Client, ResourceDefinition } from '../../../core/client/client.ts';
import type { Invocation, KubectlCommand } from '../../command.ts';
import { describePodTemplate } from '../../describe/podTemplate.ts';
import { BufferPrefixWriter } from '../../describe/prefixWriter.ts';
import { formatTabbed } from '../../describe/tabWriter.ts';
import { CommandError } from '../../errors.ts';
import { qualifiedName } from '../../mapper.ts';
import { printObjects } from '../../output.ts';
import { reportErrors, withTypeMeta } from '../objectWrites.ts';
import { controllerRevisions, templateAt, type ControllerRevision } from './controllerHistory.ts';
import { requireResources } from './targets.ts';
import { visitObjects } from '../visit.ts';

/** REVISION_ANNOTATION is where the Deployment controller numbers ReplicaSets. */
export const REVISION_ANNOTATION = 'deployment.kubernetes.io/revision';
/** CHANGE_CAUSE_ANNOTATION is the optional note a revision carries. */
export const CHANGE_CAUSE_ANNOTATION = 'kubernetes.io/change-cause';

export const history: KubectlCommand = {
  name: 'history',
  short: 'View rollout history',
  run: runHistory,
};

/** deploymentReplicaSets returns the ReplicaSets a Deployment controls (GetAllReplicaSets). */
export function deploymentReplicaSets(client: Client, deployment: KubeObject): KubeObject[] {
  const uid = deployment.metadata.uid;
  return client
    .list({ group: 'apps', resource: 'replicasets' }, deployment.metadata.namespace)
    .items.filter((rs) => rs.metadata.ownerReferences?.some((o) => o.controller && o.uid === uid));
}

/** revisionOf reads a ReplicaSet's revision number (NaN when it has none). */
export function revisionOf(obj: KubeObject): number {
  const v = obj.metadata.annotations?.[REVISION_ANNOTATION];
  return v === undefined || !/^\d+$/.test(v) ? Number.NaN : Number(v);
}

/** viewHistory is DeploymentHistoryViewer.ViewHistory: the table, or one revision's template. */
export function viewHistory(client: Client, def: ResourceDefinition, obj: KubeObject, revision: number): string {
  const byRevision = new Map<number, KubeObject>();
  if (def.kind === 'Deployment') {
    for (const rs of deploymentReplicaSets(client, obj)) {
      const v = revisionOf(rs);
      if (!Number.isNaN(v)) byRevision.set(v, rs);
    }
  } else if (def.kind === 'DaemonSet' || def.kind === 'StatefulSet') {
    for (const r of controllerRevisions(client, obj)) byRevision.set(r.revision, r);
  } else {
    throw new CommandError(`error: no history viewer has been implemented for "${def.kind}${def.group ? '.' + def.group : ''}"`);
  }
  if (byRevision.size === 0) return 'No rollout history found.';
  if (revision > 0) {
    const rs = byRevision.get(revision);
    if (!rs) throw new CommandError('error: unable to find the specified revision');
    const template =
      def.kind === 'Deployment'
        ? structuredClone((rs as { spec?: { template?: PodTemplateSpec } }).spec?.template ?? {})
        : templateAt(obj, rs as ControllerRevision, def.kind);
    const cause = rs.metadata.annotations?.[CHANGE_CAUSE_ANNOTATION];
    if (cause) template.metadata = { ...template.metadata, annotations: { ...template.metadata?.annotations, [CHANGE_CAUSE_ANNOTATION]: cause } };
    const w = new BufferPrefixWriter();
    describePodTemplate(template, w);
    return w.toString();
  }
  const rows = [...byRevision.keys()].sort((a, b) => a - b).map((r) => `${r}\t${byRevision.get(r)!.metadata.annotations?.[CHANGE_CAUSE_ANNOTATION] || '<none>'}\n`);
  return formatTabbed(`REVISION\tCHANGE-CAUSE\n${rows.join('')}`);
}

function runHistory(inv: Invocation): number {
  const { ctx, flags } = inv;
  requireResources(inv);
  const revision = flags.int('revision');
  if (revision < 0) throw new CommandError(`error: revision must be a positive integer: ${revision}`);
  const { found, errors } = visitObjects(inv, { args: inv.args });
  for (const { def, object } of found) {
    try {
      const info = viewHistory(ctx.client, def, object, revision);
      const output = flags.string('output');
      if (output !== '') {
        ctx.stdout(printObjects(output, [withTypeMeta(def, object)], false));
        continue;
      }
      const withRevision = revision > 0 ? `with revision #${revision}` : '';
      ctx.stdout(`${qualifiedName(def, object.metadata.name ?? '')} ${withRevision}\n${info}\n`);
    } catch (err) {
      errors.push(err);
    }
  }
  return reportErrors(inv, errors);
}
