/**
 * installScheduler adds kube-scheduler (default-scheduler) to a cluster.
 *
 * Service: `cluster.services.get('scheduler')` is the Scheduler; use
 * `decisionFor(namespace, name)` for the last scheduling attempt of a pod (per-node filter
 * verdicts and scores). State: decision records are saved as component 'scheduler'.
 */
import type { ResourceRef } from '../client/client.ts';
import type { Cluster } from '../sim/cluster.ts';
import { Scheduler } from './scheduler.ts';
import { VolumeBinder } from './volumeBinder.ts';

function served(cluster: Cluster, ref: ResourceRef): ResourceRef | undefined {
  try {
    cluster.server.resource(ref.group, ref.resource);
    return ref;
  } catch {
    return undefined;
  }
}

export function installScheduler(cluster: Cluster): void {
  // Claim, volume and class changes may help pods VolumeBinding rejected.
  let onVolumeChange = () => {};
  const volumeBinder = served(cluster, { group: '', resource: 'persistentvolumeclaims' })
    ? new VolumeBinder(cluster.client('default-scheduler'), cluster.informers, () => onVolumeChange())
    : undefined;
  const scheduler = new Scheduler({
    volumeBinder,
    client: cluster.client('default-scheduler'),
    informers: cluster.informers,
    recorder: cluster.recorder('default-scheduler'),
    clock: cluster.clock,
    pick: (n) => cluster.random.int(n),
    optionalResources: {
      StatefulSet: served(cluster, { group: 'apps', resource: 'statefulsets' }),
      ReplicationController: served(cluster, { group: '', resource: 'replicationcontrollers' }),
    },
  });
  onVolumeChange = () => scheduler.queue.moveOnEvent((plugin) => plugin === 'VolumeBinding' || plugin === 'VolumeRestrictions');
  cluster.addReconciler(scheduler);
  cluster.services.set('scheduler', scheduler);
  cluster.registerState('scheduler', scheduler);
}
