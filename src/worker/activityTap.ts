/**
 * ActivityTap turns the simulation loop's reconciles into the UI's activity timeline: which
 * controller ran for which key, the watch event it most likely woke for, and what it wrote.
 *
 * The loop calls onActivity before a reconcile and onActivityDone after the writes it made
 * were delivered to watchers (src/core/sim/loop.ts), so every watch event the UI's watches
 * see in between is one of that reconcile's writes. "Woke" is the last watch event seen for
 * an object named like the key: usually the cause, but a controller can also be woken by a
 * dependent (a ReplicaSet change wakes its Deployment), so the UI words it as "after".
 */
import type { KubeObject } from '../core/api/types.ts';
import type { ActivityRecord } from '../protocol/messages.ts';

/** ActivityLoop is the part of SimLoop the tap hooks. */
export interface ActivityLoop {
  onActivity?: (reconciler: string, key: string) => void;
  onActivityDone?: (reconciler: string, key: string) => void;
}

/** MAX_PENDING caps the records kept between flushes (a churning cluster keeps the newest). */
const MAX_PENDING = 300;

/** ActivityTap collects ActivityRecords between flushes. */
export class ActivityTap {
  private current: ActivityRecord | undefined;
  private pending: ActivityRecord[] = [];
  private readonly lastEvent = new Map<string, string>();

  constructor(private readonly now: () => number) {}

  /** attach hooks a loop (replacing whatever observed it before). */
  attach(loop: ActivityLoop): void {
    loop.onActivity = (reconciler, key) => {
      const woke = this.lastEvent.get(key);
      this.current = { at: this.now(), component: reconciler, verb: 'reconcile', summary: key, key, ...(woke ? { woke } : {}), wrote: [] };
    };
    loop.onActivityDone = () => {
      if (this.current) this.pending.push(this.current);
      if (this.pending.length > MAX_PENDING) this.pending.splice(0, this.pending.length - MAX_PENDING);
      this.current = undefined;
    };
  }

  /** observe sees one watch event of the UI's watches. */
  observe(type: string, object: KubeObject): void {
    const ns = object.metadata.namespace;
    const key = ns ? `${ns}/${object.metadata.name}` : (object.metadata.name ?? '');
    const text = `${type} ${object.kind} ${key}`;
    this.lastEvent.set(key, text);
    if (this.lastEvent.size > 5000) this.lastEvent.delete(this.lastEvent.keys().next().value as string);
    this.current?.wrote?.push(text);
  }

  /** size is the number of records waiting for a flush. */
  get size(): number {
    return this.pending.length;
  }

  /** flush returns the records since the last flush. */
  flush(): ActivityRecord[] {
    const out = this.pending;
    this.pending = [];
    return out;
  }

  /** reset forgets everything (a fresh cluster). */
  reset(): void {
    this.current = undefined;
    this.pending = [];
    this.lastEvent.clear();
  }
}
