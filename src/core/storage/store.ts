/**
 * The etcd stand-in: one global revision counter, objects keyed by resource/namespace/name,
 * and a bounded log of changes that watches replay from.
 *
 * Models k8s.io/apiserver/pkg/storage/etcd3: every write bumps the single revision and
 * stamps it into metadata.resourceVersion; a watch from revision R sees every change after
 * R, unless R has been compacted away, in which case it gets 410 Gone and must re-list.
 *
 * Stored objects are frozen and handed out by reference: readers never copy, writers must
 * build a new object. That is cheap and makes accidental mutation of a cache throw.
 */
import type { KubeObject } from '../api/types.ts';
import { Bucket, joinKey } from './bucket.ts';
import { deepFreeze } from './freeze.ts';
import { shareFrozen } from './share.ts';

/** WatchEventType is the `type` of a watch event. */
export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK' | 'ERROR';

/** StoreEvent is one change in the log. */
export interface StoreEvent {
  type: 'ADDED' | 'MODIFIED' | 'DELETED';
  revision: number;
  resource: string;
  namespace: string;
  name: string;
  object: KubeObject;
  prevObject?: KubeObject;
}

/** StoreWatcher receives events for one resource (optionally one namespace). */
export interface StoreWatcher {
  readonly resource: string;
  readonly namespace?: string;
  deliver(event: StoreEvent): void;
  /** stopped watchers are skipped and dropped. */
  stopped: boolean;
}

/** ResourceVersionTooOld is thrown by watch() when the requested revision was compacted. */
export class ResourceVersionTooOld extends Error {
  constructor(
    readonly requested: number,
    readonly oldest: number,
  ) {
    super(`too old resource version: ${requested} (${oldest})`);
  }
}

// Resources whose objects are created in runs from one template (a ReplicaSet's, a Job's, a
// DaemonSet's pods): a new one shares every part equal to the previous new one's (labels,
// owner references, container resources, security context...), frozen, as a new version
// shares with the one it replaces (share.ts). Identical content, so nothing observable
// changes. 1,000 pods (bench/heapProfile.ts, toggled on one tree): heap per pod 18,126 ->
// 17,615 B (Objects 166.6 -> 156.8 per pod), for ~4.5 us more per pod create (the walk
// compares where deepFreeze only froze; throughput within noise). Events are left out:
// consecutive Events share little beyond what shareEventParts already shares, and each
// would pay the walk.
const SHARED_CREATES = new Set(['pods']);

/** StoreConflict is thrown when a precondition on resourceVersion fails. */
export class StoreConflict extends Error {}
/** StoreNotFound is thrown when the key does not exist. */
export class StoreNotFound extends Error {}
/** StoreExists is thrown by create when the key already exists. */
export class StoreExists extends Error {}

/** LOG_COMPACT_CHUNK is how many expired events the log keeps before cutting them off. */
const LOG_COMPACT_CHUNK = 1024;

/** Store is the versioned object store. */
export class Store {
  private revision = 0;
  private readonly buckets = new Map<string, Bucket>();
  /** log[logHead..] are the retained events, oldest first; the dead prefix is cut in chunks. */
  private log: StoreEvent[] = [];
  private logHead = 0;
  private logStart = 0; // > 0 once events have been compacted away (watches from before then get 410)
  /**
   * watchers by resource, each set in registration order: a write visits only its
   * resource's watchers (one or two) instead of all of them (~50, one per informer).
   */
  private readonly watchers = new Map<string, Set<StoreWatcher>>();
  /** pending holds (watcher, event) pairs until the simulation loop delivers them, in order. */
  private pending: Array<[StoreWatcher, StoreEvent]> = [];

  /**
   * @param windowSize how many past events a watch may replay; older ⇒ 410 Gone.
   * @param freeze deep-freeze stored objects (on in development and tests).
   */
  constructor(
    private readonly windowSize = 20000,
    private readonly freeze = true,
  ) {}

  /** currentRevision is the revision of the last write. */
  currentRevision(): number {
    return this.revision;
  }

  get(resource: string, namespace: string, name: string): KubeObject | undefined {
    return this.buckets.get(resource)?.get(namespace, name);
  }

  /** list returns the objects of a resource (in one namespace, or all), sorted by namespace/name. */
  list(resource: string, namespace?: string): { items: KubeObject[]; revision: number } {
    const items = this.buckets.get(resource)?.sorted(namespace) ?? [];
    return { items, revision: this.revision };
  }

  /** count returns how many objects a resource holds. */
  count(resource: string): number {
    return this.buckets.get(resource)?.size ?? 0;
  }

  create(resource: string, obj: KubeObject): KubeObject {
    const { namespace, name } = nsName(obj);
    const bucket = this.bucket(resource);
    if (bucket.keyOf(namespace, name) !== undefined) throw new StoreExists(joinKey(namespace, name));
    const stamped = this.withNextRevision(obj);
    let stored = stamped;
    if (this.freeze && SHARED_CREATES.has(resource)) {
      stored = bucket.lastCreated ? shareFrozen(stamped, bucket.lastCreated) : deepFreeze(stamped);
      bucket.lastCreated = stored;
    } else if (this.freeze) stored = deepFreeze(stamped);
    bucket.set(namespace, name, stored);
    this.record({ type: 'ADDED', revision: this.revision, resource, namespace, name, object: stored });
    return stored;
  }

  /**
   * update replaces an object. When expectedRevision is given it must equal the stored
   * object's resourceVersion (optimistic concurrency, 409 upstream).
   */
  update(resource: string, obj: KubeObject, expectedRevision?: string): KubeObject {
    const { namespace, name } = nsName(obj);
    const bucket = this.bucket(resource);
    const prev = this.current(bucket, namespace, name, expectedRevision);
    // The new version shares every unchanged (frozen) part of the one it replaces, and is
    // frozen in the same walk. Its metadata (a new resourceVersion) and itself are never
    // shared whole: stamping copied them when they were, so sharing them is not tried.
    const stamped = this.withNextRevision(obj);
    const stored = this.freeze ? shareFrozen(stamped, prev) : stamped;
    bucket.set(namespace, name, stored);
    this.record({ type: 'MODIFIED', revision: this.revision, resource, namespace, name, object: stored, prevObject: prev });
    return stored;
  }

  delete(resource: string, namespace: string, name: string, expectedRevision?: string): KubeObject {
    const bucket = this.bucket(resource);
    const prev = this.current(bucket, namespace, name, expectedRevision);
    bucket.delete(namespace, name);
    // The DELETED event carries the last state stamped with the deletion's revision, as etcd3 does.
    const gone = this.stamp(prev);
    this.record({ type: 'DELETED', revision: this.revision, resource, namespace, name, object: gone, prevObject: prev });
    return gone;
  }

  /**
   * watch registers a watcher. Events after `fromRevision` that are still in the log are
   * queued for it first; a revision older than the log's start throws ResourceVersionTooOld.
   */
  watch(watcher: StoreWatcher, fromRevision: number): void {
    const oldest = this.log.length > this.logHead ? this.log[this.logHead].revision : this.revision + 1;
    if (fromRevision < oldest - 1 && this.logStart > 0) throw new ResourceVersionTooOld(fromRevision, oldest - 1);
    for (let i = this.logHead; i < this.log.length; i++) {
      const ev = this.log[i];
      if (ev.revision > fromRevision && matches(watcher, ev)) this.pending.push([watcher, ev]);
    }
    let set = this.watchers.get(watcher.resource);
    if (!set) this.watchers.set(watcher.resource, (set = new Set()));
    set.add(watcher);
  }

  /** enqueue queues a synthetic event (a watch's initial ADDED events) behind pending ones. */
  enqueue(watcher: StoreWatcher, event: StoreEvent): void {
    this.pending.push([watcher, event]);
  }

  /** unwatch stops delivery to a watcher. */
  unwatch(watcher: StoreWatcher): void {
    watcher.stopped = true;
    this.watchers.get(watcher.resource)?.delete(watcher);
  }

  /** hasPending tells whether events wait for delivery. */
  hasPending(): boolean {
    return this.pending.length > 0;
  }

  /**
   * deliverPending hands queued events to their watchers, in revision order. Events that
   * deliveries cause are delivered in the same call. Returns how many were delivered.
   */
  deliverPending(limit = Number.POSITIVE_INFINITY): number {
    let delivered = 0;
    while (this.pending.length > 0 && delivered < limit) {
      const batch = this.pending;
      this.pending = [];
      let i = 0;
      for (; i < batch.length && delivered < limit; i++) {
        const [w, ev] = batch[i];
        if (w.stopped) continue;
        delivered++;
        w.deliver(ev);
      }
      if (i < batch.length) this.pending = batch.slice(i).concat(this.pending);
    }
    return delivered;
  }

  /**
   * compact forgets the retained events at or before `revision` (etcd's Compact): a watch from
   * an older revision then gets 410 Gone and must re-list. The 20,000-event window still bounds
   * the log between compactions.
   */
  compact(revision: number): void {
    let head = this.logHead;
    while (head < this.log.length && this.log[head].revision <= revision) head++;
    if (head === this.logHead && this.logStart > 0) return;
    this.logStart++;
    this.log = this.log.slice(head);
    this.logHead = 0;
  }

  /** snapshot returns every object and the revision, for persistence. */
  snapshot(): { revision: number; resources: Record<string, KubeObject[]> } {
    const resources: Record<string, KubeObject[]> = {};
    for (const [resource, bucket] of this.buckets) {
      if (bucket.size > 0) resources[resource] = [...bucket.values()];
    }
    return { revision: this.revision, resources };
  }

  /** restore replaces all content with a snapshot; the event log starts empty (watches re-list). */
  restore(snap: { revision: number; resources: Record<string, KubeObject[]> }): void {
    this.buckets.clear();
    this.log = [];
    this.logHead = 0;
    this.logStart = 1;
    this.pending = [];
    this.revision = snap.revision;
    for (const [resource, items] of Object.entries(snap.resources)) {
      const bucket = this.bucket(resource);
      for (const obj of items) {
        const { namespace, name } = nsName(obj);
        bucket.set(namespace, name, this.freeze ? deepFreeze(obj) : obj);
      }
    }
  }

  private bucket(resource: string): Bucket {
    let b = this.buckets.get(resource);
    if (!b) {
      b = new Bucket();
      this.buckets.set(resource, b);
    }
    return b;
  }

  /**
   * current is the stored object a write replaces or deletes: StoreNotFound when absent,
   * StoreConflict when expectedRevision is given and differs (etcd's compare-and-swap).
   */
  private current(bucket: Bucket, namespace: string, name: string, expectedRevision: string | undefined): KubeObject {
    const prev = bucket.get(namespace, name);
    if (!prev) throw new StoreNotFound(joinKey(namespace, name));
    if (expectedRevision !== undefined && prev.metadata.resourceVersion !== expectedRevision) {
      throw new StoreConflict(joinKey(namespace, name));
    }
    return prev;
  }

  /** stamp bumps the revision and returns obj with it as metadata.resourceVersion, frozen. */
  private stamp(obj: KubeObject): KubeObject {
    const stamped = this.withNextRevision(obj);
    return this.freeze ? deepFreeze(stamped) : stamped;
  }

  /**
   * withNextRevision bumps the revision and returns obj with it as metadata.resourceVersion.
   * A freezing store stamps the caller's own object in place (create and update take it
   * over: the API server hands in its private decoded copy) and copies only what is frozen
   * already (a stored object being deleted, metadata shared with the previous version):
   * two object copies per write saved. The key order is the same either way (an existing
   * resourceVersion keeps its place, a new one goes last).
   */
  private withNextRevision(obj: KubeObject): KubeObject {
    this.revision++;
    const resourceVersion = String(this.revision);
    if (!this.freeze) return { ...obj, metadata: { ...obj.metadata, resourceVersion } };
    const stamped = Object.isFrozen(obj) ? { ...obj } : obj;
    if (Object.isFrozen(stamped.metadata)) stamped.metadata = { ...stamped.metadata, resourceVersion };
    else stamped.metadata.resourceVersion = resourceVersion;
    return stamped;
  }

  private record(ev: StoreEvent): void {
    this.log.push(ev);
    if (this.log.length - this.logHead > this.windowSize) {
      this.logHead = this.log.length - this.windowSize;
      this.logStart++;
      // Drop the dead prefix in chunks: a few copies per write instead of splicing one
      // event off the front of the window on every write.
      if (this.logHead >= LOG_COMPACT_CHUNK) {
        this.log = this.log.slice(this.logHead);
        this.logHead = 0;
      }
    }
    const watchers = this.watchers.get(ev.resource);
    if (watchers === undefined) return;
    for (const w of watchers) {
      if (!w.stopped && matches(w, ev)) this.pending.push([w, ev]);
    }
  }
}

function matches(w: StoreWatcher, ev: StoreEvent): boolean {
  return w.resource === ev.resource && (w.namespace === undefined || w.namespace === ev.namespace);
}

function nsName(obj: KubeObject): { namespace: string; name: string } {
  return { namespace: obj.metadata.namespace ?? '', name: obj.metadata.name ?? '' };
}
