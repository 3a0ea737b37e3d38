/**
 * EventsPanel (data-testid="events"): a live timeline of the cluster's Events and of the
 * control plane's activity (which controller woke for which watch event and what it wrote).
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { useBridge } from '../../bridge/context.ts';
import { selectResource, useClusterStore, type ClusterState } from '../../state/clusterStore.ts';
import { eventFacts } from '../inspector/model/objectFacts.ts';
import { useThrottled } from '../topology/useThrottled.ts';
import { ActivityList } from './ActivityList.tsx';
import { connectActivity } from './activityStore.ts';
import './events.css';
import { EventsTable } from './EventsTable.tsx';

type View = 'Events' | 'Activity';

/** REDRAW_MS is the shortest interval between two redraws of the timeline. */
const REDRAW_MS = 250;

/** selectEvents returns the Events' map: the same reference until an Event changes. */
const selectEvents = (s: ClusterState) => selectResource(s, '/events');

export function EventsPanel() {
  const bridge = useBridge();
  useEffect(() => connectActivity(bridge), [bridge]);
  const [view, setView] = useState<View>('Events');
  const scroller = useRef<HTMLDivElement>(null);
  const wires = useThrottled(useClusterStore(selectEvents), REDRAW_MS);
  const events = useMemo(() => [...wires.values()].map((w) => eventFacts(w.key, w.object)).sort((a, b) => b.last - a.last || b.key.localeCompare(a.key)), [wires]);
  return (
    <div className="events-panel" data-testid="events" role="region" aria-label="Events and activity">
      <div role="tablist" aria-label="Timeline" className="tabs">
        {(['Events', 'Activity'] as const).map((v) => (
          <button key={v} type="button" role="tab" id={`events-tab-${v}`} aria-selected={view === v} aria-controls="events-body" className="tab" onClick={() => setView(v)}>
            {v === 'Events' ? `Events (${events.length})` : 'Activity'}
          </button>
        ))}
      </div>
      <div className="events-body" id="events-body" ref={scroller} role="tabpanel" tabIndex={0} aria-labelledby={`events-tab-${view}`}>
        {view === 'Events' ? <EventsTable events={events} scrollRef={scroller} /> : <ActivityList />}
      </div>
    </div>
  );
}
