/**
 * The PVC protection controller (pkg/controller/volume/pvcprotection): a claim being deleted
 * keeps its `kubernetes.io/pvc-protection` finalizer, and so stays Terminating, while a
 * scheduled pod that has not finished still uses it; then the finalizer goes and the claim
 * with it. Pod changes enqueue the claims they reference.
 */
import { PVC_PROTECTION_FINALIZER, podClaimNames } from '../../../api/persistentVolumes.ts';
import type { KubeObject, Pod } from '../../../api/types.ts';
import { PERSISTENTVOLUMECLAIMS, PODS, type Client } from '../../../client/client.ts';
import { keyOf, splitKey, type Informer } from '../../../client/informer.ts';
import { WorkQueue } from '../../../client/workqueue.ts';
import { thaw } from '../../../storage/freeze.ts';
import type { Cluster } from '../../../sim/cluster.ts';
import { isStatusError } from '../../../api/status.ts';

/** podUsesClaim is podUsesPVC: a scheduled pod, not yet Succeeded or Failed, mounting the claim. */
export function podUsesClaim(pod: Pod, claimName: string): boolean {
  if (!pod.spec?.nodeName) return false;
  if (pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed') return false;
  return podClaimNames(pod).includes(claimName);
}

/** PVCProtectionController removes the finalizer of claims nothing uses any more. */
export class PVCProtectionController {
  readonly name = 'pvc-protection-controller';
  readonly queue: WorkQueue;
  private readonly client: Client;
  private readonly claims: Informer;
  private readonly pods: Informer;

  constructor(cluster: Cluster) {
    this.queue = new WorkQueue('pvcprotection', cluster.clock);
    this.client = cluster.client('kube-controller-manager');
    this.claims = cluster.informers.forResource(PERSISTENTVOLUMECLAIMS);
    this.pods = cluster.informers.forResource(PODS);
    const enqueue = (o: KubeObject) => {
      if (o.metadata.deletionTimestamp) this.queue.add(keyOf(o));
    };
    this.claims.addHandler({ add: enqueue, update: (_a, b) => enqueue(b) });
    const podChanged = (pod: KubeObject) => {
      for (const name of podClaimNames(pod as Pod)) this.queue.add(`${pod.metadata.namespace}/${name}`);
    };
    this.pods.addHandler({ update: (_a, b) => podChanged(b), delete: podChanged });
  }

  /** reconcile is processPVC: drop the finalizer once no pod uses the claim. */
  reconcile(key: string): void {
    const claim = this.claims.getByKey(key);
    if (!claim?.metadata.deletionTimestamp) return;
    const finalizers = claim.metadata.finalizers ?? [];
    if (!finalizers.includes(PVC_PROTECTION_FINALIZER)) return;
    const { namespace, name } = splitKey(key);
    if (this.pods.list(namespace).some((p) => podUsesClaim(p as Pod, name))) return;
    const updated = thaw(claim);
    updated.metadata.finalizers = finalizers.filter((f) => f !== PVC_PROTECTION_FINALIZER);
    try {
      this.client.update(PERSISTENTVOLUMECLAIMS, updated);
    } catch (err) {
      if (isStatusError(err) && err.code === 404) return;
      throw err;
    }
  }
}

/** installPVCProtectionController registers the controller. */
export function installPVCProtectionController(cluster: Cluster): PVCProtectionController {
  const c = new PVCProtectionController(cluster);
  cluster.addReconciler(c);
  return c;
}
