/**
 * Event TTL: Events disappear one hour after they were last written.
 *
 * Upstream this is not a controller: the API server stores Events in etcd with a lease of
 * --event-ttl (1h, pkg/registry/core/event/storage), renewed by every write. Our store has
 * no leases, so this small reconciler plays etcd's part: each Event is looked at again
 * when its hour is up and deleted if nothing refreshed it meanwhile. Expiries wait in one
 * ExpiryQueue (one timer for the earliest) rather than a timer per Event: a refreshed Event
 * is looked at when its first hour is up and waits again for the rest.
 */
import { isStatusError } from '../../api/status.ts';
import { parseTime } from '../../api/time.ts';
import type { KubeObject } from '../../api/types.ts';
import { EVENTS, type Client, type ResourceRef } from '../../client/client.ts';
import { WorkQueue } from '../../client/workqueue.ts';
import type { Cluster } from '../../sim/cluster.ts';
import { ExpiryQueue } from './expiryQueue.ts';

/** EVENT_TTL_MS is kube-apiserver's --event-ttl default. */
export const EVENT_TTL_MS = 60 * 60_000;

/** EVENTS_V1 is the events.k8s.io/v1 view of Events. */
export const EVENTS_V1: ResourceRef = { group: 'events.k8s.io', resource: 'events' };

/** lastWritten is the latest time an Event says it was written (series, eventTime, lastTimestamp, creation). */
export function lastWritten(ev: KubeObject): number {
  const e = ev as { lastTimestamp?: string; eventTime?: string; series?: { lastObservedTime?: string }; deprecatedLastTimestamp?: string };
  // Called for every Event written: no temporary arrays, and a timestamp string parsed once
  // for all the Events stamped with it (rfc3339 hands out one string per second).
  let latest = later(Number.NaN, e.lastTimestamp);
  latest = later(latest, e.eventTime);
  latest = later(latest, e.series?.lastObservedTime);
  latest = later(latest, e.deprecatedLastTimestamp);
  latest = later(latest, ev.metadata.creationTimestamp);
  return Number.isNaN(latest) ? 0 : latest;
}

/** later is the later of `latest` (NaN: none yet) and timestamp `t` (ignored when missing or invalid). */
function later(latest: number, t: string | undefined): number {
  if (!t) return latest;
  if (t !== lastParsed.text) {
    lastParsed.text = t;
    lastParsed.ms = parseTime(t);
  }
  const ms = lastParsed.ms;
  return Number.isNaN(ms) || ms <= latest ? latest : ms;
}

/** lastParsed is the last timestamp later() parsed. */
const lastParsed = { text: '', ms: Number.NaN };

/** EventTTL deletes expired Events of both Event APIs. */
export class EventTTL {
  readonly name = 'event-ttl';
  readonly queue: WorkQueue;
  private readonly client: Client;
  /** refs maps an API group to the Events resource whose expiries this reconciler checks. */
  private readonly refs = new Map<string, ResourceRef>();
  private readonly expiries: ExpiryQueue;

  constructor(private readonly cluster: Cluster) {
    this.queue = new WorkQueue('event_ttl', cluster.clock);
    this.client = cluster.client('kube-apiserver');
    // Only the core/v1 informer feeds the queue (see below), so its group prefixes the key.
    this.expiries = new ExpiryQueue(cluster.clock, (namespace, name) => this.queue.add(`${EVENTS.group}|${namespace}/${name}`));
    // events.k8s.io/v1 serves the same stored Events (registry storedAs), so expiring
    // the core/v1 ones expires both views.
    for (const ref of [EVENTS]) {
      if (!this.client.discovery().some((d) => d.group === ref.group && d.resource === ref.resource)) continue;
      // A feed, not an informer: an hour of cached Events and their keys cost ~0.9 KB per pod,
      // and reconcile reads the one Event it checks from the API server instead.
      const feed = cluster.informers.feedFor(ref);
      this.refs.set(ref.group, ref);
      // Writes only move an Event's expiry later, so its first expiry is enough: reconcile
      // puts a refreshed Event back for the rest of its hour.
      feed.addHandler({ add: (ev) => this.schedule(ev) });
    }
  }

  private schedule(ev: KubeObject): void {
    this.expiries.add(ev.metadata.namespace ?? '', ev.metadata.name ?? '', Math.max(this.cluster.clock.now() + 1, lastWritten(ev) + EVENT_TTL_MS));
  }

  /** reconcile deletes the Event if its hour is up, or looks again when it will be. */
  reconcile(key: string): void {
    const bar = key.indexOf('|');
    const ref = this.refs.get(key.slice(0, bar));
    const rest = key.slice(bar + 1);
    const slash = rest.indexOf('/');
    const namespace = rest.slice(0, slash);
    const name = rest.slice(slash + 1);
    // The loop delivers every watch event before a reconcile, so the stored Event is the one
    // an informer would have cached.
    const ev = ref && this.client.tryGet(ref, namespace, name);
    if (!ref || !ev) return;
    const remaining = lastWritten(ev) + EVENT_TTL_MS - this.cluster.clock.now();
    if (remaining > 0) return this.schedule(ev);
    try {
      this.client.delete(ref, namespace, name);
    } catch (err) {
      if (!(isStatusError(err) && err.code === 404)) throw err;
    }
  }
}

/** installEventTTL registers the reconciler with the cluster. */
export function installEventTTL(cluster: Cluster): EventTTL {
  const c = new EventTTL(cluster);
  cluster.addReconciler(c);
  return c;
}
