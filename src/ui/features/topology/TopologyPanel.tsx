/**
 * TopologyPanel: the live picture of the cluster (data-testid="topology"). Its body, with
 * @xyflow/react, loads lazily so the first load stays small; the container and its test hook
 * exist from the start.
 */
import { lazy, Suspense } from 'react';

const TopologyView = lazy(() => import('./TopologyView.tsx'));

export function TopologyPanel() {
  return (
    <div className="topology" data-testid="topology">
      <Suspense fallback={<p className="muted topology-loading">Loading the topology…</p>}>
        <TopologyView />
      </Suspense>
    </div>
  );
}
