/**
 * persistentvolumeclaims: core/v1 PersistentVolumeClaim (pkg/registry/core/persistentvolumeclaim)
 * with the `status` subresource. A claim starts Pending; the PV controller binds it. Its spec
 * is fixed after creation except a bound claim's storage request (see validation).
 */
import { defaultPersistentVolumeClaim } from '../../api/defaults/storage.ts';
import { validatePersistentVolumeClaim, validatePersistentVolumeClaimUpdate } from '../../api/validation/persistentVolume.ts';
import { define } from './define.ts';

export const persistentvolumeclaims = define({
  group: '',
  version: 'v1',
  resource: 'persistentvolumeclaims',
  kind: 'PersistentVolumeClaim',
  namespaced: true,
  shortNames: ['pvc'],
  subresources: ['status'],
  hasStatus: true,
  defaulter: defaultPersistentVolumeClaim,
  validate: validatePersistentVolumeClaim,
  validateUpdate: validatePersistentVolumeClaimUpdate,
  prepareForCreate: (obj) => {
    obj.status = { phase: 'Pending' };
  },
});
