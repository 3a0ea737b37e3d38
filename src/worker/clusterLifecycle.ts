/**
 * Making the playground's cluster: the default cluster with a seed, its clock started so that
 * after the bootstrap settles (system pods minutes old) it shows the person's time of day, a
 * RealtimeDriver moving virtual time with the wall clock, and a session the inspector runs
 * `kubectl describe` in. A fresh start, a reset and a restore all make it here.
 */
import type { ApiSchema } from '../core/api/schema/index.ts';
import type { Cluster } from '../core/sim/cluster.ts';
import { createCluster } from '../core/sim/createCluster.ts';
import { RealtimeDriver } from '../session/realtimeDriver.ts';
import { TerminalSession } from '../session/session.ts';
import type { TimeDriver } from '../session/timeDriver.ts';
import type { MemoryFS } from '../shell/memoryFS.ts';

/** SETTLE_MS is how long the default cluster runs after bootstrap before the person arrives. */
export const SETTLE_MS = 10 * 60_000;

/** startTimeFor is the virtual start time (whole seconds) whose settled clock reads `wall`. */
export function startTimeFor(wall: number): number {
  return Math.floor((wall - SETTLE_MS) / 1000) * 1000;
}

/** LiveCluster is a cluster with its realtime driver and the inspector's session. */
export interface LiveCluster {
  cluster: Cluster;
  realtime: RealtimeDriver;
  inspector: TerminalSession;
}

/** LiveClusterOptions say which cluster to make and what it is attached to. */
export interface LiveClusterOptions {
  seed: number;
  startTime: number;
  schema: ApiSchema | undefined;
  wallNow(): number;
  fs: MemoryFS;
  /** driver is the host's time for the inspector's session (live or replay). */
  driver: TimeDriver;
  onTick(): void;
}

/** makeLiveCluster creates the cluster and what runs it. */
export function makeLiveCluster(o: LiveClusterOptions): LiveCluster {
  const cluster = createCluster({ seed: o.seed, startTime: o.startTime, settleMs: SETTLE_MS }, { schema: o.schema });
  const realtime = new RealtimeDriver(cluster, o.wallNow);
  realtime.onTick = o.onTick;
  const inspector = new TerminalSession({ cluster, driver: o.driver, fs: o.fs });
  return { cluster, realtime, inspector };
}
