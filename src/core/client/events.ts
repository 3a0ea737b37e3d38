/**
 * EventRecorder: how components tell people what they did (core/v1 Events).
 *
 * Follows client-go's record package: an Event names the involved object, a reason
 * (`Scheduled`, `Pulling`, `BackOff`...), a message and its source component. Repeats
 * of the same (object, type, reason, message, source) within the aggregation window
 * bump `count` and `lastTimestamp` on the existing Event, which is why `kubectl describe`
 * shows `(x4 over 2m)`.
 */
import { rfc3339, rfc3339Micro } from '../api/time.ts';
import type { KubeObject } from '../api/types.ts';
import type { Clock } from '../sim/clock.ts';
import { EVENTS, type Client } from './client.ts';
import { EventCorrelatorCache } from './eventCorrelatorCache.ts';
import { StringPool } from './stringPool.ts';

/** eventName is "<object>.<hex unix nanos>" with `seq` as the nanoseconds within the millisecond, flat (join). */
function eventName(object: string | undefined, now: number, seq: number): string {
  return [String(object), '.', (BigInt(now) * 1_000_000n + BigInt(seq % 1_000_000)).toString(16)].join('');
}

/** EventType is Normal or Warning. */
export type EventType = 'Normal' | 'Warning';

/** EventSource is the component (and host) that reports. */
export interface EventSource {
  component: string;
  host?: string;
}

/** EventRecorder writes Events for one source. */
export class EventRecorder {
  /** recent is the correlator's LRU cache: aggregation key → the Event it was written as. */
  private readonly recent = new EventCorrelatorCache();
  /** strings shares repeated messages and field paths among the Events that carry them. */
  private readonly strings = new StringPool();
  private seq = 0;

  constructor(
    private readonly client: Client,
    private readonly clock: Clock,
    readonly source: EventSource,
  ) {}

  /** event records one occurrence; `fieldPath` names a container (`spec.containers{web}`). */
  event(obj: KubeObject, type: EventType, reason: string, message: string, fieldPath?: string): void {
    const meta = obj.metadata;
    const namespace = meta.namespace || 'default';
    const now = this.clock.now();
    // Messages and field paths are built from pieces by the caller; the Event keeps them for its lifetime.
    const msg = this.strings.get(message);
    const path = fieldPath ? this.strings.get(fieldPath) : '';
    // The aggregation key's parts as client-go joins them (a missing uid, kind or name is empty).
    const uid = meta.uid ?? '';
    const kind = obj.kind ?? '';
    const objName = meta.name ?? '';
    const prior = this.recent.get(uid, kind, objName, path, type, reason, msg);
    try {
      if (prior) {
        const existing = this.client.tryGet(EVENTS, prior.namespace, prior.eventName);
        if (existing) {
          const count = ((existing as { count?: number }).count ?? 1) + 1;
          this.client.update(EVENTS, { ...existing, count, lastTimestamp: rfc3339(now) } as KubeObject);
          return;
        }
      }
      // Upstream names events "<object>.<hex unix nanos>"; the sequence keeps names unique within one instant.
      // Recorders count separately, so a name another recorder took this instant moves on to the next.
      // The name is built flat once: the lookup hashes it, and the stored Event keeps it.
      let name = eventName(meta.name, now, this.seq++);
      while (this.client.tryGet(EVENTS, namespace, name)) name = eventName(meta.name, now, this.seq++);
      const involvedObject: Record<string, unknown> = {
        kind: obj.kind,
        namespace: meta.namespace,
        name: meta.name,
        uid: meta.uid,
        apiVersion: obj.apiVersion,
        resourceVersion: meta.resourceVersion,
      };
      if (path) involvedObject.fieldPath = path;
      const { component, host } = this.source;
      const ev = {
        apiVersion: 'v1',
        kind: 'Event',
        metadata: { name, namespace },
        involvedObject,
        reason,
        message: msg,
        source: host ? { component, host } : { component },
        firstTimestamp: rfc3339(now),
        lastTimestamp: rfc3339(now),
        count: 1,
        type,
        eventTime: null,
        reportingComponent: component,
        reportingInstance: host ?? '',
      };
      this.client.create(EVENTS, namespace, ev as unknown as KubeObject);
      if (prior) {
        prior.namespace = namespace;
        prior.eventName = name;
      } else {
        this.recent.add(uid, kind, objName, path, type, reason, msg, namespace, name);
      }
    } catch {
      // Events are best effort, as upstream: a namespace being deleted refuses them.
    }
  }

  /** eventf is event with a formatted message, for symmetry with upstream call sites. */
  warning(obj: KubeObject, reason: string, message: string, fieldPath?: string): void {
    this.event(obj, 'Warning', reason, message, fieldPath);
  }

  normal(obj: KubeObject, reason: string, message: string, fieldPath?: string): void {
    this.event(obj, 'Normal', reason, message, fieldPath);
  }

  /** microNow is exported for components that write events.k8s.io eventTime. */
  microNow(): string {
    return rfc3339Micro(this.clock.now());
  }
}
