/**
 * ConditionsTable lists status.conditions like `kubectl describe` (Type, Status), with the
 * reason and message when there are some.
 */
import type { Condition } from './model/objectFacts.ts';

/** ConditionsTable renders conditions, or nothing when the object has none. */
export function ConditionsTable({ conditions }: { conditions: readonly Condition[] }) {
  if (conditions.length === 0) return null;
  return (
    <table className="data-table">
      <caption>Conditions</caption>
      <thead>
        <tr>
          <th scope="col">Type</th>
          <th scope="col">Status</th>
          <th scope="col">Reason</th>
          <th scope="col">Message</th>
        </tr>
      </thead>
      <tbody>
        {conditions.map((c) => (
          <tr key={c.type}>
            <th scope="row">{c.type}</th>
            <td className={c.status === 'True' ? 'ok' : 'warn'}>{c.status}</td>
            <td>{c.reason ?? ''}</td>
            <td>{c.message ?? ''}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
