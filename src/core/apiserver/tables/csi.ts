/** Tables of the storage.k8s.io CSI kinds from printers.go: csidrivers, csinodes, volumeattachments, csistoragecapacities. */
import { age, type Dict } from './cells.ts';
import { ageColumn, column, nameColumn, type TableDefinition } from './tableDefinition.ts';

/** csiDriverTable: NAME, ATTACHREQUIRED, PODINFOONMOUNT, STORAGECAPACITY, TOKENREQUESTS, REQUIRESREPUBLISH, MODES, AGE. */
export const csiDriverTable: TableDefinition = {
  columns: [
    nameColumn,
    column('AttachRequired', 'boolean', 'Indicates this CSI volume driver requires an attach operation, and that Kubernetes should call attach and wait for any attach operation to complete before proceeding to mount.'),
    column('PodInfoOnMount', 'boolean', 'Indicates this CSI volume driver requires additional pod information (like podName, podUID, etc.) during mount operations.'),
    column('StorageCapacity', 'boolean', 'Indicates that the CSI volume driver wants pod scheduling to consider the storage capacity that the driver deployment will report.'),
    column('TokenRequests', 'string', 'Indicates the CSI driver needs pods service account tokens it is mounting volume for to do necessary authentication.'),
    column('RequiresRepublish', 'boolean', 'Indicates the CSI driver wants NodePublishVolume being periodically called.'),
    column('Modes', 'string', 'Defines what kind of volumes this CSI volume driver supports.'),
    ageColumn,
  ],
  row(obj, now) {
    const spec = (obj as Dict).spec ?? {};
    const audiences = (spec.tokenRequests ?? []).map((t: Dict) => t.audience);
    const modes: string[] = spec.volumeLifecycleModes ?? [];
    return [
      obj.metadata.name,
      spec.attachRequired ?? true,
      spec.podInfoOnMount ?? false,
      spec.storageCapacity ?? false,
      audiences.length > 0 ? audiences.join(',') : '<unset>',
      spec.requiresRepublish ?? false,
      modes.length > 0 ? modes.join(',') : '<none>',
      age(obj, now),
    ];
  },
};

/** csiNodeTable: NAME, DRIVERS, AGE. */
export const csiNodeTable: TableDefinition = {
  columns: [nameColumn, column('Drivers', 'integer', 'Drivers indicates the number of CSI drivers registered on the node'), ageColumn],
  row: (obj, now) => [obj.metadata.name, ((obj as Dict).spec?.drivers ?? []).length, age(obj, now)],
};

/** volumeAttachmentTable: NAME, ATTACHER, PV, NODE, ATTACHED, AGE. */
export const volumeAttachmentTable: TableDefinition = {
  columns: [
    nameColumn,
    column('Attacher', 'string', 'Attacher indicates the name of the volume driver that MUST handle this request.'),
    column('PV', 'string', 'Name of the persistent volume to attach.'),
    column('Node', 'string', 'The node that the volume should be attached to.'),
    column('Attached', 'boolean', 'Indicates the volume is successfully attached.'),
    ageColumn,
  ],
  row(obj, now) {
    const va = obj as Dict;
    return [obj.metadata.name, va.spec?.attacher ?? '', va.spec?.source?.persistentVolumeName ?? '', va.spec?.nodeName ?? '', va.status?.attached ?? false, age(obj, now)];
  },
};

/** csiStorageCapacityTable: NAME, STORAGECLASSNAME, CAPACITY, AGE. */
export const csiStorageCapacityTable: TableDefinition = {
  columns: [
    nameColumn,
    column('StorageClassName', 'string', 'The name of the StorageClass that the reported capacity applies to.'),
    column('Capacity', 'string', 'The value reported by the CSI driver in its GetCapacityResponse.'),
    ageColumn,
  ],
  row(obj, now) {
    const c = obj as Dict;
    return [obj.metadata.name, c.storageClassName ?? '', c.capacity ?? '<unset>', age(obj, now)];
  },
};
