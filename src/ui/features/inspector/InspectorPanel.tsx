/**
 * InspectorPanel (data-testid="inspector"): everything about the selected object. Overview
 * (conditions, owner chain, events), its YAML as `kubectl get -o yaml` prints it, its
 * `kubectl describe` text, and for a pod the scheduler's per-node decision. The store gives
 * the live object; the worker answers for YAML, describe and scheduling (useInspection).
 */
import { useMemo, useState } from 'react';
import { useAppStore, type AppState } from '../../state/appStore.ts';
import { getObject, selectResource, useClusterStore, type ClusterState } from '../../state/clusterStore.ts';
import { keyOfKind } from '../topology/model/kinds.ts';
import { ownerChain } from '../topology/model/owners.ts';
import { isPodGroupId } from '../topology/model/podGroups.ts';
import { ConditionsTable } from './ConditionsTable.tsx';
import './inspector.css';
import { conditionsOf, eventsFor } from './model/objectFacts.ts';
import { ObjectEvents } from './ObjectEvents.tsx';
import { OwnerChain } from './OwnerChain.tsx';
import { PodGroupInspector } from './PodGroupInspector.tsx';
import { SchedulingTable } from './SchedulingTable.tsx';
import { useInspection } from './useInspection.ts';

type Tab = 'Overview' | 'YAML' | 'Describe' | 'Scheduling';

const selectSelected = (s: AppState) => s.selected;
const selectSet = (s: AppState) => s.set;
const selectNow = (s: AppState) => s.clock.now;
const selectEvents = (s: ClusterState) => selectResource(s, '/events');

export function InspectorPanel() {
  const selected = useAppStore(selectSelected);
  const set = useAppStore(selectSet);
  const now = useAppStore(selectNow);
  // Only the selected object and the Events: a delta about anything else does not re-render.
  const wire = useClusterStore((s) => (selected ? getObject(s, selected) : undefined));
  const eventObjects = useClusterStore(selectEvents);
  const [tab, setTab] = useState<Tab>('Overview');
  const obj = wire?.object;
  const inspection = useInspection(selected && !isPodGroupId(selected) ? selected : undefined, obj?.metadata.resourceVersion);
  const isPod = wire?.group === '' && wire.resource === 'pods';
  const tabs: Tab[] = isPod ? ['Overview', 'YAML', 'Describe', 'Scheduling'] : ['Overview', 'YAML', 'Describe'];
  const shown = tabs.includes(tab) ? tab : 'Overview';

  const chain = useMemo(() => {
    if (!obj) return [];
    const store = useClusterStore.getState();
    return ownerChain(obj, (ns, kind, name) => {
      const key = keyOfKind(kind, ns, name);
      return key ? getObject(store, key)?.object : undefined;
    });
  }, [obj]);
  const events = useMemo(() => (obj ? eventsFor(eventObjects, obj) : []), [obj, eventObjects]);
  // An aggregated group of pods is not one object: it has its own view (owner, counts, pods).
  if (selected && isPodGroupId(selected)) return <PodGroupInspector id={selected} onSelect={(key) => set({ selected: key })} />;

  return (
    <div className="inspector" data-testid="inspector" role="region" aria-label="Inspector">
      <div className="panel-toolbar inspector-head">
        {obj ? (
          <h2 className="inspector-title">
            {obj.kind} {obj.metadata.namespace ? `${obj.metadata.namespace}/` : ''}
            {obj.metadata.name}
            {wire?.podStatus ? <span className="muted"> · {wire.podStatus}</span> : null}
          </h2>
        ) : (
          <h2 className="inspector-title">Inspector</h2>
        )}
      </div>
      {!obj ? (
        <p className="muted inspector-empty">{selected ? 'This object no longer exists.' : 'Click anything in the topology to inspect it.'}</p>
      ) : (
        <>
          <div role="tablist" aria-label="Inspector views" className="tabs">
            {tabs.map((t) => (
              <button key={t} type="button" role="tab" id={`inspector-tab-${t}`} aria-selected={shown === t} aria-controls="inspector-body" className="tab" onClick={() => setTab(t)}>
                {t}
              </button>
            ))}
          </div>
          <div className="inspector-body" id="inspector-body" role="tabpanel" tabIndex={0} aria-labelledby={`inspector-tab-${shown}`}>
            {shown === 'Overview' ? (
              <>
                <OwnerChain chain={chain} onSelect={(key) => set({ selected: key })} />
                <ConditionsTable conditions={conditionsOf(obj)} />
                <ObjectEvents events={events} now={now} />
              </>
            ) : null}
            {shown === 'YAML' ? <pre className="code">{inspection?.yaml ?? 'Loading…'}</pre> : null}
            {shown === 'Describe' ? <pre className="code">{inspection?.describe ?? 'Loading…'}</pre> : null}
            {shown === 'Scheduling' ? inspection ? <SchedulingTable decision={inspection.scheduling} /> : <p className="muted">Loading…</p> : null}
          </div>
        </>
      )}
    </div>
  );
}
