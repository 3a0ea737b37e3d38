/**
 * OwnerChain shows who controls the object, up the controller references (Pod ← ReplicaSet
 * ← Deployment): the garbage collector's view, and "Controlled By" in `kubectl describe`.
 * Each owner that still exists can be selected.
 */
import type { KubeObject } from '../../../core/api/types.ts';
import { keyOfKind } from '../topology/model/kinds.ts';

/** OwnerChain renders the chain; `onSelect` receives the store key of a clicked owner. */
export function OwnerChain({ chain, onSelect }: { chain: ReadonlyArray<{ kind: string; name: string; object?: KubeObject }>; onSelect(key: string): void }) {
  if (chain.length === 0) return <p className="muted">No controller owns this object.</p>;
  return (
    <ol className="owner-chain" aria-label="Owner chain">
      {chain.map((o) => {
        const key = o.object ? keyOfKind(o.kind, o.object.metadata.namespace ?? '', o.name) : undefined;
        return (
          <li key={`${o.kind}/${o.name}`}>
            <span className="muted">controlled by </span>
            {key ? (
              <button type="button" className="link" onClick={() => onSelect(key)}>
                {o.kind}/{o.name}
              </button>
            ) : (
              <span>
                {o.kind}/{o.name} <span className="muted">(gone)</span>
              </span>
            )}
          </li>
        );
      })}
    </ol>
  );
}
