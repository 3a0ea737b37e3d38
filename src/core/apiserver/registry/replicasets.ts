/**
 * replicasets: apps/v1 ReplicaSet (pkg/registry/apps/replicaset/strategy.go).
 */
import type { ReplicaSet } from '../../api/types.ts';
import { labelSelectorString } from '../../api/labels.ts';
import { clearStatus, define } from './define.ts';

export const replicasets = define({
  group: 'apps',
  version: 'v1',
  resource: 'replicasets',
  kind: 'ReplicaSet',
  namespaced: true,
  shortNames: ['rs'],
  categories: ['all'],
  subresources: ['scale', 'status'],
  hasStatus: true,
  generation: true,
  prepareForCreate: clearStatus({ replicas: 0 }),
  fieldLabels: (o) => ({ 'status.replicas': String((o as ReplicaSet).status?.replicas ?? 0) }),
  scale: {
    specReplicas: (o) => (o as ReplicaSet).spec?.replicas ?? 0,
    setSpecReplicas: (o, n) => {
      (o as ReplicaSet).spec = { ...(o as ReplicaSet).spec!, replicas: n };
    },
    statusReplicas: (o) => (o as ReplicaSet).status?.replicas ?? 0,
    selector: (o) => labelSelectorString((o as ReplicaSet).spec?.selector),
  },
});
