/**
 * TopologyPanel (placeholder): the next step draws nodes as containers of their pods with
 * @xyflow/react. For now it lists each Node and the names of the pods bound to it, read
 * from the cluster store, so the panel and its test hook (`data-testid="topology"`) exist.
 */
import { useShallow } from 'zustand/react/shallow';
import { useClusterStore, objectsOf } from '../../state/clusterStore.ts';

export function TopologyPanel() {
  const rows = useClusterStore(
    useShallow((s) => {
      const pods = objectsOf(s.objects, '', 'pods');
      return objectsOf(s.objects, '', 'nodes').map((n) => `${n.metadata.name}\u0000${pods.filter((p) => (p.spec as { nodeName?: string } | undefined)?.nodeName === n.metadata.name).length}`);
    }),
  );
  return (
    <div className="placeholder" data-testid="topology">
      <h2>Topology</h2>
      <ul>
        {rows.map((r) => {
          const [name, count] = r.split('\u0000');
          return (
            <li key={name} data-kind="Node" data-name={name}>
              {name}: {count} pods
            </li>
          );
        })}
      </ul>
    </div>
  );
}
