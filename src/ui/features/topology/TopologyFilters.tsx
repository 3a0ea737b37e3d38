/**
 * TopologyFilters: the namespace the picture shows and the kinds it hides.
 */
import { useShallow } from 'zustand/react/shallow';
import { WORKLOAD_KINDS, type TopoKind } from './model/types.ts';
import { useTopologyStore, type TopologyState } from './topologyStore.ts';

const KINDS: readonly TopoKind[] = [...WORKLOAD_KINDS, 'Service', 'Ingress', 'PersistentVolumeClaim', 'HorizontalPodAutoscaler'];
/** SHORT_NAMES are kubectl's short names, for the chips whose kind is too long to fit. */
const SHORT_NAMES: Partial<Record<TopoKind, string>> = { PersistentVolumeClaim: 'PVC', HorizontalPodAutoscaler: 'HPA' };
const selectFilter = (s: TopologyState) => ({ namespace: s.namespace, hiddenKinds: s.hiddenKinds, setNamespace: s.setNamespace, toggleKind: s.toggleKind });

/** TopologyFilters renders the filter bar; `namespaces` are the namespaces that exist. */
export function TopologyFilters({ namespaces, podCount, aggregated }: { namespaces: readonly string[]; podCount: number; aggregated: boolean }) {
  const { namespace, hiddenKinds, setNamespace, toggleKind } = useTopologyStore(useShallow(selectFilter));
  const options = namespaces.includes(namespace) || namespace === '' ? namespaces : [...namespaces, namespace];
  return (
    <div className="panel-toolbar topology-filters" role="group" aria-label="Topology filters">
      <label>
        <span className="sr-only">Namespace</span>
        <select value={namespace} onChange={(e) => setNamespace(e.target.value)} aria-label="Namespace">
          <option value="">All namespaces</option>
          {options.map((ns) => (
            <option key={ns} value={ns}>
              {ns}
            </option>
          ))}
        </select>
      </label>
      <div className="kind-toggles">
        {KINDS.map((k) => (
          <button key={k} type="button" className="chip" aria-pressed={!hiddenKinds.has(k)} onClick={() => toggleKind(k)} title={`${hiddenKinds.has(k) ? 'Show' : 'Hide'} ${k}s`}>
            {SHORT_NAMES[k] ?? k}
          </button>
        ))}
      </div>
      <span className="muted topology-count" aria-live="polite">
        {podCount} {podCount === 1 ? 'pod' : 'pods'}
        {aggregated ? ' (grouped)' : ''}
      </span>
    </div>
  );
}
