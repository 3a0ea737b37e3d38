/**
 * The API server's etcd compactor: every 5 minutes it compacts the store to the revision it
 * saw on the previous tick, so between 5 and 10 minutes of change history stay watchable
 * (k8s.io/apiserver/pkg/storage/etcd3/compact.go, `--etcd-compaction-interval=5m0s`).
 * A watch from a revision older than that gets 410 Gone ("too old resource version"), as on
 * a real cluster, and a long-running cluster keeps minutes of history instead of a fixed
 * 20,000 events (which held ~9 MB of old Lease versions on an idle 100-node cluster).
 */
import type { Clock } from '../sim/clock.ts';
import type { Store } from './store.ts';

/** COMPACTION_INTERVAL_MS is kube-apiserver's default --etcd-compaction-interval. */
export const COMPACTION_INTERVAL_MS = 5 * 60_000;

/** startCompactor compacts `store` every interval to the revision of the previous tick. */
export function startCompactor(store: Store, clock: Clock, intervalMs = COMPACTION_INTERVAL_MS): void {
  let previous = 0;
  const tick = () => {
    if (previous > 0) store.compact(previous);
    previous = store.currentRevision();
    clock.after(intervalMs, tick);
  };
  clock.after(intervalMs, tick);
}
