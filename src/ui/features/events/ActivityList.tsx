/**
 * ActivityList: what the control plane did, newest first. Each line is one reconcile: the
 * controller, the key it worked on, the watch event it followed, and the writes it made,
 * which are in turn the watch events that wake the next controller. This is list-watch
 * made visible: Deployment → ReplicaSet → Pods → scheduler → kubelet, one hop per line.
 */
import { memo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { formatClock } from '../controls/TimeControls.tsx';
import { useThrottled } from '../topology/useThrottled.ts';
import { useActivityStore, type ActivityEntry, type ActivityState } from './activityStore.ts';

const selectView = (s: ActivityState) => ({ records: s.records, writesOnly: s.writesOnly, setWritesOnly: s.setWritesOnly });
const MAX_SHOWN = 200;

const ActivityRow = memo(function ActivityRow({ r }: { r: ActivityEntry }) {
  return (
    <li className="activity-row">
      <span className="activity-time">{formatClock(r.at)}</span> <strong className="activity-component">{r.component}</strong> {r.verb} <code>{r.key ?? r.summary}</code>
      {r.woke ? <span className="muted"> after {r.woke}</span> : null}
      {r.wrote && r.wrote.length > 0 ? (
        <ul className="activity-writes">
          {r.wrote.slice(0, 6).map((w, i) => (
            <li key={i}>→ {w}</li>
          ))}
          {r.wrote.length > 6 ? <li className="muted">… {r.wrote.length - 6} more</li> : null}
        </ul>
      ) : null}
    </li>
  );
});

/** ActivityList renders the newest activity records. */
export function ActivityList() {
  const { records: live, writesOnly, setWritesOnly } = useActivityStore(useShallow(selectView));
  const records = useThrottled(live, 250);
  const shown: ActivityEntry[] = [];
  for (let i = records.length - 1; i >= 0 && shown.length < MAX_SHOWN; i--) {
    const r = records[i];
    if (!writesOnly || (r.wrote?.length ?? 0) > 0) shown.push(r);
  }
  return (
    <>
      <label className="activity-filter">
        <input type="checkbox" checked={writesOnly} onChange={(e) => setWritesOnly(e.target.checked)} /> Only reconciles that wrote something
      </label>
      {shown.length === 0 ? <p className="muted">No control-plane activity yet: run a command.</p> : null}
      <ol className="activity" aria-label="Control-plane activity, newest first">
        {shown.map((r) => (
          <ActivityRow key={r.id} r={r} />
        ))}
      </ol>
    </>
  );
}
