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
 * involved object already hold, and the Map is keyed by a small-integer hash of them; entries
 * whose hashes collide are chained and compared part by part, so lookups are exact. The LRU
 * order is a doubly linked list through the entries (oldest at `oldest`), which keeps
 * upstream's eviction order exactly: a hit moves the entry to the young end.
 */

/** MAX_LRU_CACHE_ENTRIES is client-go's maxLruCacheEntries: the correlator remembers 4096 distinct events per recorder. */
export const MAX_LRU_CACHE_ENTRIES = 4096;

/** CorrelatedEvent is one remembered event: its aggregation key and the Event it was written as. */
export interface CorrelatedEvent {
  readonly uid: string;
  readonly kind: string;
  readonly name: string;
  readonly fieldPath: string;
  readonly type: string;
  readonly reason: string;
  readonly message: string;
  /** namespace and eventName name the Event this key was last written as. */
  namespace: string;
  eventName: string;
}

interface Entry extends CorrelatedEvent {
  readonly hash: number;
  /** nextInBucket chains entries whose hashes collide. */
  nextInBucket: Entry | undefined;
  older: Entry | undefined;
  newer: Entry | undefined;
}

/** EventCorrelatorCache is an exact LRU map from an event's aggregation key to the Event written for it. */
export class EventCorrelatorCache {
  private readonly buckets = new Map<number, Entry>();
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
    for (let e = this.buckets.get(hashKey(uid, reason, message)); e; e = e.nextInBucket) {
      if (e.uid === uid && e.message === message && e.reason === reason && e.fieldPath === fieldPath && e.type === type && e.kind === kind && e.name === name) {
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
    const e: Entry = {
      uid, kind, name, fieldPath, type, reason, message, namespace, eventName, hash,
      nextInBucket: this.buckets.get(hash), older: undefined, newer: undefined,
    };
    this.buckets.set(hash, e);
    this.append(e);
    this.count++;
    if (this.count > this.limit) this.evict(this.oldest!);
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
    const head = this.buckets.get(e.hash);
    if (head === e) {
      if (e.nextInBucket) this.buckets.set(e.hash, e.nextInBucket);
      else this.buckets.delete(e.hash);
      return;
    }
    for (let p = head; p; p = p.nextInBucket) {
      if (p.nextInBucket === e) {
        p.nextInBucket = e.nextInBucket;
        return;
      }
    }
  }
}

/**
 * hashKey hashes the parts that tell most events apart (FNV-1a over UTF-16 code units, cut to
 * 30 bits so Map keys stay small integers). The other parts are compared on lookup only.
 */
export function hashKey(uid: string, reason: string, message: string): number {
  return mix(mix(mix(0x811c9dc5, uid), reason), message) & 0x3fffffff;
}

function mix(h: number, s: string): number {
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  // A separator, so ("ab", "c") and ("a", "bc") hash apart.
  return Math.imul(h ^ 0xff, 0x01000193);
}
