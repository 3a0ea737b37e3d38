/**
 * The PV protection controller (pkg/controller/volume/pvprotection): a volume being deleted
 * keeps its `kubernetes.io/pv-protection` finalizer while it is Bound to a claim; once the
 * claim is gone (the volume Released, Available or Failed) the finalizer goes.
 */
import { PV_PROTECTION_FINALIZER } from '../../../api/persistentVolumes.ts';
import { isStatusError } from '../../../api/status.ts';
import type { KubeObject } from '../../../api/types.ts';
import { PERSISTENTVOLUMES, type Client } from '../../../client/client.ts';
import type { Informer } from '../../../client/informer.ts';
import { WorkQueue } from '../../../client/workqueue.ts';
import { thaw } from '../../../storage/freeze.ts';
import type { Cluster } from '../../../sim/cluster.ts';

/** PVProtectionController removes the finalizer of volumes no claim is bound to. */
export class PVProtectionController {
  readonly name = 'pv-protection-controller';
  readonly queue: WorkQueue;
  private readonly client: Client;
  private readonly volumes: Informer;

  constructor(cluster: Cluster) {
    this.queue = new WorkQueue('pvprotection', cluster.clock);
    this.client = cluster.client('kube-controller-manager');
    this.volumes = cluster.informers.forResource(PERSISTENTVOLUMES);
    const enqueue = (o: KubeObject) => {
      if (o.metadata.deletionTimestamp) this.queue.add(o.metadata.name ?? '');
    };
    this.volumes.addHandler({ add: enqueue, update: (_a, b) => enqueue(b) });
  }

  /** reconcile is processPV: isBeingUsed means phase Bound. */
  reconcile(name: string): void {
    const pv = this.volumes.get('', name);
    if (!pv?.metadata.deletionTimestamp) return;
    const finalizers = pv.metadata.finalizers ?? [];
    if (!finalizers.includes(PV_PROTECTION_FINALIZER)) return;
    if ((pv.status as { phase?: string } | undefined)?.phase === 'Bound') return;
    const updated = thaw(pv);
    updated.metadata.finalizers = finalizers.filter((f) => f !== PV_PROTECTION_FINALIZER);
    try {
      this.client.update(PERSISTENTVOLUMES, updated);
    } catch (err) {
      if (isStatusError(err) && err.code === 404) return;
      throw err;
    }
  }
}

/** installPVProtectionController registers the controller. */
export function installPVProtectionController(cluster: Cluster): PVProtectionController {
  const c = new PVProtectionController(cluster);
  cluster.addReconciler(c);
  return c;
}
