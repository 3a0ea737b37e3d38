/**
 * InspectorPanel (placeholder): shows the selected object's identity. The next step adds its
 * YAML, a describe-style view, conditions, owner chain, events and scheduling decisions
 * (the worker answers `inspect` requests with the object and `kubectl describe` text).
 */
import { useAppStore } from '../../state/appStore.ts';
import { useClusterStore } from '../../state/clusterStore.ts';

export function InspectorPanel() {
  const selected = useAppStore((s) => s.selected);
  const wire = useClusterStore((s) => (selected ? s.objects.get(selected) : undefined));
  return (
    <div className="placeholder" data-testid="inspector" tabIndex={0} role="region" aria-label="Inspector">
      <h2>Inspector</h2>
      {wire ? (
        <p>
          {wire.object.kind} {wire.object.metadata.namespace ? `${wire.object.metadata.namespace}/` : ''}
          {wire.object.metadata.name}
        </p>
      ) : (
        <p className="muted">Select an object to inspect it.</p>
      )}
    </div>
  );
}
