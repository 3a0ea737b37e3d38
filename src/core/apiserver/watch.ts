/**
 * Watch: a filtered view of the store's change log, in the shape clients expect.
 *
 * Follows the watch cache semantics of k8s.io/apiserver/pkg/storage/cacher: with no
 * resourceVersion (or "0") the watch starts with a synthetic ADDED for every current
 * object; from a given revision it replays later changes, or fails with 410 Gone when
 * that revision is compacted. Objects moving in or out of a selector appear as ADDED
 * or DELETED, so a filtered watcher's picture stays consistent.
 */
import { gone } from '../api/status.ts';
import type { KubeObject } from '../api/types.ts';
import { ResourceVersionTooOld, type StoreEvent, type StoreWatcher } from '../storage/store.ts';
import type { ApiServer, ListOptions } from './apiserver.ts';
import { resourceKey, type ResourceDefinition } from './resource.ts';

/** WatchEvent is what a watch delivers. */
export interface WatchEvent {
  type: 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK' | 'ERROR';
  object: KubeObject;
}

/** WatchHandle stops a watch. */
export interface WatchHandle {
  stop(): void;
}

/** openWatch starts a watch; events arrive when the simulation loop delivers them. */
export function openWatch(
  server: ApiServer,
  def: ResourceDefinition,
  namespace: string | undefined,
  opts: ListOptions,
  handler: (event: WatchEvent) => void,
): WatchHandle {
  const filter = server.filterFor(def, opts);
  const ns = def.namespaced ? namespace : undefined;
  const watcher: StoreWatcher = {
    resource: resourceKey(def),
    namespace: ns,
    stopped: false,
    deliver(stored: StoreEvent) {
      // A resource sharing another's storage (events.k8s.io Events) sees its changes converted.
      const ev = def.storedAs ? servedEvent(server, def, stored) : stored;
      const type = translate(ev, (o) => filter.matches(o));
      if (type) handler({ type, object: ev.object });
    },
  };
  const rv = opts.resourceVersion;
  if (rv === undefined || rv === '' || rv === '0') {
    const { items, revision } = server.store.list(resourceKey(def), ns);
    for (const item of items) {
      const obj = server.fromStore(def, item);
      if (!filter.matches(obj)) continue;
      server.store.enqueue(watcher, {
        type: 'ADDED',
        revision,
        resource: watcher.resource,
        namespace: obj.metadata.namespace ?? '',
        name: obj.metadata.name ?? '',
        object: obj,
      });
    }
    server.store.watch(watcher, revision);
  } else {
    const from = Number(rv);
    if (!Number.isInteger(from) || from < 0) throw gone(`too old resource version: ${rv}`);
    try {
      server.store.watch(watcher, from);
    } catch (err) {
      if (err instanceof ResourceVersionTooOld) throw gone(err.message);
      throw err;
    }
  }
  return { stop: () => server.store.unwatch(watcher) };
}

/** servedEvent converts a store change to the shape `def` serves. */
function servedEvent(server: ApiServer, def: ResourceDefinition, ev: StoreEvent): StoreEvent {
  return {
    ...ev,
    object: server.fromStore(def, ev.object),
    prevObject: ev.prevObject && server.fromStore(def, ev.prevObject),
  };
}

/** translate maps a store change to what a filtered watcher should see, if anything. */
function translate(ev: StoreEvent, matches: (o: KubeObject) => boolean): WatchEvent['type'] | undefined {
  switch (ev.type) {
    case 'ADDED':
      return matches(ev.object) ? 'ADDED' : undefined;
    case 'DELETED':
      return matches(ev.object) ? 'DELETED' : undefined;
    case 'MODIFIED': {
      const now = matches(ev.object);
      const before = ev.prevObject ? matches(ev.prevObject) : false;
      if (now && before) return 'MODIFIED';
      if (now) return 'ADDED';
      if (before) return 'DELETED';
      return undefined;
    }
  }
}
