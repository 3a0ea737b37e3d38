/**
 * ActiveQueue: the ordering of the SchedulingQueue's activeQ (upstream a heap under PrioritySort:
 * higher priority first, then the pod that entered the queue first).
 *
 * The SchedulingQueue used to find the next pod by scanning every tracked pod on each get(),
 * and a ReplicaSet's burst puts up to 500 pods in the queue at once: quadratic work in the
 * burst. Here each activation (or a priority change while active) pushes an entry carrying the
 * ordering fields as they were then; an entry is live while its pod is still active with those
 * same fields, and stale entries are dropped when they reach the top (or all at once when they
 * outnumber live ones). `seq` is unique per activation, so the order is total and pop returns
 * exactly the pod a full scan would pick.
 */

/** ActivePod is what the queue orders: a pod's current ordering fields and whether it is active. */
export interface ActivePod {
  priority: number;
  timestamp: number;
  seq: number;
  where: string;
}

/** Entry is one push: the pod and its ordering fields at that time. */
interface Entry<P extends ActivePod> {
  pod: P;
  priority: number;
  timestamp: number;
  seq: number;
}

/** before tells whether a goes before b: higher priority, then earlier timestamp, then lower seq. */
function before(a: Entry<ActivePod>, b: Entry<ActivePod>): boolean {
  if (a.priority !== b.priority) return a.priority > b.priority;
  if (a.timestamp !== b.timestamp) return a.timestamp < b.timestamp;
  return a.seq < b.seq;
}

/** live tells whether an entry still describes its pod: active, with the same ordering fields. */
function live(e: Entry<ActivePod>): boolean {
  const p = e.pod;
  return p.where === 'active' && p.seq === e.seq && p.priority === e.priority && p.timestamp === e.timestamp;
}

/** COMPACT_SLACK: stale entries tolerated beyond twice the live count before a rebuild. */
const COMPACT_SLACK = 1024;

/** ActiveQueue orders active pods; callers push on every activation or priority change. */
export class ActiveQueue<P extends ActivePod> {
  private heap: Array<Entry<P>> = [];

  /** push records a pod's current ordering fields (call after it becomes active or changes priority). */
  push(pod: P): void {
    const h = this.heap;
    h.push({ pod, priority: pod.priority, timestamp: pod.timestamp, seq: pod.seq });
    let i = h.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(h[i], h[parent])) break;
      const t = h[i];
      h[i] = h[parent];
      h[parent] = t;
      i = parent;
    }
  }

  /** pop removes and returns the first active pod, or undefined when none is active. */
  pop(): P | undefined {
    while (this.heap.length > 0) {
      const top = this.heap[0];
      this.removeTop();
      if (live(top)) return top.pod;
    }
    return undefined;
  }

  /**
   * compact drops stale entries once they outnumber `activeCount` live ones by far: pods deleted
   * or bound while active leave their entries behind until they reach the top.
   */
  compact(activeCount: number): void {
    if (this.heap.length <= 2 * activeCount + COMPACT_SLACK) return;
    const kept = this.heap.filter(live);
    this.heap = [];
    for (const e of kept) this.push(e.pod);
  }

  private removeTop(): void {
    const h = this.heap;
    const last = h.pop()!;
    if (h.length === 0) return;
    h[0] = last;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < h.length && before(h[l], h[m])) m = l;
      if (r < h.length && before(h[r], h[m])) m = r;
      if (m === i) break;
      const t = h[i];
      h[i] = h[m];
      h[m] = t;
      i = m;
    }
  }
}
