/**
 * The volume expand controller ("persistentvolume-expander", pkg/controller/volume/expand):
 * a bound claim whose storage request grew past its capacity is handed to whoever can
 * resize its volume. No in-tree plugin here can (hostPath, local and every CSI driver need an
 * external resizer, and none runs), so, as upstream does then, it only records
 * `ExternalExpanding` and the claim keeps its capacity.
 */
import { storageRequest } from '../../../api/persistentVolumes.ts';
import { Quantity } from '../../../api/quantity.ts';
import type { KubeObject } from '../../../api/types.ts';
import { PERSISTENTVOLUMECLAIMS } from '../../../client/client.ts';
import type { EventRecorder } from '../../../client/events.ts';
import { keyOf, type Informer } from '../../../client/informer.ts';
import { WorkQueue } from '../../../client/workqueue.ts';
import type { Cluster } from '../../../sim/cluster.ts';

/** needsExpansion: bound, and asking for more than the volume gave. */
export function needsExpansion(claim: KubeObject): boolean {
  const status = (claim.status ?? {}) as { phase?: string; capacity?: Record<string, string> };
  if (status.phase !== 'Bound' || !status.capacity?.storage) return false;
  return storageRequest(claim).cmp(Quantity.parse(status.capacity.storage)) > 0;
}

/** ExpandController reports claims waiting for an external resizer. */
export class ExpandController {
  readonly name = 'persistentvolume-expander-controller';
  readonly queue: WorkQueue;
  private readonly claims: Informer;
  private readonly recorder: EventRecorder;

  constructor(cluster: Cluster) {
    this.queue = new WorkQueue('volume_expand', cluster.clock);
    this.recorder = cluster.recorder('volume_expand');
    this.claims = cluster.informers.forResource(PERSISTENTVOLUMECLAIMS);
    this.claims.addHandler({ update: (a, b) => needsExpansion(b) && !needsExpansion(a) && this.queue.add(keyOf(b)) });
  }

  /** reconcile is syncHandler without a resizable plugin. */
  reconcile(key: string): void {
    const claim = this.claims.getByKey(key);
    if (!claim || !needsExpansion(claim)) return;
    this.recorder.normal(claim, 'ExternalExpanding', 'waiting for an external controller to expand this PVC');
  }
}

/** installExpandController registers the controller. */
export function installExpandController(cluster: Cluster): ExpandController {
  const c = new ExpandController(cluster);
  cluster.addReconciler(c);
  return c;
}
