/**
 * StorageObjectInUseProtection admission (plugin/pkg/admission/storage/storageobjectinuseprotection):
 * every new PersistentVolumeClaim gets the `kubernetes.io/pvc-protection` finalizer and every
 * new PersistentVolume `kubernetes.io/pv-protection`, so neither disappears while in use; the
 * pvc-protection and pv-protection controllers remove them once nothing uses the object.
 */
import { PV_PROTECTION_FINALIZER, PVC_PROTECTION_FINALIZER } from '../../api/persistentVolumes.ts';
import type { AdmissionPlugin } from '../admission.ts';

/** storageObjectInUseProtection returns the plugin. */
export function storageObjectInUseProtection(): AdmissionPlugin {
  return {
    name: 'StorageObjectInUseProtection',
    admit(attrs) {
      const def = attrs.resource;
      if (attrs.operation !== 'CREATE' || def.group !== '' || attrs.subresource !== '' || !attrs.object) return;
      const finalizer = def.resource === 'persistentvolumeclaims' ? PVC_PROTECTION_FINALIZER : def.resource === 'persistentvolumes' ? PV_PROTECTION_FINALIZER : '';
      if (!finalizer) return;
      const meta = attrs.object.metadata;
      if ((meta.finalizers ?? []).includes(finalizer)) return;
      meta.finalizers = [...(meta.finalizers ?? []), finalizer];
    },
  };
}
