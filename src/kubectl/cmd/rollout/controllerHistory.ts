/**
 * DaemonSet and StatefulSet history (polymorphichelpers/history.go, rollback.go): their
 * revisions are ControllerRevisions they control, each holding a strategic merge patch of
 * the pod template in `data`.
 */
import type { PodTemplateSpec } from 'kubernetes-types/core/v1';
import { applyStrategicMergePatch } from '../../../core/api/patch/index.ts';
import type { KubeObject } from '../../../core/api/types.ts';
import type { Client } from '../../../core/client/client.ts';
import { CommandError } from '../../errors.ts';

const CONTROLLER_REVISIONS = { group: 'apps', resource: 'controllerrevisions' };

/** ControllerRevision is apps/v1 ControllerRevision as far as history needs it. */
export interface ControllerRevision extends KubeObject {
  revision: number;
  data?: unknown;
}

/** controllerRevisions lists the revisions an object controls, oldest first. */
export function controllerRevisions(client: Client, obj: KubeObject): ControllerRevision[] {
  const uid = obj.metadata.uid;
  let items: ControllerRevision[];
  try {
    items = client.list(CONTROLLER_REVISIONS, obj.metadata.namespace).items as ControllerRevision[];
  } catch {
    // NOTE: the playground's controllers may not keep ControllerRevisions yet: no history then.
    return [];
  }
  return items
    .filter((r) => r.metadata.ownerReferences?.some((o) => o.controller && o.uid === uid))
    .sort((a, b) => a.revision - b.revision);
}

/** templateAt applies a revision's patch to the object and returns its pod template. */
export function templateAt(obj: KubeObject, rev: ControllerRevision, kind: string): PodTemplateSpec {
  const patched = applyStrategicMergePatch(structuredClone(obj), rev.data ?? {}, kind) as { spec?: { template?: PodTemplateSpec } };
  return patched.spec?.template ?? {};
}

/** revisionToRollBack picks --to-revision, else the newest revision older than the current one. */
export function revisionToRollBack(revisions: ControllerRevision[], toRevision: number): ControllerRevision {
  if (toRevision > 0) {
    const r = revisions.find((h) => h.revision === toRevision);
    if (!r) throw new CommandError(`error: unable to find specified revision ${toRevision} in history`);
    return r;
  }
  if (revisions.length <= 1) throw new CommandError('error: no last revision to roll back to');
  return revisions[revisions.length - 2];
}
