/**
 * EventRecorder: how components tell people what they did (core/v1 Events).
 *
 * Follows client-go's record package: an Event names the involved object, a reason
 * (`Scheduled`, `Pulling`, `BackOff`...), a message and its source component. Repeats
 * of the same (object, type, reason, message, source) within the aggregation window
 * bump `count` and `lastTimestamp` on the existing Event, which is why `kubectl describe`
 * shows `(x4 over 2m)`.
 */
import { flatString } from '../api/flatString.ts';
import { rfc3339, rfc3339Micro } from '../api/time.ts';
import type { KubeObject } from '../api/types.ts';
import type { Clock } from '../sim/clock.ts';
import { EVENTS, type Client } from './client.ts';

/** EventType is Normal or Warning. */
export type EventType = 'Normal' | 'Warning';

/** EventSource is the component (and host) that reports. */
export interface EventSource {
  component: string;
  host?: string;
}

/**
 * MAX_LRU_CACHE_ENTRIES is client-go's maxLruCacheEntries (tools/record/events_cache.go):
 * the correlator remembers the last 4096 distinct events per recorder; an older repeat
 * starts a new Event instead of bumping the count of one it has forgotten.
 */
export const MAX_LRU_CACHE_ENTRIES = 4096;

/** EventRecorder writes Events for one source. */
export class EventRecorder {
  /** recent is the correlator's LRU cache: aggregation key → the Event it was written as, oldest first. */
  private readonly recent = new Map<string, { namespace: string; name: string }>();
  private seq = 0;

  constructor(
    private readonly client: Client,
    private readonly clock: Clock,
    readonly source: EventSource,
  ) {}

  /** event records one occurrence; `fieldPath` names a container (`spec.containers{web}`). */
  event(obj: KubeObject, type: EventType, reason: string, message: string, fieldPath?: string): void {
    const ref = {
      kind: obj.kind,
      namespace: obj.metadata.namespace,
      name: obj.metadata.name,
      uid: obj.metadata.uid,
      apiVersion: obj.apiVersion,
      resourceVersion: obj.metadata.resourceVersion,
      ...(fieldPath ? { fieldPath: flatString(fieldPath) } : {}),
    };
    const namespace = obj.metadata.namespace || 'default';
    const now = this.clock.now();
    const aggKey = [ref.uid, ref.kind, ref.name, fieldPath ?? '', type, reason, message, this.source.component, this.source.host ?? ''].join('\u0000');
    const prior = this.recent.get(aggKey);
    try {
      if (prior) {
        // A hit is a use: move it to the young end of the LRU order.
        this.recent.delete(aggKey);
        this.recent.set(aggKey, prior);
        const existing = this.client.tryGet(EVENTS, prior.namespace, prior.name);
        if (existing) {
          const count = ((existing as { count?: number }).count ?? 1) + 1;
          this.client.update(EVENTS, { ...existing, count, lastTimestamp: rfc3339(now) } as KubeObject);
          return;
        }
      }
      // Upstream names events "<object>.<hex unix nanos>"; the sequence keeps names unique within one instant.
      // Recorders count separately, so a name another recorder took this instant moves on to the next.
      let nanos = BigInt(now) * 1_000_000n + BigInt(this.seq++ % 1_000_000);
      while (this.client.tryGet(EVENTS, namespace, `${obj.metadata.name}.${nanos.toString(16)}`)) nanos = BigInt(now) * 1_000_000n + BigInt(this.seq++ % 1_000_000);
      const name = flatString(`${obj.metadata.name}.${nanos.toString(16)}`);
      const ev = {
        apiVersion: 'v1',
        kind: 'Event',
        metadata: { name, namespace },
        involvedObject: ref,
        reason,
        // Messages are built from pieces by the caller; the Event keeps them for its lifetime.
        message: flatString(message),
        source: this.source.host ? { component: this.source.component, host: this.source.host } : { component: this.source.component },
        firstTimestamp: rfc3339(now),
        lastTimestamp: rfc3339(now),
        count: 1,
        type,
        eventTime: null,
        reportingComponent: this.source.component,
        reportingInstance: this.source.host ?? '',
      };
      this.client.create(EVENTS, namespace, ev as unknown as KubeObject);
      this.recent.set(aggKey, { namespace, name });
      if (this.recent.size > MAX_LRU_CACHE_ENTRIES) this.recent.delete(this.recent.keys().next().value as string);
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
