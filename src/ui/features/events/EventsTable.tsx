/**
 * EventsTable: the cluster's Events, newest first, in the columns of `kubectl events`
 * (LAST SEEN, TYPE, REASON, OBJECT, MESSAGE). Virtualised: every Event is a row of the
 * scrollbar, but only the rows in view (and a few either side) are in the DOM, so thousands
 * of Events scroll smoothly. Rows are one line each (long messages are ellipsised, whole in
 * their title), which is what lets the rows share one height.
 */
import { memo, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import type { AppState } from '../../state/appStore.ts';
import { useAppStore } from '../../state/appStore.ts';
import { useVirtualRows } from '../../layout/useVirtualRows.ts';
import type { EventFacts } from '../inspector/model/objectFacts.ts';
import { useThrottled } from '../topology/useThrottled.ts';
import { humanAge } from './model/age.ts';

const selectNow = (s: AppState) => s.clock.now;
const selectFontScale = (s: AppState) => s.fontScale;
/**
 * AGE_REDRAW_MS is how often the LAST SEEN ages move on. At 20× speed the virtual clock
 * passes a second every 50 ms of wall time, and following it would redraw every row on
 * every clock message while the cluster churns.
 */
const AGE_REDRAW_MS = 1000;
/** ROW_GUESS_PX is the row height until the first row is measured (it follows the text size). */
const ROW_GUESS_PX = 24;

const EventRow = memo(function EventRow({ e, age }: { e: EventFacts; age: string }) {
  const object = `${e.object.kind.toLowerCase()}/${e.object.name}`;
  return (
    <tr className={e.type === 'Warning' ? 'warning' : undefined}>
      <td className="num">{age}</td>
      <td>{e.type}</td>
      <td title={e.reason}>{e.reason}</td>
      <td className="event-object" title={object}>
        {object}
      </td>
      <td title={e.message}>{e.message}</td>
    </tr>
  );
});

/** EventsTable renders the events in view inside `scrollRef` (the panel's scrolling body). */
export function EventsTable({ events, scrollRef }: { events: readonly EventFacts[]; scrollRef: RefObject<HTMLElement | null> }) {
  const now = useThrottled(useAppStore(selectNow), AGE_REDRAW_MS);
  const body = useRef<HTMLTableSectionElement>(null);
  const head = useRef<HTMLTableSectionElement>(null);
  const [rowHeight, setRowHeight] = useState(ROW_GUESS_PX);
  const [offset, setOffset] = useState(0);
  const range = useVirtualRows(scrollRef, events.length, rowHeight, 10, offset);
  const fontScale = useAppStore(selectFontScale);
  const hasRows = events.length > 0;
  useLayoutEffect(() => {
    // Measure a drawn row and where the rows start, once per text size: measuring forces a
    // layout, and on every redraw while the topology churns that was the longest task.
    if (!hasRows) return;
    const row = body.current?.querySelector<HTMLTableRowElement>('tr:not(.spacer)');
    const h = row?.getBoundingClientRect().height;
    if (h) setRowHeight(h);
    setOffset(head.current?.getBoundingClientRect().height ?? 0);
  }, [fontScale, hasRows]);
  if (events.length === 0) return <p className="muted">No events yet.</p>;
  return (
    <table className="data-table events-table" aria-rowcount={events.length + 1}>
      <caption className="sr-only">Events, newest first</caption>
      <colgroup>
        <col className="col-age" />
        <col className="col-type" />
        <col className="col-reason" />
        <col className="col-object" />
        <col />
      </colgroup>
      <thead ref={head}>
        <tr>
          <th scope="col">Last seen</th>
          <th scope="col">Type</th>
          <th scope="col">Reason</th>
          <th scope="col">Object</th>
          <th scope="col">Message</th>
        </tr>
      </thead>
      <tbody ref={body}>
        {range.padTop > 0 ? <tr className="spacer" aria-hidden="true" style={{ height: range.padTop }} /> : null}
        {events.slice(range.start, range.end).map((e) => (
          <EventRow key={e.key} e={e} age={e.last ? humanAge(now - e.last) : ''} />
        ))}
        {range.padBottom > 0 ? <tr className="spacer" aria-hidden="true" style={{ height: range.padBottom }} /> : null}
      </tbody>
    </table>
  );
}
