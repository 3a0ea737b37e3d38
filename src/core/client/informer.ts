/**
 * Informers: a local, always-current cache of one resource, fed by list + watch.
 *
 * As in client-go's SharedIndexInformer: start() lists, then watches from the list's
 * resourceVersion; a 410 Gone during the watch makes it re-list and replay the
 * difference as add/update/delete notifications. Handlers should only enqueue keys:
 * reconcilers read current state from the cache (level-based), never from the event.
 */
import { flatString } from '../api/flatString.ts';
import type { KubeObject } from '../api/types.ts';
import { isStatusError } from '../api/status.ts';
import type { ListOptions } from '../apiserver/apiserver.ts';
import type { WatchEvent, WatchHandle } from '../apiserver/watch.ts';
import type { Client, ResourceRef } from './client.ts';
import { WatchFeed } from './watchFeed.ts';

/**
 * EventHandler receives cache changes. `key` is the object's keyOf key, as a flat string; on
 * add it is the very string the cache keeps, so a handler that stores keys can share it
 * instead of building its own copy per object.
 */
export interface EventHandler {
  add?(obj: KubeObject, key: string): void;
  update?(oldObj: KubeObject, newObj: KubeObject, key: string): void;
  delete?(obj: KubeObject, key: string): void;
}

/**
 * IndexFunc returns the index values of an object (e.g. its node name); a single value may be
 * returned as a plain string, which spares an array per object per update.
 */
export type IndexFunc = (obj: KubeObject) => string | readonly string[];

/** keyOf is cache.MetaNamespaceKeyFunc: "namespace/name", or "name" for cluster-scoped objects. */
export function keyOf(obj: KubeObject): string {
  const ns = obj.metadata.namespace;
  return ns ? `${ns}/${obj.metadata.name}` : (obj.metadata.name ?? '');
}

/** splitKey is cache.SplitMetaNamespaceKey. */
export function splitKey(key: string): { namespace: string; name: string } {
  const i = key.indexOf('/');
  return i < 0 ? { namespace: '', name: key } : { namespace: key.slice(0, i), name: key.slice(i + 1) };
}

/** EMPTY_VIEW is namespaceView's answer for a namespace with no cached objects. */
const EMPTY_VIEW: ReadonlySet<KubeObject> = new Set();

/** Informer caches one resource. */
export class Informer {
  private readonly items = new Map<string, KubeObject>();
  private readonly handlers: EventHandler[] = [];
  /**
   * indexes are the registered indexes, each with its map of value → the cached objects with
   * that value. The sets hold the objects themselves (not keys to look up again), so a
   * namespace list of thousands of pods is one pass over a set; an update replaces the object
   * at the end of its sets, as re-adding its key did. `indices` finds an index by name.
   */
  private readonly indexes: Index[] = [];
  private readonly indices = new Map<string, Map<string, Set<KubeObject>>>();
  private watchHandle?: WatchHandle;
  private lastRV = '';
  synced = false;

  constructor(
    private readonly client: Client,
    readonly ref: ResourceRef,
    private readonly options: ListOptions = {},
    private readonly namespace?: string,
  ) {
    this.addIndex('namespace', (o) => o.metadata.namespace ?? '');
  }

  addHandler(handler: EventHandler): void {
    this.handlers.push(handler);
    if (this.synced) for (const [key, obj] of this.items) handler.add?.(obj, key);
  }

  /** addIndex registers an index; call before start(). */
  addIndex(name: string, fn: IndexFunc): void {
    const index = new Map<string, Set<KubeObject>>();
    // Adding an index again replaces it (in its place: indexes are updated in registration order).
    const at = this.indexes.findIndex((x) => x.name === name);
    if (at >= 0) this.indexes[at] = { name, fn, values: index };
    else this.indexes.push({ name, fn, values: index });
    this.indices.set(name, index);
    for (const obj of this.items.values()) indexAdd(fn(obj), obj, index);
  }

  start(): void {
    if (this.watchHandle) return;
    this.relist();
  }

  stop(): void {
    this.watchHandle?.stop();
    this.watchHandle = undefined;
  }

  get(namespace: string, name: string): KubeObject | undefined {
    return this.items.get(namespace ? `${namespace}/${name}` : name);
  }

  getByKey(key: string): KubeObject | undefined {
    return this.items.get(key);
  }

  /** list returns cached objects, optionally in one namespace. */
  list(namespace?: string): KubeObject[] {
    if (namespace === undefined) return [...this.items.values()];
    return this.byIndex('namespace', namespace);
  }

  /**
   * namespaceView is list(namespace) without the copy: the informer's own live set, in list
   * order. For a caller that walks thousands of objects on every sync; it must finish the walk
   * before the loop delivers the next watch event (writes made during the walk only arrive
   * later) and never keep the set.
   */
  namespaceView(namespace: string): ReadonlySet<KubeObject> {
    return this.indices.get('namespace')?.get(namespace) ?? EMPTY_VIEW;
  }

  byIndex(index: string, value: string): KubeObject[] {
    const objects = this.indices.get(index)?.get(value);
    return objects ? Array.from(objects) : [];
  }

  size(): number {
    return this.items.size;
  }

  private relist(): void {
    this.watchHandle?.stop();
    const list = this.client.list(this.ref, this.namespace, this.options);
    const fresh = new Map(list.items.map((o) => [keyOf(o), o]));
    for (const [key, old] of [...this.items]) {
      if (!fresh.has(key)) this.apply({ type: 'DELETED', object: old });
    }
    for (const obj of list.items) this.apply({ type: this.items.has(keyOf(obj)) ? 'MODIFIED' : 'ADDED', object: obj });
    this.lastRV = list.metadata.resourceVersion;
    this.synced = true;
    this.openWatch();
  }

  private openWatch(): void {
    try {
      this.watchHandle = this.client.watch(this.ref, this.namespace, { ...this.options, resourceVersion: this.lastRV }, (ev) => this.apply(ev));
    } catch (err) {
      if (isStatusError(err) && err.code === 410) return this.relist();
      throw err;
    }
  }

  private apply(ev: WatchEvent): void {
    const obj = ev.object;
    if (ev.type === 'BOOKMARK' || ev.type === 'ERROR') return;
    if (obj.metadata.resourceVersion) this.lastRV = obj.metadata.resourceVersion;
    const key = keyOf(obj);
    const old = this.items.get(key);
    if (ev.type === 'DELETED') {
      if (!old) return;
      this.items.delete(key);
      this.unindex(old);
      for (const h of this.handlers) h.delete?.(obj, key);
      return;
    }
    if (old && old.metadata.resourceVersion === obj.metadata.resourceVersion) return;
    // The key is kept (by us and by handlers) as long as the object is cached: make it flat.
    const flatKey = flatString(key);
    this.items.set(flatKey, obj);
    if (old) this.reindex(old, obj);
    else for (const x of this.indexes) indexAdd(x.fn(obj), obj, x.values);
    for (const h of this.handlers) {
      if (old) h.update?.(old, obj, flatKey);
      else h.add?.(obj, flatKey);
    }
  }

  /**
   * reindex moves an updated object's index entries from `old` to `obj`, each to the end of
   * its set. When an index value is unchanged (a pod's namespace, nearly always its node) the
   * object is swapped within the one set, without removing and re-finding it.
   */
  private reindex(old: KubeObject, obj: KubeObject): void {
    for (const x of this.indexes) {
      const before = x.fn(old);
      const after = x.fn(obj);
      const value = onlyValue(before);
      if (value !== undefined && value === onlyValue(after)) {
        const set = x.values.get(value);
        if (set) {
          set.delete(old);
          set.add(obj);
          continue;
        }
      }
      indexRemove(before, old, x.values);
      indexAdd(after, obj, x.values);
    }
  }

  /** unindex removes a cached object (the very object its sets hold) from every index. */
  private unindex(obj: KubeObject): void {
    for (const x of this.indexes) indexRemove(x.fn(obj), obj, x.values);
  }
}

/** Index is one registered index: its name, its function, and value → objects. */
interface Index {
  name: string;
  fn: IndexFunc;
  values: Map<string, Set<KubeObject>>;
}

/** onlyValue is an index result's value when it has exactly one. */
function onlyValue(values: string | readonly string[]): string | undefined {
  if (typeof values === 'string') return values;
  return values.length === 1 ? values[0] : undefined;
}

function indexAdd(values: string | readonly string[], obj: KubeObject, index: Map<string, Set<KubeObject>>): void {
  if (typeof values === 'string') return addTo(values, obj, index);
  for (const v of values) addTo(v, obj, index);
}

function addTo(value: string, obj: KubeObject, index: Map<string, Set<KubeObject>>): void {
  let set = index.get(value);
  if (!set) index.set(value, (set = new Set()));
  set.add(obj);
}

function indexRemove(values: string | readonly string[], obj: KubeObject, index: Map<string, Set<KubeObject>>): void {
  if (typeof values === 'string') return removeFrom(values, obj, index);
  for (const v of values) removeFrom(v, obj, index);
}

function removeFrom(value: string, obj: KubeObject, index: Map<string, Set<KubeObject>>): void {
  const set = index.get(value);
  set?.delete(obj);
  if (set && set.size === 0) index.delete(value);
}

/** InformerFactory shares one informer per resource among all controllers. */
export class InformerFactory {
  private readonly informers = new Map<string, Informer>();
  /** started lists informers and feeds in creation order, the order start() runs them in. */
  private readonly started: Array<Informer | WatchFeed> = [];

  constructor(private readonly client: Client) {}

  forResource(ref: ResourceRef): Informer {
    const key = `${ref.group}/${ref.resource}`;
    let inf = this.informers.get(key);
    if (!inf) {
      inf = new Informer(this.client, ref);
      this.informers.set(key, inf);
      this.started.push(inf);
    }
    return inf;
  }

  /** feedFor creates a WatchFeed (not shared: each caller gets its own), started with the informers. */
  feedFor(ref: ResourceRef): WatchFeed {
    const feed = new WatchFeed(this.client, ref);
    this.started.push(feed);
    return feed;
  }

  /** start starts every informer and feed created so far. */
  start(): void {
    for (const inf of this.started) inf.start();
  }

  stop(): void {
    for (const inf of this.started) inf.stop();
  }
}
