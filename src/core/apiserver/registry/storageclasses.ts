/**
 * storageclasses: cluster-scoped storage.k8s.io/v1 StorageClass (pkg/registry/storage/storageclass).
 * No status; the DefaultStorageClass admission plugin reads the class annotated
 * `storageclass.kubernetes.io/is-default-class: "true"`.
 */
import { defaultStorageClass } from '../../api/defaults/storage.ts';
import { validateStorageClass, validateStorageClassUpdate } from '../../api/validation/storageClass.ts';
import { define } from './define.ts';

export const storageclasses = define({
  group: 'storage.k8s.io',
  version: 'v1',
  resource: 'storageclasses',
  kind: 'StorageClass',
  namespaced: false,
  shortNames: ['sc'],
  defaulter: defaultStorageClass,
  validate: validateStorageClass,
  validateUpdate: validateStorageClassUpdate,
});
