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

/** EventType is Normal or Warning. */
export type EventType = 'Normal' | 'Warning';

/** EventSource is the component (and host) that reports. */
export interface EventSource {
  component: string;
  host?: string;
}

/** EventRecorder writes Events for one source. */
export class EventRecorder {
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
      ...(fieldPath ? { fieldPath } : {}),
    };
    const namespace = obj.metadata.namespace || 'default';
    const now = this.clock.now();
    const aggKey = [ref.uid, ref.kind, ref.name, fieldPath ?? '', type, reason, message, this.source.component, this.source.host ?? ''].join('\u0000');
    const prior = this.recent.get(aggKey);
    try {
      if (prior) {
        const existing = this.client.tryGet(EVENTS, prior.namespace, prior.name);
        if (existing) {
          const count = ((existing as { count?: number }).count ?? 1) + 1;
          this.client.update(EVENTS, { ...existing, count, lastTimestamp: rfc3339(now) } as KubeObject);
          return;
        }
      }
      // Upstream names events "<object>.<hex unix nanos>"; the sequence keeps names unique within one instant.
      const nanos = BigInt(now) * 1_000_000n + BigInt(this.seq++ % 1_000_000);
      const name = `${obj.metadata.name}.${nanos.toString(16)}`;
      const ev = {
        apiVersion: 'v1',
        kind: 'Event',
        metadata: { name, namespace },
        involvedObject: ref,
        reason,
        message,
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
