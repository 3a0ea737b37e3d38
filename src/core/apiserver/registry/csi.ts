/**
 * The CSI kinds of storage.k8s.io/v1: CSIDriver, CSINode, VolumeAttachment (cluster-scoped)
 * and CSIStorageCapacity (namespaced). Stored only: the default cluster provisions volumes
 * with local-path, which is not a CSI driver, so nothing creates or reads these.
 */
import { clearStatus, define } from './define.ts';

const common = { group: 'storage.k8s.io', version: 'v1' };

export const csidrivers = define({ ...common, resource: 'csidrivers', kind: 'CSIDriver', namespaced: false });

export const csinodes = define({ ...common, resource: 'csinodes', kind: 'CSINode', namespaced: false });

export const csistoragecapacities = define({ ...common, resource: 'csistoragecapacities', kind: 'CSIStorageCapacity', namespaced: true });

export const volumeattachments = define({
  ...common,
  resource: 'volumeattachments',
  kind: 'VolumeAttachment',
  namespaced: false,
  subresources: ['status'],
  hasStatus: true,
  prepareForCreate: clearStatus({ attached: false }),
});
