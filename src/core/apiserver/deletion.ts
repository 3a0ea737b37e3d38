/**
 * Deletion: graceful deletion, finalizers and propagation policy.
 *
 * Follows genericregistry.Store.Delete (k8s.io/apiserver/pkg/registry/generic/registry/store.go):
 * preconditions, then either remove the object at once, or mark it with
 * deletionTimestamp when a grace period (pods) or finalizers keep it alive. Orphan and
 * Foreground propagation add the `orphan` / `foregroundDeletion` finalizers that the
 * garbage collector acts on; Background leaves dependents to the collector afterwards.
 */
import { conflict } from '../api/status.ts';
import { rfc3339 } from '../api/time.ts';
import type { KubeObject } from '../api/types.ts';
import { thaw } from '../storage/freeze.ts';
import type { UserInfo } from './admission.ts';
import { methodNotAllowed } from '../api/status.ts';
import type { ApiServer, ListOptions } from './apiserver.ts';
import type { ResourceDefinition } from './resource.ts';

/** DeleteOptions is metav1.DeleteOptions. */
export interface DeleteOptions {
  propagationPolicy?: 'Background' | 'Foreground' | 'Orphan';
  gracePeriodSeconds?: number;
  preconditions?: { uid?: string; resourceVersion?: string };
  dryRun?: boolean;
  user?: UserInfo;
}

const ORPHAN = 'orphan';
const FOREGROUND = 'foregroundDeletion';

/** deleteObject deletes or marks one object; it returns the object as last seen. */
export function deleteObject(
  server: ApiServer,
  def: ResourceDefinition,
  namespace: string,
  name: string,
  opts: DeleteOptions = {},
): KubeObject {
  if (!def.verbs.includes('delete')) throw methodNotAllowed();
  const current = server.get(def, namespace, name);
  const pre = opts.preconditions;
  if (pre?.uid && pre.uid !== current.metadata.uid) {
    throw conflict(def.group, def.resource, name, `Precondition failed: UID in precondition: ${pre.uid}, UID in object meta: ${current.metadata.uid}`);
  }
  if (pre?.resourceVersion && pre.resourceVersion !== current.metadata.resourceVersion) {
    throw conflict(def.group, def.resource, name, `Precondition failed: ResourceVersion in precondition: ${pre.resourceVersion}, ResourceVersion in object meta: ${current.metadata.resourceVersion}`);
  }
  server.validateAdmission(server.attributes('DELETE', def, '', undefined, current, opts));
  if (opts.dryRun) return current;

  const policy = opts.propagationPolicy ?? def.defaultPropagation ?? 'Background';
  const grace = def.gracefulDeleteSeconds?.(current, opts.gracePeriodSeconds);
  const now = server.clock.now();
  const obj = thaw(current);
  const meta = obj.metadata;
  const finalizers = new Set(meta.finalizers ?? []);
  if (policy === 'Orphan') {
    finalizers.add(ORPHAN);
    finalizers.delete(FOREGROUND);
  } else if (policy === 'Foreground') {
    finalizers.add(FOREGROUND);
    finalizers.delete(ORPHAN);
  } else if (opts.propagationPolicy) {
    finalizers.delete(ORPHAN);
    finalizers.delete(FOREGROUND);
  }
  const hasFinalizers = finalizers.size > 0 || !!def.holdsDeletion?.(current);

  if (current.metadata.deletionTimestamp) {
    // Already terminating: a shorter grace period may bring the end forward (force delete).
    const remaining = current.metadata.deletionGracePeriodSeconds ?? 0;
    if (grace !== undefined && grace < remaining) {
      if (grace === 0 && !hasFinalizers) return server.removeFromStore(def, current);
      meta.deletionGracePeriodSeconds = grace;
      meta.deletionTimestamp = rfc3339(now + grace * 1000);
      return server.storeUpdate(def, obj, current.metadata.resourceVersion);
    }
    if (sameSet(finalizers, current.metadata.finalizers)) return current;
    meta.finalizers = [...finalizers];
    return server.storeUpdate(def, obj, current.metadata.resourceVersion);
  }

  if ((grace ?? 0) > 0 || hasFinalizers) {
    meta.deletionTimestamp = rfc3339(now + (grace ?? 0) * 1000);
    meta.deletionGracePeriodSeconds = grace ?? 0;
    if (finalizers.size > 0) meta.finalizers = [...finalizers];
    def.onDeleting?.(obj);
    if (def.generation) meta.generation = (meta.generation ?? 0) + 1;
    return server.storeUpdate(def, obj, current.metadata.resourceVersion);
  }
  return server.removeFromStore(def, current);
}

/** deleteCollection deletes every object a list would return. */
export function deleteCollection(
  server: ApiServer,
  def: ResourceDefinition,
  namespace: string | undefined,
  listOpts: ListOptions,
  opts: DeleteOptions = {},
): KubeObject[] {
  const { items } = server.list(def, namespace, listOpts);
  return items.map((o) => deleteObject(server, def, o.metadata.namespace ?? '', o.metadata.name ?? '', opts));
}

function sameSet(a: Set<string>, b: string[] | undefined): boolean {
  const bs = new Set(b ?? []);
  return a.size === bs.size && [...a].every((x) => bs.has(x));
}
