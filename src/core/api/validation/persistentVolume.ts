/**
 * PersistentVolume and PersistentVolumeClaim validation (pkg/apis/core/validation/validation.go
 * ValidatePersistentVolume, ValidatePersistentVolumeClaim and their Update variants, v1.32).
 * Messages are upstream's; the object diff upstream appends to the "immutable" errors
 * (cmp.Diff output, deliberately unstable) is left out.
 */
import { thaw } from '../clone.ts';
import type { FieldError, GoStringer } from '../status.ts';
import type { KubeObject } from '../types.ts';
import { deepEqual } from '../equality.ts';
import { Quantity } from '../quantity.ts';
import { field, invalidEach } from './field.ts';
import { validateLabelSelector, validateNodeSelector } from './labelSelector.ts';
import { nameIsDNSSubdomain, validateImmutableField, validateObjectMeta, validateObjectMetaUpdate } from './objectMeta.ts';

type Dict = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** SUPPORTED_ACCESS_MODES is supportedAccessModes.List() (sorted). */
export const SUPPORTED_ACCESS_MODES = ['ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOnce', 'ReadWriteOncePod'];
const SUPPORTED_RECLAIM_POLICIES = ['Delete', 'Recycle', 'Retain'];
const SUPPORTED_VOLUME_MODES = ['Block', 'Filesystem'];
const HOST_PATH_TYPES = ['', 'BlockDevice', 'CharDevice', 'Directory', 'DirectoryOrCreate', 'File', 'FileOrCreate', 'Socket'];

/**
 * PV_SOURCES are the PersistentVolumeSource members, in upstream's check order: exactly one
 * may be set ("must specify a volume type" / "may not specify more than 1 volume type").
 */
const PV_SOURCES = [
  'hostPath', 'gcePersistentDisk', 'awsElasticBlockStore', 'glusterfs', 'flocker', 'nfs', 'rbd', 'quobyte', 'cephfs',
  'iscsi', 'cinder', 'fc', 'flexVolume', 'azureFile', 'vsphereVolume', 'photonPersistentDisk', 'portworxVolume',
  'azureDisk', 'scaleIO', 'local', 'storageos', 'csi',
];

const goResourceList = (m: Dict | undefined): GoStringer => ({
  goString: () => (m === undefined ? 'core.ResourceList(nil)' : `core.ResourceList{${Object.keys(m).sort().map((k) => JSON.stringify(k)).join(', ')}}`),
});

function quantityOf(q: unknown): Quantity | undefined {
  try {
    return Quantity.parse(q as string);
  } catch {
    return undefined;
  }
}

/** validateAccessModes checks the modes (shared by PV and PVC specs). */
function validateAccessModes(modes: string[] | undefined, path: string, requiredDetail: string): FieldError[] {
  const errs: FieldError[] = [];
  if (!modes || modes.length === 0) errs.push(field.required(path, requiredDetail));
  let rwop = false;
  let other = false;
  for (const mode of modes ?? []) {
    if (!SUPPORTED_ACCESS_MODES.includes(mode)) errs.push(field.notSupported(path, mode, SUPPORTED_ACCESS_MODES));
    if (mode === 'ReadWriteOncePod') rwop = true;
    else other = true;
  }
  if (rwop && other) errs.push(field.forbidden(path, 'may not use ReadWriteOncePod with other access modes'));
  return errs;
}

/** validatePositiveStorage is ValidatePositiveQuantityValue for a storage size: zero is refused too. */
function validatePositiveStorage(q: unknown, path: string): FieldError[] {
  const v = quantityOf(q);
  if (v && v.sign() <= 0) return [field.invalid(path, v.toString(), 'must be greater than zero')];
  return [];
}

function validateClassName(name: unknown, path: string): FieldError[] {
  return typeof name === 'string' && name !== '' ? invalidEach(path, name, nameIsDNSSubdomain(name, false)) : [];
}

function validateVolumeMode(mode: unknown, path: string): FieldError[] {
  return mode !== undefined && !SUPPORTED_VOLUME_MODES.includes(String(mode)) ? [field.notSupported(path, mode, SUPPORTED_VOLUME_MODES)] : [];
}

/** validatePersistentVolume is ValidatePersistentVolume. */
export function validatePersistentVolume(obj: KubeObject): FieldError[] {
  const errs = validateObjectMeta(obj.metadata, false, nameIsDNSSubdomain);
  const spec = (obj.spec ?? {}) as Dict;
  errs.push(...validateAccessModes(spec.accessModes, 'spec.accessModes', ''));
  const capacity = spec.capacity as Dict | undefined;
  if (!capacity || Object.keys(capacity).length === 0) errs.push(field.required('spec.capacity'));
  if (!capacity || !('storage' in capacity) || Object.keys(capacity).length > 1) {
    errs.push(field.notSupported('spec.capacity', goResourceList(capacity), ['storage']));
  }
  for (const [name, q] of Object.entries(capacity ?? {})) errs.push(...validatePositiveStorage(q, `spec.capacity[${name}]`));
  const policy = spec.persistentVolumeReclaimPolicy;
  if (policy && !SUPPORTED_RECLAIM_POLICIES.includes(policy)) errs.push(field.notSupported('spec.persistentVolumeReclaimPolicy', policy, SUPPORTED_RECLAIM_POLICIES));
  const affinity = spec.nodeAffinity as Dict | undefined;
  if (affinity?.required) errs.push(...validateNodeSelector(affinity.required, 'spec.nodeAffinity.required'));
  let sources = 0;
  for (const source of PV_SOURCES) {
    if (!spec[source]) continue;
    if (sources > 0) {
      errs.push(field.forbidden(`spec.${source}`, 'may not specify more than 1 volume type'));
      continue;
    }
    sources++;
    if (source === 'hostPath') errs.push(...validateHostPath(spec.hostPath, 'spec.hostPath'));
    if (source === 'local') {
      if (!spec.local.path) errs.push(field.required('spec.local.path'));
      if (!affinity?.required) errs.push(field.required('spec.nodeAffinity', 'Local volume requires node affinity'));
    }
    if (source === 'nfs') {
      if (!spec.nfs.server) errs.push(field.required('spec.nfs.server'));
      if (!spec.nfs.path) errs.push(field.required('spec.nfs.path'));
    }
    if (source === 'csi') {
      if (!spec.csi.driver) errs.push(field.required('spec.csi.driver'));
      if (!spec.csi.volumeHandle) errs.push(field.required('spec.csi.volumeHandle'));
    }
  }
  if (sources === 0) errs.push(field.required('spec', 'must specify a volume type'));
  if (spec.hostPath && String(spec.hostPath.path).replace(/\/+$/, '') === '' && policy === 'Recycle') {
    errs.push(field.forbidden('spec.persistentVolumeReclaimPolicy', "may not be 'recycle' for a hostPath mount of '/'"));
  }
  errs.push(...validateClassName(spec.storageClassName, 'spec.storageClassName'));
  errs.push(...validateVolumeMode(spec.volumeMode, 'spec.volumeMode'));
  return errs;
}

function validateHostPath(hp: Dict, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (!hp.path) errs.push(field.required(`${path}.path`));
  else if (String(hp.path).split('/').includes('..')) errs.push(field.invalid(`${path}.path`, hp.path, "must not contain '..'"));
  if (hp.type !== undefined && !HOST_PATH_TYPES.includes(hp.type)) errs.push(field.notSupported(`${path}.type`, hp.type, HOST_PATH_TYPES));
  return errs;
}

const sourceOf = (spec: Dict): Dict => Object.fromEntries(PV_SOURCES.filter((s) => spec[s] !== undefined).map((s) => [s, spec[s]]));

/** validatePersistentVolumeUpdate is ValidatePersistentVolumeUpdate: the volume source is fixed. */
export function validatePersistentVolumeUpdate(obj: KubeObject, old: KubeObject): FieldError[] {
  const errs = validatePersistentVolume(obj);
  errs.push(...validateObjectMetaUpdate(obj.metadata, old.metadata));
  const spec = (obj.spec ?? {}) as Dict;
  const oldSpec = (old.spec ?? {}) as Dict;
  if (!deepEqual(sourceOf(spec), sourceOf(oldSpec))) {
    errs.push(field.forbidden('spec.persistentvolumesource', 'spec.persistentvolumesource is immutable after creation'));
  }
  errs.push(...validateImmutableField(spec.volumeMode, oldSpec.volumeMode, 'volumeMode'));
  if (oldSpec.nodeAffinity) errs.push(...validateImmutableField(spec.nodeAffinity, oldSpec.nodeAffinity, 'nodeAffinity'));
  return errs;
}

/** validatePersistentVolumeClaimSpec is ValidatePersistentVolumeClaimSpec. */
function validatePersistentVolumeClaimSpec(spec: Dict, path: string): FieldError[] {
  const errs = validateAccessModes(spec.accessModes, `${path}.accessModes`, 'at least 1 access mode is required');
  if (spec.selector) errs.push(...validateLabelSelector(spec.selector, `${path}.selector`));
  const requests = (spec.resources?.requests ?? {}) as Dict;
  if (!('storage' in requests)) errs.push(field.required(`${path}.resources[storage]`));
  else errs.push(...validatePositiveStorage(requests.storage, `${path}.resources[storage]`));
  errs.push(...validateClassName(spec.storageClassName, `${path}.storageClassName`));
  errs.push(...validateVolumeMode(spec.volumeMode, `${path}.volumeMode`));
  return errs;
}

/** validatePersistentVolumeClaim is ValidatePersistentVolumeClaim. */
export function validatePersistentVolumeClaim(obj: KubeObject): FieldError[] {
  const errs = validateObjectMeta(obj.metadata, true, nameIsDNSSubdomain);
  errs.push(...validatePersistentVolumeClaimSpec((obj.spec ?? {}) as Dict, 'spec'));
  return errs;
}

/** PVC_SPEC_IMMUTABLE is the message of ValidatePersistentVolumeClaimUpdate's spec check. */
export const PVC_SPEC_IMMUTABLE = 'spec is immutable after creation except resources.requests and volumeAttributesClassName for bound claims';

/**
 * validatePersistentVolumeClaimUpdate is ValidatePersistentVolumeClaimUpdate: the spec is
 * fixed, except that volumeName may be set once (binding), and a bound claim's storage
 * request may grow (expansion) but never shrink.
 */
export function validatePersistentVolumeClaimUpdate(obj: KubeObject, old: KubeObject): FieldError[] {
  const errs = validatePersistentVolumeClaim(obj);
  errs.push(...validateObjectMetaUpdate(obj.metadata, old.metadata));
  const spec = thaw((obj.spec ?? {}) as Dict);
  const oldSpec = thaw((old.spec ?? {}) as Dict);
  if (!oldSpec.volumeName) oldSpec.volumeName = spec.volumeName;
  const newSize = quantityOf(spec.resources?.requests?.storage);
  const oldSize = quantityOf(oldSpec.resources?.requests?.storage);
  if ((obj.status as Dict | undefined)?.phase === 'Bound' && spec.resources?.requests) {
    spec.resources.requests.storage = oldSpec.resources?.requests?.storage;
  }
  delete spec.volumeAttributesClassName;
  delete oldSpec.volumeAttributesClassName;
  if (!deepEqual(spec, oldSpec)) errs.push(field.forbidden('spec', PVC_SPEC_IMMUTABLE));
  // RecoverVolumeExpansionFailure (beta, on in v1.32): a request may shrink back, but not to the size the volume has.
  const statusSize = quantityOf((old.status as Dict | undefined)?.capacity?.storage);
  if (newSize && oldSize && newSize.cmp(oldSize) < 0 && statusSize && newSize.cmp(statusSize) <= 0) {
    errs.push(field.forbidden('spec.resources.requests.storage', 'field can not be less than status.capacity'));
  }
  return errs;
}
