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
import { BinaryHeap } from '../api/binaryHeap.ts';

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
  private readonly heap = new BinaryHeap<Entry<P>>(before);

  /** push records a pod's current ordering fields (call after it becomes active or changes priority). */
  push(pod: P): void {
    this.heap.push({ pod, priority: pod.priority, timestamp: pod.timestamp, seq: pod.seq });
  }

  /** pop removes and returns the first active pod, or undefined when none is active. */
  pop(): P | undefined {
    for (let top = this.heap.pop(); top; top = this.heap.pop()) if (live(top)) return top.pod;
    return undefined;
  }

  /**
   * compact drops stale entries once they outnumber `activeCount` live ones by far: pods deleted
   * or bound while active leave their entries behind until they reach the top.
   */
  compact(activeCount: number): void {
    if (this.heap.size > 2 * activeCount + COMPACT_SLACK) this.heap.retain(live);
  }
}
