/**
 * WatchFeed: an informer's list + watch and its add/delete notifications, without the cache.
 *
 * For a component that only needs to hear about objects as they come and go and reads them
 * from the API server when it acts. The Event TTL is the one: a cache of every Event would
 * hold each Event (about six per pod) under a key string of its own for an hour, ~0.9 KB
 * per pod, to answer one get per Event an hour later.
 *
 * It starts exactly as an Informer does (a list whose objects are announced as added, then
 * a watch from the list's resourceVersion), from InformerFactory.start in creation order, so
 * a component sees the same notifications at the same moments as with an informer.
 */
import type { KubeObject } from '../api/types.ts';
import type { WatchEvent, WatchHandle } from '../apiserver/watch.ts';
import type { Client, ResourceRef } from './client.ts';

/** FeedHandler receives a feed's notifications (there is no cached old object for updates). */
export interface FeedHandler {
  add?(obj: KubeObject): void;
  delete?(obj: KubeObject): void;
}

/** WatchFeed announces the objects of one resource; handlers must be added before start(). */
export class WatchFeed {
  private readonly handlers: FeedHandler[] = [];
  private watchHandle?: WatchHandle;

  constructor(
    private readonly client: Client,
    readonly ref: ResourceRef,
  ) {}

  /** addHandler registers a handler; it hears of objects listed or created after start(). */
  addHandler(handler: FeedHandler): void {
    this.handlers.push(handler);
  }

  /** start lists (each object announced as added), then watches from the list's revision. */
  start(): void {
    if (this.watchHandle) return;
    const list = this.client.list(this.ref, undefined, {});
    for (const obj of list.items) for (const h of this.handlers) h.add?.(obj);
    // Right after the list its revision cannot be compacted: no 410 to recover from here.
    this.watchHandle = this.client.watch(this.ref, undefined, { resourceVersion: list.metadata.resourceVersion }, (ev) => this.deliver(ev));
  }

  stop(): void {
    this.watchHandle?.stop();
    this.watchHandle = undefined;
  }

  private deliver(ev: WatchEvent): void {
    if (ev.type === 'ADDED') for (const h of this.handlers) h.add?.(ev.object);
    else if (ev.type === 'DELETED') for (const h of this.handlers) h.delete?.(ev.object);
  }
}
