/**
 * persistentvolumes: cluster-scoped core/v1 PersistentVolume (pkg/registry/core/persistentvolume)
 * with the `status` subresource. A new volume starts in phase Pending with its
 * lastPhaseTransitionTime set (PersistentVolumeLastPhaseTransitionTime, GA in v1.31); the PV
 * controller moves it to Available, Bound, Released or Failed.
 */
import { defaultPersistentVolume } from '../../api/defaults/storage.ts';
import { validatePersistentVolume, validatePersistentVolumeUpdate } from '../../api/validation/persistentVolume.ts';
import { define } from './define.ts';

export const persistentvolumes = define({
  group: '',
  version: 'v1',
  resource: 'persistentvolumes',
  kind: 'PersistentVolume',
  namespaced: false,
  shortNames: ['pv'],
  subresources: ['status'],
  hasStatus: true,
  defaulter: defaultPersistentVolume,
  validate: validatePersistentVolume,
  validateUpdate: validatePersistentVolumeUpdate,
  prepareForCreate: (obj, ctx) => {
    obj.status = { phase: 'Pending', lastPhaseTransitionTime: ctx.isoNow() };
  },
  fieldLabels: (o) => ({ 'status.phase': String((o.status as { phase?: string } | undefined)?.phase ?? '') }),
});
