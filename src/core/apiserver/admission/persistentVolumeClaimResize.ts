/**
 * PersistentVolumeClaimResize admission (plugin/pkg/admission/storage/persistentvolume/resize):
 * growing a bound claim's storage request is allowed only when its StorageClass says
 * `allowVolumeExpansion: true`. local-path, the default class here, does not.
 */
import { claimClass, storageRequest } from '../../api/persistentVolumes.ts';
import { forbidden } from '../../api/status.ts';
import type { AdmissionPlugin } from '../admission.ts';
import type { ApiServer } from '../apiserver.ts';

/** persistentVolumeClaimResize returns the plugin (a validating one). */
export function persistentVolumeClaimResize(server: ApiServer): AdmissionPlugin {
  return {
    name: 'PersistentVolumeClaimResize',
    validate(attrs) {
      const def = attrs.resource;
      if (attrs.operation !== 'UPDATE' || def.group !== '' || def.resource !== 'persistentvolumeclaims' || attrs.subresource !== '') return;
      const pvc = attrs.object;
      const old = attrs.oldObject;
      if (!pvc || !old || (old.status as { phase?: string } | undefined)?.phase !== 'Bound') return;
      if (storageRequest(pvc).cmp(storageRequest(old)) <= 0) return;
      const sc = server.store.list('storageclasses.storage.k8s.io').items.find((c) => c.metadata.name === claimClass(pvc));
      if (sc?.allowVolumeExpansion === true) return;
      throw forbidden('', 'persistentvolumeclaims', attrs.name, 'only dynamically provisioned pvc can be resized and the storageclass that provisions the pvc must support resize');
    },
  };
}
