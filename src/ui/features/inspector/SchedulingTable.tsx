/**
 * SchedulingTable answers "why this node?" and "why Pending?" from the scheduler's decision
 * record: for each node, the filter plugins it passed or the one that rejected it (with the
 * reasons kube-scheduler puts in FailedScheduling), and the weighted scores of the feasible
 * nodes (src/core/scheduler/decision.ts).
 */
import type { SchedulingDecision } from '../../../protocol/messages.ts';

/** SchedulingTable renders one decision. */
export function SchedulingTable({ decision }: { decision: SchedulingDecision | undefined }) {
  if (!decision) return <p className="muted">The scheduler has not tried this pod (it may have been bound directly with spec.nodeName).</p>;
  const nodes = [...decision.nodes].sort((a, b) => (b.total ?? -1) - (a.total ?? -1) || a.node.localeCompare(b.node));
  const plugins = [...new Set(nodes.flatMap((n) => n.scores.map((s) => s.plugin)))];
  return (
    <div className="scheduling">
      <p>
        <strong className={decision.result === 'Scheduled' ? 'ok' : 'warn'}>{decision.result}</strong>
        {decision.nodeName ? <> on <strong>{decision.nodeName}</strong></> : null} after {decision.attempts} {decision.attempts === 1 ? 'attempt' : 'attempts'}
      </p>
      <p className="scheduling-message">{decision.message}</p>
      {decision.preFilter ? (
        <p className="warn">
          PreFilter {decision.preFilter.plugin}: {decision.preFilter.reasons.join('; ')}
        </p>
      ) : null}
      {decision.detailTrimmed ? <p className="muted">The per-node detail of this older decision was dropped to save memory.</p> : null}
      {nodes.length > 0 ? (
        <div className="table-scroll">
          <table className="data-table">
            <caption className="sr-only">Filter and score results per node</caption>
            <thead>
              <tr>
                <th scope="col">Node</th>
                <th scope="col">Filters</th>
                {plugins.map((p) => (
                  <th scope="col" key={p} title={p}>
                    {p}
                  </th>
                ))}
                <th scope="col">Total</th>
              </tr>
            </thead>
            <tbody>
              {nodes.map((n) => {
                const failed = n.filters.find((f) => f.code !== 'Success');
                return (
                  <tr key={n.node} className={n.node === decision.nodeName ? 'chosen' : n.feasible ? undefined : 'rejected'}>
                    <th scope="row">
                      {n.node === decision.nodeName ? '➜ ' : ''}
                      {n.node}
                    </th>
                    <td>{failed ? `✗ ${failed.plugin}: ${failed.reasons.join('; ')}` : `✓ passed ${n.filters.length}`}</td>
                    {plugins.map((p) => {
                      const s = n.scores.find((x) => x.plugin === p);
                      return (
                        <td key={p} className="num" title={s ? `raw ${s.raw}, normalized ${s.normalized} × weight ${s.weight}` : undefined}>
                          {s ? s.weighted : ''}
                        </td>
                      );
                    })}
                    <td className="num">{n.total ?? ''}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : null}
      {decision.skippedScorePlugins.length > 0 ? <p className="muted">Skipped score plugins: {decision.skippedScorePlugins.join(', ')}</p> : null}
    </div>
  );
}
