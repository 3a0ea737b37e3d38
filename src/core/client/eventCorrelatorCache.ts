/**
 * EventCorrelatorCache is the event correlator's LRU cache (client-go tools/record/events_cache.go):
 * it remembers, for the last MAX_LRU_CACHE_ENTRIES distinct events a recorder wrote, which
 * Event each was written as, so a repeat bumps that Event's count instead of creating another.
 *
 * An event is identified by its aggregation key: the involved object (uid, kind, name,
 * fieldPath), type, reason and message (the source is the recorder's own, so it is left out).
 * The obvious implementation, a Map keyed by those parts joined into one string, kept a
 * ~200-character key per remembered event (~1.7 KB per pod at 1,000 pods, more than the
 * Events' own messages). Here an entry keeps the parts themselves, strings the Event and its
 * involved object already hold (kind, field path, type and reason as one shared Shape), in a chained hash table of its own (an array of bucket heads,
 * ~12 bytes per entry where a Map took ~50); entries in one bucket are compared part by part,
 * so lookups are exact. The LRU order is a doubly linked list through the entries (oldest at
 * `oldest`), which keeps upstream's eviction order exactly: a hit moves the entry to the young end.
 */

import { flatString } from '../api/flatString.ts';

/** MAX_LRU_CACHE_ENTRIES is client-go's maxLruCacheEntries: the correlator remembers 4096 distinct events per recorder. */
export const MAX_LRU_CACHE_ENTRIES = 4096;

/** CorrelatedEvent is the Event a remembered key was last written as (the caller may repoint it). */
export interface CorrelatedEvent {
  namespace: string;
  eventName: string;
}

/**
 * Shape is the part of a key that repeats across objects (a kubelet's `Started` of
 * `spec.containers{web}` for every pod): one shared object per distinct shape, so an entry
 * holds one pointer for four strings.
 */
interface Shape {
  readonly kind: string;
  readonly fieldPath: string;
  readonly type: string;
  readonly reason: string;
}

interface Entry extends CorrelatedEvent {
  readonly uid: string;
  readonly name: string;
  readonly message: string;
  readonly shape: Shape;
  /** hash is hashKey of the entry's parts, kept so growing and evicting do not hash ~80 characters again. */
  readonly hash: number;
  /** nextInBucket chains the entries of one bucket. */
  nextInBucket: Entry | undefined;
  older: Entry | undefined;
  newer: Entry | undefined;
}

/** EventCorrelatorCache is an exact LRU map from an event's aggregation key to the Event written for it. */
export class EventCorrelatorCache {
  /** buckets holds each bucket's first entry; its length is a power of two, at least the entry count. */
  private buckets: (Entry | undefined)[] = new Array<Entry | undefined>(16).fill(undefined);
  private oldest: Entry | undefined;
  private newest: Entry | undefined;
  private count = 0;

  constructor(private readonly limit = MAX_LRU_CACHE_ENTRIES) {}

  /** size is the number of remembered events. */
  get size(): number {
    return this.count;
  }

  /** get finds the remembered event with this key and, as a use, makes it the most recently used. */
  get(uid: string, kind: string, name: string, fieldPath: string, type: string, reason: string, message: string): CorrelatedEvent | undefined {
    for (let e = this.buckets[hashKey(uid, reason, message) & (this.buckets.length - 1)]; e; e = e.nextInBucket) {
      const s = e.shape;
      if (e.uid === uid && e.message === message && s.reason === reason && s.fieldPath === fieldPath && s.type === type && s.kind === kind && e.name === name) {
        this.unlink(e);
        this.append(e);
        return e;
      }
    }
    return undefined;
  }

  /**
   * add remembers a key that get did not find, as the most recently used, and forgets the
   * least recently used one if the cache is then over its limit. The strings are kept as
   * given: pass the ones the Event holds, so the cache shares them.
   */
  add(uid: string, kind: string, name: string, fieldPath: string, type: string, reason: string, message: string, namespace: string, eventName: string): void {
    const hash = hashKey(uid, reason, message);
    const slot = hash & (this.buckets.length - 1);
    const e: Entry = {
      uid, name, message, shape: shapeOf(kind, fieldPath, type, reason), hash, namespace, eventName,
      nextInBucket: this.buckets[slot], older: undefined, newer: undefined,
    };
    this.buckets[slot] = e;
    this.append(e);
    this.count++;
    if (this.count > this.limit) this.evict(this.oldest!);
    else if (this.count > this.buckets.length) this.grow();
  }

  /** slotOf is the bucket of an entry. */
  private slotOf(e: Entry, mask: number): number {
    return e.hash & mask;
  }

  /** grow doubles the bucket array and redistributes the entries. */
  private grow(): void {
    const old = this.buckets;
    const buckets = new Array<Entry | undefined>(old.length * 2).fill(undefined);
    const mask = buckets.length - 1;
    for (let head of old) {
      while (head) {
        const next = head.nextInBucket;
        const slot = this.slotOf(head, mask);
        head.nextInBucket = buckets[slot];
        buckets[slot] = head;
        head = next;
      }
    }
    this.buckets = buckets;
  }

  private append(e: Entry): void {
    e.older = this.newest;
    e.newer = undefined;
    if (this.newest) this.newest.newer = e;
    else this.oldest = e;
    this.newest = e;
  }

  private unlink(e: Entry): void {
    if (e.older) e.older.newer = e.newer;
    else this.oldest = e.newer;
    if (e.newer) e.newer.older = e.older;
    else this.newest = e.older;
  }

  private evict(e: Entry): void {
    this.unlink(e);
    this.count--;
    const slot = this.slotOf(e, this.buckets.length - 1);
    if (this.buckets[slot] === e) {
      this.buckets[slot] = e.nextInBucket;
      return;
    }
    for (let p = this.buckets[slot]; p; p = p.nextInBucket) {
      if (p.nextInBucket === e) {
        p.nextInBucket = e.nextInBucket;
        return;
      }
    }
  }
}

/**
 * shapeOf returns the shared Shape object for these parts. The table is shared by every
 * recorder (kubelets on all nodes write the same shapes) and starts over when it is full.
 */
function shapeOf(kind: string, fieldPath: string, type: string, reason: string): Shape {
  // A recorder writes runs of a few shapes (a kubelet: Pulled, Created, Started of one
  // container name): the last ones used are compared part by part before a key is built.
  for (let i = recentShapes.length - 1; i >= 0; i--) {
    const s = recentShapes[i]!;
    if (s.reason === reason && s.fieldPath === fieldPath && s.kind === kind && s.type === type) return s;
  }
  const key = `${kind}\u0000${fieldPath}\u0000${type}\u0000${reason}`;
  let shape = shapes.get(key);
  if (!shape) {
    if (shapes.size >= SHAPES_LIMIT) shapes.clear();
    shape = { kind, fieldPath, type, reason };
    shapes.set(flatString(key), shape);
  }
  if (recentShapes.length >= RECENT_SHAPES) recentShapes.shift();
  recentShapes.push(shape);
  return shape;
}

const SHAPES_LIMIT = 1024;
const shapes = new Map<string, Shape>();
const RECENT_SHAPES = 8;
const recentShapes: Shape[] = [];

/**
 * hashKey hashes the parts that tell most events apart (FNV-1a over UTF-16 code units, cut to
 * 30 bits: a small integer). The other parts are compared on lookup only.
 */
export function hashKey(uid: string, reason: string, message: string): number {
  return mix(mix(mix(0x811c9dc5, uid), reason), message) & 0x3fffffff;
}

function mix(h: number, s: string): number {
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  // A separator, so ("ab", "c") and ("a", "bc") hash apart.
  return Math.imul(h ^ 0xff, 0x01000193);
}
