/**
 * core/v1 Event table (printEvent in printers.go):
 * LAST SEEN, TYPE, REASON, OBJECT, MESSAGE (+ SUBOBJECT, SOURCE, FIRST SEEN, COUNT, NAME).
 */
import { eventV1ToCore } from '../../api/eventConversion.ts';
import { translateTimestampSince } from '../../api/humanDuration.ts';
import { type Dict } from './cells.ts';
import { column, NAME_DESCRIPTION, type TableDefinition } from './tableDefinition.ts';

/** eventSource renders "component, host", falling back to reportingController/reportingInstance. */
export function eventSource(ev: Dict): string {
  const component = ev.source?.component || ev.reportingComponent || '';
  const instance = ev.source?.host || ev.reportingInstance || '';
  return instance ? `${component}, ${instance}` : component;
}

/** eventTable is the Table definition of core/v1 events. */
export const eventTable: TableDefinition = {
  columns: [
    column('Last Seen', 'string', 'The time at which the most recent occurrence of this event was recorded.'),
    column('Type', 'string', 'Type of this event (Normal, Warning), new types could be added in the future'),
    column('Reason', 'string', "This should be a short, machine understandable string that gives the reason for the transition into the object's current status."),
    column('Object', 'string', 'The object that this event is about.'),
    column('Subobject', 'string', 'If referring to a piece of an object instead of an entire object, this string should contain a valid JSON/Go field access statement, such as desiredState.manifest.containers[2]. For example, if the object reference is to a container within a pod, this would take on a value like: "spec.containers{name}" (where "name" refers to the name of the container that triggered the event) or if no container name is specified "spec.containers[2]" (container with index 2 in this pod). This syntax is chosen only to have some well-defined way of referencing a part of an object.', { priority: 1 }),
    column('Source', 'string', 'The component reporting this event. Should be a short machine understandable string.', { priority: 1 }),
    column('Message', 'string', 'A human-readable description of the status of this operation.'),
    column('First Seen', 'string', 'The time at which the event was first recorded. (Time of server receipt is in TypeMeta.)', { priority: 1 }),
    column('Count', 'string', 'The number of times this event has occurred.', { priority: 1 }),
    column('Name', 'string', NAME_DESCRIPTION, { format: 'name', priority: 1 }),
  ],
  row(obj, now) {
    const ev = obj as Dict;
    const firstSeen = translateTimestampSince(ev.firstTimestamp || ev.eventTime, now);
    let lastSeen = ev.lastTimestamp ? translateTimestampSince(ev.lastTimestamp, now) : firstSeen;
    let count: number = ev.count ?? 0;
    if (ev.series) {
      lastSeen = translateTimestampSince(ev.series.lastObservedTime, now);
      count = ev.series.count ?? 0;
    } else if (count === 0) {
      // Singleton events of the events.k8s.io API carry no count.
      count = 1;
    }
    const involved: Dict = ev.involvedObject ?? {};
    const kind = String(involved.kind ?? '').toLowerCase();
    const target = involved.name ? `${kind}/${involved.name}` : kind;
    return [
      lastSeen,
      ev.type ?? '',
      ev.reason ?? '',
      target,
      involved.fieldPath ?? '',
      eventSource(ev),
      String(ev.message ?? '').trim(),
      firstSeen,
      count,
      obj.metadata.name,
    ];
  },
};

/**
 * eventsV1Table prints events.k8s.io/v1 Events: upstream serves them from the core Event
 * storage with the same printer (printEvent of the internal Event both versions convert to).
 */
export const eventsV1Table: TableDefinition = {
  ...eventTable,
  row: (obj, now) => eventTable.row(eventV1ToCore(obj), now),
};
