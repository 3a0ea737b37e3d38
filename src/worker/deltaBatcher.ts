/**
 * DeltaBatcher coalesces watch events into the UI's deltas. Between two flushes any number of
 * events may touch one object; the UI only needs the last state, and whether it already knew
 * the object: so an ADDED then DELETED object never crosses the wire, and a hundred
 * MODIFIED of one pod become one. The batcher remembers which keys the UI holds.
 */
import type { KubeObject } from '../core/api/types.ts';
import { objectKey, type ObjectDelta, type ObjectKey, type WireObject } from '../protocol/objects.ts';

/** WatchedEvent is a watch event with the resource it came from. */
export interface WatchedEvent {
  type: 'ADDED' | 'MODIFIED' | 'DELETED';
  group: string;
  resource: string;
  object: KubeObject;
  /** podStatus is the pod's kubectl STATUS, computed by the host (see WireObject.podStatus). */
  podStatus?: string;
}

export class DeltaBatcher {
  /** known holds the keys the UI has (as of the last flush). */
  private readonly known = new Set<ObjectKey>();
  /** pending maps a key to its latest state since the last flush (undefined: deleted). */
  private readonly pending = new Map<ObjectKey, WireObject | undefined>();

  /** push records one watch event. */
  push(ev: WatchedEvent): void {
    const meta = ev.object.metadata;
    const key = objectKey({ group: ev.group, resource: ev.resource, namespace: meta.namespace ?? '', name: meta.name ?? '' });
    this.pending.set(key, ev.type === 'DELETED' ? undefined : { key, group: ev.group, resource: ev.resource, object: ev.object, ...(ev.podStatus !== undefined ? { podStatus: ev.podStatus } : {}) });
  }

  /** size is the number of objects with pending changes. */
  get size(): number {
    return this.pending.size;
  }

  /** flush returns the coalesced delta since the last flush, or undefined when nothing the UI holds changed. */
  flush(): ObjectDelta | undefined {
    const delta: ObjectDelta = { added: [], modified: [], deleted: [] };
    for (const [key, wire] of this.pending) {
      const known = this.known.has(key);
      if (wire && known) delta.modified.push(wire);
      else if (wire) {
        delta.added.push(wire);
        this.known.add(key);
      } else if (known) {
        delta.deleted.push(key);
        this.known.delete(key);
      }
    }
    this.pending.clear();
    return delta.added.length + delta.modified.length + delta.deleted.length > 0 ? delta : undefined;
  }

  /** reset forgets everything (the UI dropped its picture, e.g. after a cluster reset). */
  reset(): void {
    this.known.clear();
    this.pending.clear();
  }
}
