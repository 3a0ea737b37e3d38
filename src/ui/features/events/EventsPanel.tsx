/**
 * EventsPanel (placeholder): the latest Events from the cluster store, newest first. The
 * next step turns this into the timeline of Events and control-plane activity.
 */
import { useShallow } from 'zustand/react/shallow';
import type { KubeObject } from '../../../core/api/types.ts';
import { useClusterStore } from '../../state/clusterStore.ts';

interface EventLike extends KubeObject {
  reason?: string;
  message?: string;
  type?: string;
  lastTimestamp?: string;
  eventTime?: string;
  involvedObject?: { kind?: string; name?: string };
}

const LIMIT = 50;

export function EventsPanel() {
  const events = useClusterStore(
    useShallow((s) => {
      const out: EventLike[] = [];
      for (const w of s.objects.values()) if (w.resource === 'events' && w.group === '') out.push(w.object as EventLike);
      const when = (e: EventLike) => e.lastTimestamp ?? e.eventTime ?? e.metadata.creationTimestamp ?? '';
      return out.sort((a, b) => when(b).localeCompare(when(a))).slice(0, LIMIT);
    }),
  );
  return (
    <div className="placeholder events" data-testid="events" tabIndex={0} role="region" aria-label="Events">
      <h2>Events</h2>
      <ol>
        {events.map((e) => (
          <li key={e.metadata.uid ?? e.metadata.name} className={e.type === 'Warning' ? 'warning' : undefined}>
            <strong>{e.reason}</strong> {e.involvedObject?.kind}/{e.involvedObject?.name}: {e.message}
          </li>
        ))}
      </ol>
    </div>
  );
}
