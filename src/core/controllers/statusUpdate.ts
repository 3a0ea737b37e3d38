/**
 * updateStatusRetryOnce: the status write most controllers do after a sync. It PUTs the
 * cached object with a new status to the `status` subresource; on a 409 Conflict (the
 * object changed since the informer saw it) it reads the object fresh and tries once more,
 * as upstream's update*Status helpers do before giving the key back to the queue.
 */
import { isStatusError } from '../api/status.ts';
import type { KubeObject } from '../api/types.ts';
import type { Client, ResourceRef } from '../client/client.ts';
import { thaw } from '../storage/freeze.ts';

/** updateStatusRetryOnce writes `status` onto `cached` and returns the stored object. */
export function updateStatusRetryOnce<T extends KubeObject>(client: Client, ref: ResourceRef, cached: KubeObject, status: unknown): T {
  for (let attempt = 0; ; attempt++) {
    try {
      const current = attempt === 0 ? cached : client.get(ref, cached.metadata.namespace ?? '', cached.metadata.name ?? '');
      return client.updateStatus<T>(ref, { ...thaw(current), status: thaw(status as object) });
    } catch (err) {
      if (attempt >= 1 || !isStatusError(err) || err.code !== 409) throw err;
    }
  }
}
