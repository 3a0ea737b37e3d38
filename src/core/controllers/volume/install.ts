/**
 * installVolumeControllers adds the storage controllers: kube-controller-manager's
 * persistentvolume-binder, pvc-protection, pv-protection and persistentvolume-expander, plus the local-path
 * provisioner add-on (its Deployment and the default StorageClass are bootstrapped).
 */
import type { Cluster } from '../../sim/cluster.ts';
import { bootstrapLocalPathStorage } from './localpath/bootstrap.ts';
import { installEphemeralVolumeController } from './ephemeral/ephemeralController.ts';
import { installExpandController } from './expand/expandController.ts';
import { installLocalPathProvisioner } from './localpath/localPathProvisioner.ts';
import { installPersistentVolumeController } from './persistentvolume/pvController.ts';
import { installPVCProtectionController } from './pvcprotection/pvcProtectionController.ts';
import { installPVProtectionController } from './pvprotection/pvProtectionController.ts';

/** installVolumeControllers registers the controllers and the add-on's bootstrap step. */
export function installVolumeControllers(cluster: Cluster): void {
  installPersistentVolumeController(cluster);
  installPVCProtectionController(cluster);
  installPVProtectionController(cluster);
  installExpandController(cluster);
  installEphemeralVolumeController(cluster);
  installLocalPathProvisioner(cluster);
  cluster.onBootstrap(bootstrapLocalPathStorage);
}
