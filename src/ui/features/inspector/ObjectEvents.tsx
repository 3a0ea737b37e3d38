/**
 * ObjectEvents lists the Events about the inspected object as `kubectl describe` ends:
 * Type, Reason, Age, From, Message.
 */
import { humanAge } from '../events/model/age.ts';
import type { EventFacts } from './model/objectFacts.ts';

/** ObjectEvents renders the events, newest first; `now` is the virtual clock. */
export function ObjectEvents({ events, now }: { events: readonly EventFacts[]; now: number }) {
  if (events.length === 0) return <p className="muted">Events: &lt;none&gt;</p>;
  return (
    <table className="data-table">
      <caption>Events</caption>
      <thead>
        <tr>
          <th scope="col">Type</th>
          <th scope="col">Reason</th>
          <th scope="col">Age</th>
          <th scope="col">From</th>
          <th scope="col">Message</th>
        </tr>
      </thead>
      <tbody>
        {events.map((e) => (
          <tr key={e.key} className={e.type === 'Warning' ? 'warning' : undefined}>
            <td>{e.type}</td>
            <td>{e.reason}</td>
            <td className="num">{e.last ? `${humanAge(now - e.last)}${e.count > 1 ? ` (x${e.count})` : ''}` : ''}</td>
            <td>{e.source}</td>
            <td>{e.message}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
