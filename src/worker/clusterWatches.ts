/**
 * ClusterWatches are the UI's subscriptions: one watch per resource the API server serves
 * (from discovery, so kinds added to the server are watched with no change here), each event
 * handed on with, for a pod, the STATUS `kubectl get pods` prints (podStatus.ts). Leases
 * renew every 10 s per node and would be noise for every panel, and events.k8s.io repeats
 * the core v1 Events: neither is watched.
 *
 * Objects leave without metadata.managedFields: no panel reads them (the inspector's YAML is
 * printed here, by kubectl's printer, which hides them as `kubectl get -o yaml` does), and
 * they are about half of a pod's JSON, so dropping them halves what the main thread
 * deserialises from each delta while pods churn.
 */
import type { WatchHandle } from '../core/client/client.ts';
import type { KubeObject } from '../core/api/types.ts';
import type { Cluster } from '../core/sim/cluster.ts';
import { podStatus } from './podStatus.ts';
import type { WatchedEvent } from './deltaBatcher.ts';

/** watchedResource tells whether the UI watches a discovered resource. */
export function watchedResource(def: { group: string; resource: string; verbs: readonly string[] }): boolean {
  if (def.resource === 'leases' || !def.verbs.includes('watch')) return false;
  return def.group !== 'events.k8s.io';
}

/** withoutManagedFields returns the object without metadata.managedFields (a shallow copy, only if it has them). */
export function withoutManagedFields(obj: KubeObject): KubeObject {
  if (obj.metadata.managedFields === undefined) return obj;
  const { managedFields: _dropped, ...metadata } = obj.metadata;
  return { ...obj, metadata };
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
          onEvent({ type: ev.type, group, resource, object: withoutManagedFields(ev.object), ...status });
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
