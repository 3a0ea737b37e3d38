/**
 * createLayoutWorker starts the topology's layout worker. It lives in bridge/ because this
 * folder is the only one that creates Workers (the layout worker speaks its own tiny
 * protocol, src/ui/features/topology/layout/layoutMessages.ts, not the cluster's).
 */
import type { LayoutPort } from '../features/topology/layout/layoutClient.ts';

/** createLayoutWorker returns the worker's port, or undefined where Workers do not exist. */
export function createLayoutWorker(): LayoutPort | undefined {
  if (typeof Worker === 'undefined') return undefined;
  return new Worker(new URL('../features/topology/layout/layout.worker.ts', import.meta.url), { type: 'module', name: 'kubeplay-layout' }) as unknown as LayoutPort;
}
