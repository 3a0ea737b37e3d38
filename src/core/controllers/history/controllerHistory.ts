/**
 * ControllerRevision bookkeeping shared by the StatefulSet and DaemonSet controllers
 * (pkg/controller/history/controller_history.go): a revision snapshots the parent's pod
 * template as a strategic merge patch (`data`), is named `<parent>-<hash of data>`, is
 * numbered by `revision`, carries the template's labels plus `controller-revision-hash`
 * and the parent's annotations as they were when it was made, and is controlled by its parent. Rolling back to an old template re-uses that
 * template's revision and gives it the next number, as upstream does.
 */
import { thaw } from '../../api/clone.ts';
import { deepEqual } from '../../api/equality.ts';
import { utf8Encode } from '../../api/encoding.ts';
import type { KubeObject } from '../../api/types.ts';
import type { ResourceRef } from '../../client/client.ts';
import { canonicalJSON, fnv32a, safeEncodeString } from '../deployment/podTemplateHash.ts';

/** CONTROLLER_REVISIONS is the apps/v1 controllerrevisions resource. */
export const CONTROLLER_REVISIONS: ResourceRef = { group: 'apps', resource: 'controllerrevisions' };

/** CONTROLLER_REVISION_HASH_LABEL is apps.ControllerRevisionHashLabelKey, on revisions and on pods. */
export const CONTROLLER_REVISION_HASH_LABEL = 'controller-revision-hash';

/** ControllerRevision is apps/v1 ControllerRevision. */
export interface ControllerRevision extends KubeObject {
  data?: unknown;
  revision: number;
}

/** templatePatch is getPatch of both controllers: `{"spec":{"template":{...,"$patch":"replace"}}}`. */
export function templatePatch(parent: KubeObject): Record<string, unknown> {
  const template = (parent.spec as { template?: Record<string, unknown> } | undefined)?.template ?? {};
  return { spec: { template: { ...thaw(template), $patch: 'replace' } } };
}

/**
 * hashControllerRevision is HashControllerRevision: a 32-bit FNV hash of the data, then of
 * the collision count when set, spelled with rand.SafeEncodeString. (We hash canonical
 * JSON, not Go's serialisation, so values differ from a real cluster's.)
 */
export function hashControllerRevision(data: unknown, collisionCount: number | undefined): string {
  let h = fnv32a(utf8Encode(canonicalJSON(data)));
  if (collisionCount) h = fnv32a(utf8Encode(String(collisionCount)), h);
  return safeEncodeString(String(h));
}

/** newControllerRevision is NewControllerRevision: the object to create for a parent's template. */
export function newControllerRevision(parent: KubeObject, apiVersion: string, kind: string, revision: number, collisionCount: number | undefined): ControllerRevision {
  const data = templatePatch(parent);
  const hash = hashControllerRevision(data, collisionCount);
  const templateLabels = (parent.spec as { template?: { metadata?: { labels?: Record<string, string> } } } | undefined)?.template?.metadata?.labels;
  return {
    apiVersion: 'apps/v1',
    kind: 'ControllerRevision',
    metadata: {
      name: controllerRevisionName(parent.metadata.name ?? '', hash),
      namespace: parent.metadata.namespace,
      labels: { ...templateLabels, [CONTROLLER_REVISION_HASH_LABEL]: hash },
      // Both controllers copy the parent's annotations (so a change-cause shows in history).
      ...(parent.metadata.annotations ? { annotations: { ...parent.metadata.annotations } } : {}),
      ownerReferences: [{ apiVersion, kind, name: parent.metadata.name ?? '', uid: parent.metadata.uid ?? '', controller: true, blockOwnerDeletion: true }],
    },
    data,
    revision,
  };
}

/** controllerRevisionName is ControllerRevisionName: `<prefix>-<hash>`, the prefix cut to 223 characters. */
export function controllerRevisionName(prefix: string, hash: string): string {
  return `${prefix.length > 223 ? prefix.slice(0, 223) : prefix}-${hash}`;
}

/** ownedRevisions lists the revisions a parent controls, oldest revision first (SortControllerRevisions). */
export function ownedRevisions(all: readonly KubeObject[], parent: KubeObject): ControllerRevision[] {
  return (all as ControllerRevision[])
    .filter((r) => r.metadata.ownerReferences?.some((o) => o.controller && o.uid === parent.metadata.uid))
    .sort((a, b) => a.revision - b.revision || (a.metadata.creationTimestamp ?? '').localeCompare(b.metadata.creationTimestamp ?? '') || (a.metadata.name ?? '').localeCompare(b.metadata.name ?? ''));
}

/** nextRevision is one more than the newest revision (1 for none). */
export function nextRevision(revisions: readonly ControllerRevision[]): number {
  return revisions.length === 0 ? 1 : revisions[revisions.length - 1].revision + 1;
}

/** findEqualRevision is FindEqualRevisions: the newest revision whose data equals `data`. */
export function findEqualRevision(revisions: readonly ControllerRevision[], data: unknown): ControllerRevision | undefined {
  for (let i = revisions.length - 1; i >= 0; i--) if (deepEqual(revisions[i].data, data)) return revisions[i];
  return undefined;
}

/**
 * revisionsToPrune is truncateHistory: beyond revisionHistoryLimit, the oldest revisions
 * that neither the live pods nor the current/update revision use.
 */
export function revisionsToPrune(revisions: readonly ControllerRevision[], live: ReadonlySet<string>, limit: number): ControllerRevision[] {
  const history = revisions.filter((r) => !live.has(r.metadata.name ?? ''));
  const excess = history.length - limit;
  return excess > 0 ? history.slice(0, excess) : [];
}
