/**
 * PodGroupInspector opens an aggregated pod group of the topology ("ReplicaSet web-5d4f… ×240"):
 * its owner (selectable), its node, the pods per kubectl STATUS, and every pod in a
 * virtualised list from which any one can be opened in the inspector.
 */
import { useMemo, useRef } from 'react';
import { useVirtualRows } from '../../layout/useVirtualRows.ts';
import { getObject, selectResource, useClusterStore, type ClusterState } from '../../state/clusterStore.ts';
import { podGroupView } from '../topology/model/podGroups.ts';
import { podTone } from '../topology/model/tone.ts';
import { useThrottled } from '../topology/useThrottled.ts';

const selectPods = (s: ClusterState) => selectResource(s, '/pods');
const lookup = (key: string) => getObject(useClusterStore.getState(), key);
/** REDRAW_MS: the group is re-listed at most this often while its pods churn. */
const REDRAW_MS = 300;
/** ROW_PX is one pod row's height (CSS `.podgroup-row` sets the same). */
export const ROW_PX = 26;

/** PodGroupInspector renders the group `id`; `onSelect` opens an object by store key. */
export function PodGroupInspector({ id, onSelect }: { id: string; onSelect(key: string): void }) {
  const pods = useThrottled(useClusterStore(selectPods), REDRAW_MS);
  const view = useMemo(() => podGroupView(pods.values(), lookup, id), [pods, id]);
  const list = useRef<HTMLDivElement>(null);
  const members = view?.pods ?? [];
  const range = useVirtualRows(list, members.length, ROW_PX, 6);
  const where = view?.nodeName ? `on ${view.nodeName}` : 'not yet scheduled';
  const title = view?.owner ? `${view.owner.kind} ${view.owner.name}` : `Pods without a controller in ${view?.namespace ?? ''}`;
  return (
    <div className="inspector" data-testid="inspector" role="region" aria-label="Inspector">
      <div className="panel-toolbar inspector-head">
        <h2 className="inspector-title" data-kind="PodGroup" data-name={view?.owner?.name ?? 'pods'}>
          {title} ×{members.length} <span className="muted">{where}</span>
        </h2>
      </div>
      <div className="inspector-body podgroup-body">
        {view?.owner ? (
          <p className="owner-chain">
            <span className="muted">controlled by </span>
            <button type="button" className="link" onClick={() => onSelect(view.owner?.key ?? '')}>
              {view.owner.kind}/{view.owner.name}
            </button>
          </p>
        ) : null}
        <table className="data-table podgroup-counts" data-testid="podgroup-counts">
          <caption>Pods by status</caption>
          <tbody>
            {(view?.counts ?? []).map(([status, n]) => (
              <tr key={status} data-phase={status}>
                <th scope="row">{status}</th>
                <td className="num">{n}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {members.length === 0 ? <p className="muted">No pods are left in this group.</p> : null}
        <div className="podgroup-list" ref={list} data-testid="podgroup-pods" role="list" aria-label="Pods" aria-rowcount={members.length}>
          <div style={{ height: range.padTop }} aria-hidden="true" />
          {members.slice(range.start, range.end).map((p) => (
            <div key={p.key} role="listitem" className="podgroup-row">
              <button type="button" className={`link-row tone-${podTone(p.status, p.status === 'Running')}`} data-name={p.name} data-phase={p.status} onClick={() => onSelect(p.key)}>
                <span className="pod-name">{p.name}</span>
                <span className="badge">{p.status}</span>
              </button>
            </div>
          ))}
          <div style={{ height: range.padBottom }} aria-hidden="true" />
        </div>
      </div>
    </div>
  );
}
