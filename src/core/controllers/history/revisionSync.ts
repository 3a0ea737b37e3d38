/**
 * The revision steps both history-keeping controllers run on every sync:
 * getStatefulSetRevisions (stateful_set_control.go) and constructHistory/cleanupHistory
 * (daemon/update.go) share one shape. Find the revision equal to the parent's current
 * template; re-number it if it is not the newest (a rollback), or create it, bumping
 * collisionCount when a different revision already holds the name. Then prune the oldest
 * revisions no pod uses beyond revisionHistoryLimit.
 */
import { isStatusError } from '../../api/status.ts';
import type { KubeObject } from '../../api/types.ts';
import type { Client } from '../../client/client.ts';
import { thaw } from '../../storage/freeze.ts';
import { deepEqual } from '../../api/equality.ts';
import {
  CONTROLLER_REVISIONS,
  findEqualRevision,
  newControllerRevision,
  nextRevision,
  ownedRevisions,
  revisionsToPrune,
  type ControllerRevision,
} from './controllerHistory.ts';

/** RevisionState is what a sync learned: every owned revision, the one matching the template, and the collision count used. */
export interface RevisionState {
  revisions: ControllerRevision[];
  updateRevision: ControllerRevision;
  collisionCount: number;
}

/** syncUpdateRevision makes sure a revision of the parent's current template exists and is the newest. */
export function syncUpdateRevision(client: Client, cached: readonly KubeObject[], parent: KubeObject, kind: string, collisionCount: number): RevisionState {
  const revisions = ownedRevisions(cached, parent);
  let count = collisionCount;
  for (;;) {
    const candidate = newControllerRevision(parent, 'apps/v1', kind, nextRevision(revisions), count);
    const equal = findEqualRevision(revisions, candidate.data);
    if (equal && equal === revisions[revisions.length - 1]) return { revisions, updateRevision: equal, collisionCount: count };
    if (equal) {
      // A rollback: the old template's revision becomes the newest one (history.UpdateControllerRevision).
      const renumbered = thaw(equal) as ControllerRevision;
      renumbered.revision = candidate.revision;
      const updated = client.update<ControllerRevision>(CONTROLLER_REVISIONS, renumbered);
      return { revisions: [...revisions.filter((r) => r !== equal), updated], updateRevision: updated, collisionCount: count };
    }
    try {
      const created = client.create<ControllerRevision>(CONTROLLER_REVISIONS, parent.metadata.namespace ?? '', candidate);
      return { revisions: [...revisions, created], updateRevision: created, collisionCount: count };
    } catch (err) {
      if (!isStatusError(err) || err.code !== 409) throw err;
      // The name is taken: ours (the cache lagged) if the data is the same, else a hash collision.
      const existing = client.tryGet<ControllerRevision>(CONTROLLER_REVISIONS, parent.metadata.namespace ?? '', candidate.metadata.name ?? '');
      const ours = existing?.metadata.ownerReferences?.some((o) => o.controller && o.uid === parent.metadata.uid);
      if (existing && ours && deepEqual(existing.data, candidate.data)) return { revisions: ownedRevisions([...revisions, existing], parent), updateRevision: existing, collisionCount: count };
      count++;
    }
  }
}

/** pruneRevisions deletes the revisions revisionsToPrune picks (live: revision names still in use). */
export function pruneRevisions(client: Client, revisions: readonly ControllerRevision[], live: ReadonlySet<string>, limit: number): void {
  for (const r of revisionsToPrune(revisions, live, limit)) {
    try {
      client.delete(CONTROLLER_REVISIONS, r.metadata.namespace ?? '', r.metadata.name ?? '');
    } catch (err) {
      if (!(isStatusError(err) && err.code === 404)) throw err;
    }
  }
}
