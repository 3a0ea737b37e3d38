/**
 * EnvVars is a container's final environment as compact, read-only data: names and values in
 * one flat array, in `env`'s order. A Map per container cost ~1.2 KB (its hash table and the
 * service-link values built as ropes); replicas of a Deployment have the same variables, so
 * their strings are interned and each container keeps one array of pointers (heap per pod,
 * bench/README.md). Lookups are linear: a container has a few dozen variables at most, and
 * they are read at start and by exec, not per request.
 */
import { internString } from './intern.ts';

/** EnvVars is a ReadonlyMap over `[name0, value0, name1, value1, ...]`. */
export class EnvVars implements ReadonlyMap<string, string> {
  private readonly flat: string[];

  /** EnvVars copies `entries` (insertion order kept), interning every string. */
  constructor(entries: Iterable<readonly [string, string]>) {
    const flat: string[] = [];
    for (const [k, v] of entries) flat.push(internString(k), internString(v));
    this.flat = flat;
  }

  get size(): number {
    return this.flat.length >> 1;
  }

  get(name: string): string | undefined {
    const flat = this.flat;
    for (let i = 0; i < flat.length; i += 2) if (flat[i] === name) return flat[i + 1];
    return undefined;
  }

  has(name: string): boolean {
    return this.get(name) !== undefined;
  }

  forEach(fn: (value: string, key: string, map: ReadonlyMap<string, string>) => void, thisArg?: unknown): void {
    for (const [k, v] of this) fn.call(thisArg, v, k, this);
  }

  *entries(): MapIterator<[string, string]> {
    const flat = this.flat;
    for (let i = 0; i < flat.length; i += 2) yield [flat[i]!, flat[i + 1]!];
  }

  *keys(): MapIterator<string> {
    for (let i = 0; i < this.flat.length; i += 2) yield this.flat[i]!;
  }

  *values(): MapIterator<string> {
    for (let i = 1; i < this.flat.length; i += 2) yield this.flat[i]!;
  }

  [Symbol.iterator](): MapIterator<[string, string]> {
    return this.entries();
  }
}
