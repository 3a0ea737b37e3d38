/**
 * Pure facts about one object for the inspector: its conditions (as `kubectl describe`
 * lists them) and the Events that name it (involvedObject), newest first, with the counts
 * and times `kubectl events` would show.
 */
import type { KubeObject } from '../../../../core/api/types.ts';
import type { ObjectKey, WireObject } from '../../../../protocol/objects.ts';

/** Condition is one entry of status.conditions. */
export interface Condition {
  type: string;
  status: string;
  reason?: string;
  message?: string;
  lastTransitionTime?: string;
}

/** conditionsOf returns status.conditions, in the order the object lists them. */
export function conditionsOf(obj: KubeObject): Condition[] {
  const conds = ((obj as { status?: { conditions?: Condition[] } }).status?.conditions ?? []) as Condition[];
  return conds.map((c) => ({ type: c.type, status: c.status, ...(c.reason ? { reason: c.reason } : {}), ...(c.message ? { message: c.message } : {}), ...(c.lastTransitionTime ? { lastTransitionTime: c.lastTransitionTime } : {}) }));
}

/** EventFacts is the part of a core/v1 Event the panels show. */
export interface EventFacts {
  key: string;
  type: string;
  reason: string;
  message: string;
  count: number;
  /** last is the time of the last occurrence (epoch ms); 0 when unknown. */
  last: number;
  object: { kind: string; namespace: string; name: string; uid?: string };
  source: string;
}

type EventLike = KubeObject & {
  type?: string;
  reason?: string;
  message?: string;
  count?: number;
  lastTimestamp?: string;
  firstTimestamp?: string;
  eventTime?: string;
  series?: { count?: number; lastObservedTime?: string };
  involvedObject?: { kind?: string; namespace?: string; name?: string; uid?: string };
  source?: { component?: string; host?: string };
  reportingComponent?: string;
};

const factsCache = new WeakMap<KubeObject, EventFacts>();

/** eventFacts reads one Event (cached per object: store objects are immutable); the last time follows `kubectl events` (series, lastTimestamp, eventTime, creation). */
export function eventFacts(key: string, e: KubeObject): EventFacts {
  const cached = factsCache.get(e);
  if (cached?.key === key) return cached;
  const facts = readEventFacts(key, e);
  factsCache.set(e, facts);
  return facts;
}

function readEventFacts(key: string, e: KubeObject): EventFacts {
  const ev = e as EventLike;
  const when = ev.series?.lastObservedTime ?? ev.lastTimestamp ?? ev.eventTime ?? ev.firstTimestamp ?? ev.metadata.creationTimestamp ?? '';
  const inv = ev.involvedObject ?? {};
  return {
    key,
    type: ev.type ?? 'Normal',
    reason: ev.reason ?? '',
    message: ev.message ?? '',
    count: ev.series?.count ?? ev.count ?? 1,
    last: when ? Date.parse(when) : 0,
    object: { kind: inv.kind ?? '', namespace: inv.namespace ?? '', name: inv.name ?? '', ...(inv.uid ? { uid: inv.uid } : {}) },
    source: ev.source?.component ?? ev.reportingComponent ?? '',
  };
}

/** allEvents returns every Event in the store, newest first. */
export function allEvents(objects: ReadonlyMap<ObjectKey, WireObject>): EventFacts[] {
  const out: EventFacts[] = [];
  for (const w of objects.values()) if (w.group === '' && w.resource === 'events') out.push(eventFacts(w.key, w.object));
  return out.sort((a, b) => b.last - a.last || b.key.localeCompare(a.key));
}

/** eventsFor returns the Events about one object (by uid when both have one, else by kind and name), newest first. */
export function eventsFor(objects: ReadonlyMap<ObjectKey, WireObject>, obj: KubeObject): EventFacts[] {
  const ns = obj.metadata.namespace ?? '';
  const uid = obj.metadata.uid;
  return allEvents(objects).filter((e) => (uid && e.object.uid ? e.object.uid === uid : e.object.kind === obj.kind && e.object.name === obj.metadata.name && e.object.namespace === ns));
}
