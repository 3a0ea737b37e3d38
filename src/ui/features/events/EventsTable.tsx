/**
 * EventsTable: the cluster's Events, newest first, in the columns of `kubectl events`
 * (LAST SEEN, TYPE, REASON, OBJECT, MESSAGE). Capped at MAX_ROWS so it stays fast.
 */
import { memo } from 'react';
import type { AppState } from '../../state/appStore.ts';
import { useAppStore } from '../../state/appStore.ts';
import type { EventFacts } from '../inspector/model/objectFacts.ts';
import { useThrottled } from '../topology/useThrottled.ts';
import { humanAge } from './model/age.ts';

/** MAX_ROWS is how many Events are drawn. */
export const MAX_ROWS = 200;

const selectNow = (s: AppState) => s.clock.now;
/**
 * AGE_REDRAW_MS is how often the LAST SEEN ages move on. At 20× speed the virtual clock
 * passes a second every 50 ms of wall time, and following it would redraw every row on
 * every clock message while the cluster churns.
 */
const AGE_REDRAW_MS = 1000;

const EventRow = memo(function EventRow({ e, age }: { e: EventFacts; age: string }) {
  return (
    <tr className={e.type === 'Warning' ? 'warning' : undefined}>
      <td className="num">{age}</td>
      <td>{e.type}</td>
      <td>{e.reason}</td>
      <td className="event-object">
        {e.object.kind.toLowerCase()}/{e.object.name}
      </td>
      <td>{e.message}</td>
    </tr>
  );
});

/** EventsTable renders the newest MAX_ROWS events. */
export function EventsTable({ events }: { events: readonly EventFacts[] }) {
  const now = useThrottled(useAppStore(selectNow), AGE_REDRAW_MS);
  if (events.length === 0) return <p className="muted">No events yet.</p>;
  return (
    <table className="data-table events-table">
      <caption className="sr-only">Events, newest first</caption>
      <thead>
        <tr>
          <th scope="col">Last seen</th>
          <th scope="col">Type</th>
          <th scope="col">Reason</th>
          <th scope="col">Object</th>
          <th scope="col">Message</th>
        </tr>
      </thead>
      <tbody>
        {events.slice(0, MAX_ROWS).map((e) => (
          <EventRow key={e.key} e={e} age={e.last ? humanAge(now - e.last) : ''} />
        ))}
      </tbody>
    </table>
  );
}
