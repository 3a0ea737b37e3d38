/**
 * The ephemeral volume controller (pkg/controller/volume/ephemeral): for each generic
 * ephemeral volume of a pod it creates the claim `<pod>-<volume>` from the volume's
 * volumeClaimTemplate, owned by the pod (controller, blockOwnerDeletion), so the garbage
 * collector deletes it with the pod. A claim of that name the pod does not own is left
 * alone: the scheduler then refuses the pod.
 */
import { thaw } from '../../../api/clone.ts';
import { podClaims } from '../../../api/persistentVolumes.ts';
import { isStatusError } from '../../../api/status.ts';
import type { KubeObject, Pod } from '../../../api/types.ts';
import { PERSISTENTVOLUMECLAIMS, PODS, type Client } from '../../../client/client.ts';
import { keyOf, type Informer } from '../../../client/informer.ts';
import { WorkQueue } from '../../../client/workqueue.ts';
import type { Cluster } from '../../../sim/cluster.ts';

type Dict = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** EphemeralVolumeController creates the claims of generic ephemeral volumes. */
export class EphemeralVolumeController {
  readonly name = 'ephemeral-volume-controller';
  readonly queue: WorkQueue;
  private readonly client: Client;
  private readonly pods: Informer;
  private readonly claims: Informer;

  constructor(cluster: Cluster) {
    this.queue = new WorkQueue('ephemeral_volume', cluster.clock);
    this.client = cluster.client('kube-controller-manager');
    this.pods = cluster.informers.forResource(PODS);
    this.claims = cluster.informers.forResource(PERSISTENTVOLUMECLAIMS);
    const enqueue = (pod: KubeObject) => {
      if (podClaims(pod as Pod).some((c) => c.ephemeral)) this.queue.add(keyOf(pod));
    };
    this.pods.addHandler({ add: enqueue, update: (_a, b) => enqueue(b) });
    // A deleted claim of a pod that still runs is made again.
    this.claims.addHandler({
      delete: (claim) => {
        for (const ref of claim.metadata.ownerReferences ?? []) if (ref.kind === 'Pod') this.queue.add(`${claim.metadata.namespace}/${ref.name}`);
      },
    });
  }

  /** reconcile is syncHandler: create each missing claim. */
  reconcile(key: string): void {
    const pod = this.pods.getByKey(key) as Pod | undefined;
    if (!pod || pod.metadata?.deletionTimestamp) return;
    const ns = pod.metadata?.namespace ?? '';
    for (const c of podClaims(pod)) {
      if (!c.ephemeral || this.claims.get(ns, c.claimName)) continue;
      const template = ((pod.spec?.volumes ?? []).find((v) => v.name === c.volume)?.ephemeral?.volumeClaimTemplate ?? {}) as Dict;
      try {
        this.client.create(PERSISTENTVOLUMECLAIMS, ns, {
          apiVersion: 'v1',
          kind: 'PersistentVolumeClaim',
          metadata: {
            name: c.claimName,
            labels: template.metadata?.labels,
            annotations: template.metadata?.annotations,
            ownerReferences: [{ apiVersion: 'v1', kind: 'Pod', name: pod.metadata?.name ?? '', uid: pod.metadata?.uid ?? '', controller: true, blockOwnerDeletion: true }],
          },
          spec: thaw(template.spec ?? {}),
        } as KubeObject);
      } catch (err) {
        // Created meanwhile (our cache is behind) or refused as invalid: nothing more to do here.
        if (isStatusError(err) && (err.code === 409 || err.code === 422 || err.code === 403)) continue;
        throw err;
      }
    }
  }
}

/** installEphemeralVolumeController registers the controller. */
export function installEphemeralVolumeController(cluster: Cluster): EphemeralVolumeController {
  const c = new EphemeralVolumeController(cluster);
  cluster.addReconciler(c);
  return c;
}
