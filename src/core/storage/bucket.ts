/**
 * Bucket holds one resource's stored objects for the Store.
 *
 * Objects live in one map keyed by "namespace/name", whose insertion order is the order a
 * snapshot lists them in (saved sessions and the bench fingerprint depend on it) and whose
 * sorted keys are list()'s order. Building that key per read was measurable (every client
 * get, every update and delete built, flattened and hashed a fresh string: ~1% of a
 * 3,000-pod run), so an index namespace → name → key hands out the stored key instead: the
 * namespace and name strings come from objects and requests that keep them, so their hashes
 * are cached and a lookup builds no string.
 */
import type { KubeObject } from '../api/types.ts';

/** Bucket is one resource's objects, addressed by namespace and name. */
export class Bucket {
  /** "namespace/name" → object, in insertion order. */
  private readonly byKey = new Map<string, KubeObject>();
  /** namespace → name → the key in byKey (empty namespaces are dropped). */
  private readonly keys = new Map<string, Map<string, string>>();
  /** lastCreated is the object created last (see Store.create: a new object shares its equal parts). */
  lastCreated: KubeObject | undefined;

  /** size is how many objects the bucket holds. */
  get size(): number {
    return this.byKey.size;
  }

  /** keyOf is the stored key of namespace/name, or undefined when absent. */
  keyOf(namespace: string, name: string): string | undefined {
    return this.keys.get(namespace)?.get(name);
  }

  /** get returns the object at namespace/name. */
  get(namespace: string, name: string): KubeObject | undefined {
    const key = this.keyOf(namespace, name);
    return key === undefined ? undefined : this.byKey.get(key);
  }

  /**
   * set stores obj at namespace/name: an existing object is replaced in place (its position
   * in the insertion order is kept, as Map#set does); a new one is appended.
   */
  set(namespace: string, name: string, obj: KubeObject): void {
    const key = this.keyOf(namespace, name);
    if (key !== undefined) {
      this.byKey.set(key, obj);
      return;
    }
    // Kept as long as the object exists: store it flat. join writes one flat string (what
    // joinKey gives), where flattening joinKey's rope afterwards sliced and joined it again.
    const fresh = [namespace, name].join('/');
    let names = this.keys.get(namespace);
    if (!names) {
      names = new Map();
      this.keys.set(namespace, names);
    }
    names.set(name, fresh);
    this.byKey.set(fresh, obj);
  }

  /** delete removes namespace/name; false when it was absent. */
  delete(namespace: string, name: string): boolean {
    const names = this.keys.get(namespace);
    const key = names?.get(name);
    if (names === undefined || key === undefined) return false;
    names.delete(name);
    if (names.size === 0) this.keys.delete(namespace);
    return this.byKey.delete(key);
  }

  /** clear removes every object. */
  clear(): void {
    this.byKey.clear();
    this.keys.clear();
    this.lastCreated = undefined;
  }

  /** values are the objects in insertion order. */
  values(): IterableIterator<KubeObject> {
    return this.byKey.values();
  }

  /**
   * sorted returns the objects (of one namespace, or all) sorted by "namespace/name". One
   * namespace's keys share the prefix "namespace/", so sorting only them gives the same order
   * as sorting every key and filtering.
   */
  sorted(namespace?: string): KubeObject[] {
    const keys = namespace === undefined ? [...this.byKey.keys()] : [...(this.keys.get(namespace)?.values() ?? [])];
    keys.sort();
    return keys.map((k) => this.byKey.get(k)!);
  }
}

/** joinKey is the "namespace/name" key (also the text of the Store's errors). */
export function joinKey(namespace: string, name: string): string {
  return `${namespace}/${name}`;
}
