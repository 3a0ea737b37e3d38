/**
 * EnvVars is a container's final environment as compact, read-only data: names and values in
 * one flat array, in `env`'s order. A Map per container cost ~1.2 KB (its hash table and the
 * service-link values built as ropes); replicas of a Deployment have the same variables but
 * HOSTNAME, so their strings are interned and they share one array (heap per pod,
 * bench/README.md). Lookups are linear: a container has a few dozen variables at most, and
 * they are read at start and by exec, not per request.
 */
import { internString } from './intern.ts';

/**
 * EnvVars is a ReadonlyMap over `[name0, value0, name1, value1, ...]`. HOSTNAME (the pod name,
 * different in every replica) is kept beside the array, so the replicas of a workload share one
 * array of everything else.
 */
export class EnvVars implements ReadonlyMap<string, string> {
  /** flat holds the variables in order; the HOSTNAME slot's value is `hostname`'s, not the array's. */
  private flat: readonly string[];
  /** hostnameAt is the index of HOSTNAME's value in `flat` (-1 when unset). */
  private hostnameAt: number;
  private hostname: string;

  /** EnvVars copies `entries` (insertion order kept), interning every string. */
  constructor(entries: Iterable<readonly [string, string]>) {
    const flat: string[] = [];
    let hostnameAt = -1;
    let hostname = '';
    for (const [k, v] of entries) {
      if (k === 'HOSTNAME') {
        hostnameAt = flat.length + 1;
        hostname = v;
        flat.push(internString(k), '');
      } else {
        flat.push(internString(k), internString(v));
      }
    }
    this.flat = sharedFlat(flat);
    this.hostnameAt = hostnameAt;
    this.hostname = hostname;
  }

  /**
   * withHostname is a copy of this environment with HOSTNAME's value `hostname` (the same shared
   * array): another replica's environment without building and interning it again.
   */
  withHostname(hostname: string): EnvVars {
    const copy = new EnvVars(NO_ENTRIES);
    copy.flat = this.flat;
    copy.hostnameAt = this.hostnameAt;
    copy.hostname = this.hostnameAt < 0 ? this.hostname : hostname;
    return copy;
  }

  private value(i: number): string {
    return i === this.hostnameAt ? this.hostname : this.flat[i]!;
  }

  get size(): number {
    return this.flat.length >> 1;
  }

  get(name: string): string | undefined {
    const flat = this.flat;
    for (let i = 0; i < flat.length; i += 2) if (flat[i] === name) return this.value(i + 1);
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
    for (let i = 0; i < flat.length; i += 2) yield [flat[i]!, this.value(i + 1)];
  }

  *keys(): MapIterator<string> {
    for (let i = 0; i < this.flat.length; i += 2) yield this.flat[i]!;
  }

  *values(): MapIterator<string> {
    for (let i = 1; i < this.flat.length; i += 2) yield this.value(i);
  }

  [Symbol.iterator](): MapIterator<[string, string]> {
    return this.entries();
  }
}

const NO_ENTRIES: readonly (readonly [string, string])[] = [];

/**
 * recentFlat are the last variable arrays built, newest last: replicas start one after another
 * with the same variables, and their strings are interned, so comparing is comparing pointers.
 */
const recentFlat: string[][] = [];
const RECENT_FLAT_MAX = 8;

function sharedFlat(flat: string[]): readonly string[] {
  for (let i = recentFlat.length - 1; i >= 0; i--) {
    const known = recentFlat[i]!;
    if (known.length === flat.length && known.every((s, j) => s === flat[j])) return known;
  }
  const exact = flat.slice();
  if (recentFlat.length >= RECENT_FLAT_MAX) recentFlat.shift();
  recentFlat.push(exact);
  return exact;
}
