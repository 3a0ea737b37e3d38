/**
 * statefulsets: apps/v1 StatefulSet (pkg/registry/apps/statefulset/strategy.go), with the
 * `scale` and `status` subresources. Status is the controller's (created as the zero
 * StatefulSetStatus, whose `replicas` and `availableReplicas` always serialise); spec
 * changes bump generation.
 */
import type { StatefulSet } from 'kubernetes-types/apps/v1';
import { labelSelectorString } from '../../api/labels.ts';
import { clearStatus, define } from './define.ts';

export const statefulsets = define({
  group: 'apps',
  version: 'v1',
  resource: 'statefulsets',
  kind: 'StatefulSet',
  namespaced: true,
  shortNames: ['sts'],
  categories: ['all'],
  subresources: ['scale', 'status'],
  hasStatus: true,
  generation: true,
  prepareForCreate: clearStatus({ availableReplicas: 0, replicas: 0 }),
  scale: {
    specReplicas: (o) => (o as StatefulSet).spec?.replicas ?? 0,
    setSpecReplicas: (o, n) => {
      (o as StatefulSet).spec = { ...(o as StatefulSet).spec!, replicas: n };
    },
    statusReplicas: (o) => (o as StatefulSet).status?.replicas ?? 0,
    selector: (o) => labelSelectorString((o as StatefulSet).spec?.selector),
  },
});
