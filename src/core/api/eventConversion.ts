/**
 * core/v1 ⇄ events.k8s.io/v1 Event conversion (pkg/apis/events/v1/conversion.go).
 *
 * Upstream both APIs are one resource: Events are stored once (the core/v1 shape here, the
 * `events` storage) and events.k8s.io/v1 renames fields on the way out and in:
 * note ⇄ message, regarding ⇄ involvedObject, reportingController ⇄ reportingComponent,
 * deprecatedSource/FirstTimestamp/LastTimestamp/Count ⇄ source/firstTimestamp/lastTimestamp/count.
 *
 * Empty fields follow each Go type's JSON tags, since that is what a client sees: in core/v1
 * `reportingComponent`/`reportingInstance` have no omitempty (`""` shows), struct-typed
 * fields (source, times) are never omitted (a zero time serialises as null); in events/v1
 * the strings and deprecatedCount are omitempty, eventTime and the deprecated times show null.
 */
import type { KubeObject } from './types.ts';

type Obj = Record<string, unknown>;

/** eventCoreToV1 renders a stored core/v1 Event as the events.k8s.io/v1 API serves it. */
export function eventCoreToV1(obj: KubeObject): KubeObject {
  const e = obj as unknown as Obj;
  const out: Obj = {
    apiVersion: 'events.k8s.io/v1',
    kind: 'Event',
    metadata: obj.metadata,
    eventTime: e.eventTime ?? null,
  };
  copyIf(out, 'series', e.series);
  copyString(out, 'reportingController', e.reportingComponent);
  copyString(out, 'reportingInstance', e.reportingInstance);
  copyString(out, 'action', e.action);
  copyString(out, 'reason', e.reason);
  out.regarding = e.involvedObject ?? {};
  copyIf(out, 'related', e.related);
  copyString(out, 'note', e.message);
  copyString(out, 'type', e.type);
  out.deprecatedSource = e.source ?? {};
  out.deprecatedFirstTimestamp = e.firstTimestamp ?? null;
  out.deprecatedLastTimestamp = e.lastTimestamp ?? null;
  if (typeof e.count === 'number' && e.count !== 0) out.deprecatedCount = e.count;
  return out as unknown as KubeObject;
}

/** eventV1ToCore converts an events.k8s.io/v1 Event to the stored core/v1 shape. */
export function eventV1ToCore(obj: KubeObject): KubeObject {
  const e = obj as unknown as Obj;
  const out: Obj = {
    apiVersion: 'v1',
    kind: 'Event',
    metadata: obj.metadata,
    involvedObject: e.regarding ?? {},
  };
  copyString(out, 'reason', e.reason);
  copyString(out, 'message', e.note);
  out.source = e.deprecatedSource ?? {};
  out.firstTimestamp = e.deprecatedFirstTimestamp ?? null;
  out.lastTimestamp = e.deprecatedLastTimestamp ?? null;
  if (typeof e.deprecatedCount === 'number' && e.deprecatedCount !== 0) out.count = e.deprecatedCount;
  copyString(out, 'type', e.type);
  out.eventTime = e.eventTime ?? null;
  copyIf(out, 'series', e.series);
  copyString(out, 'action', e.action);
  copyIf(out, 'related', e.related);
  out.reportingComponent = typeof e.reportingController === 'string' ? e.reportingController : '';
  out.reportingInstance = typeof e.reportingInstance === 'string' ? e.reportingInstance : '';
  return out as unknown as KubeObject;
}

/** copyString sets an omitempty string field only when it is non-empty. */
function copyString(out: Obj, key: string, value: unknown): void {
  if (typeof value === 'string' && value !== '') out[key] = value;
}

/** copyIf sets an omitempty pointer field only when it is present. */
function copyIf(out: Obj, key: string, value: unknown): void {
  if (value !== undefined && value !== null) out[key] = value;
}
