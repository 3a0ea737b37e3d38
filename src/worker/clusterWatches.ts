/**
 * ClusterWatches are the UI's subscriptions: one watch per resource the API server serves
 * (from discovery, so kinds added to the server are watched with no change here), each event
 * handed on with, for a pod, the STATUS `kubectl get pods` prints (podStatus.ts). Leases
 * renew every 10 s per node and would be noise for every panel, and events.k8s.io repeats
 * the core v1 Events: neither is watched.
 */
import type { WatchHandle } from '../core/client/client.ts';
import type { Cluster } from '../core/sim/cluster.ts';
import { podStatus } from './podStatus.ts';
import type { WatchedEvent } from './deltaBatcher.ts';

/** watchedResource tells whether the UI watches a discovered resource. */
export function watchedResource(def: { group: string; resource: string; verbs: readonly string[] }): boolean {
  if (def.resource === 'leases' || !def.verbs.includes('watch')) return false;
  return def.group !== 'events.k8s.io';
}

export class ClusterWatches {
  private handles: WatchHandle[] = [];

  /** start watches every served resource of `cluster` (stopping earlier watches first). */
  start(cluster: Cluster, onEvent: (ev: WatchedEvent) => void): void {
    this.stop();
    const client = cluster.client('kubeplay-ui');
    for (const def of client.discovery()) {
      if (!watchedResource(def)) continue;
      const { group, resource } = def;
      this.handles.push(
        client.watch({ group, resource }, undefined, {}, (ev) => {
          if (ev.type !== 'ADDED' && ev.type !== 'MODIFIED' && ev.type !== 'DELETED') return;
          const status = group === '' && resource === 'pods' ? { podStatus: podStatus(ev.object, cluster.now()) } : {};
          onEvent({ type: ev.type, group, resource, object: ev.object, ...status });
        }),
      );
    }
  }

  /** stop ends every watch. */
  stop(): void {
    for (const h of this.handles) h.stop();
    this.handles = [];
  }
}
