/**
 * DefaultStorageClass admission (plugin/pkg/admission/storage/storageclass/setdefault):
 * a PersistentVolumeClaim created without `spec.storageClassName` (and without the beta
 * annotation) gets the default StorageClass: the one annotated
 * `storageclass.kubernetes.io/is-default-class: "true"`, the newest if several are.
 * A claim with `storageClassName: ""` explicitly asks for no class and is left alone.
 */
import { newestDefaultClass } from '../../api/defaultClass.ts';
import type { KubeObject } from '../../api/types.ts';
import type { AdmissionPlugin } from '../admission.ts';
import type { ApiServer } from '../apiserver.ts';

/** IS_DEFAULT_CLASS_ANNOTATION marks the default StorageClass (and its beta spelling). */
export const IS_DEFAULT_CLASS_ANNOTATION = 'storageclass.kubernetes.io/is-default-class';
const BETA_IS_DEFAULT_CLASS_ANNOTATION = 'storageclass.beta.kubernetes.io/is-default-class';
/** BETA_STORAGE_CLASS_ANNOTATION is the pre-1.6 way a claim named its class. */
export const BETA_STORAGE_CLASS_ANNOTATION = 'volume.beta.kubernetes.io/storage-class';

/** isDefaultStorageClass is storageutil.IsDefaultAnnotation. */
export function isDefaultStorageClass(sc: KubeObject): boolean {
  const ann = sc.metadata.annotations ?? {};
  return ann[IS_DEFAULT_CLASS_ANNOTATION] === 'true' || ann[BETA_IS_DEFAULT_CLASS_ANNOTATION] === 'true';
}

/** defaultStorageClass is storageutil.GetDefaultClass: newest default class, then the lowest name. */
export function defaultStorageClass(classes: readonly KubeObject[]): KubeObject | undefined {
  return newestDefaultClass(classes, isDefaultStorageClass);
}

/** defaultStorageClassAdmission returns the plugin. */
export function defaultStorageClassAdmission(server: ApiServer): AdmissionPlugin {
  return {
    name: 'DefaultStorageClass',
    admit(attrs) {
      const def = attrs.resource;
      if (attrs.operation !== 'CREATE' || def.group !== '' || def.resource !== 'persistentvolumeclaims' || attrs.subresource !== '' || !attrs.object) return;
      const pvc = attrs.object;
      const spec = (pvc.spec ??= {}) as { storageClassName?: string };
      if (spec.storageClassName !== undefined && spec.storageClassName !== null) return;
      if (pvc.metadata.annotations?.[BETA_STORAGE_CLASS_ANNOTATION] !== undefined) return;
      if (!server.serves('storage.k8s.io', 'storageclasses')) return;
      const sc = defaultStorageClass(server.store.list('storageclasses.storage.k8s.io').items);
      if (sc) spec.storageClassName = sc.metadata.name;
    },
  };
}
