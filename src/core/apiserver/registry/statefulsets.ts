/**
 * statefulsets: apps/v1 StatefulSet (pkg/registry/apps/statefulset/strategy.go), with the
 * `scale` and `status` subresources. Status is the controller's (created as the zero
 * StatefulSetStatus, whose `replicas` and `availableReplicas` always serialise); spec
 * changes bump generation. `updateStrategy.rollingUpdate.maxUnavailable` is dropped on
 * write (dropStatefulSetDisabledFields: MaxUnavailableStatefulSet is alpha and off in v1.32)
 * unless the stored object already had it.
 */
import type { StatefulSet } from 'kubernetes-types/apps/v1';
import { labelSelectorString } from '../../api/labels.ts';
import type { KubeObject } from '../../api/types.ts';
import { clearStatus, define } from './define.ts';

const initialStatus = clearStatus({ availableReplicas: 0, replicas: 0 });

function maxUnavailableOf(obj: KubeObject | undefined): unknown {
  return (obj as StatefulSet | undefined)?.spec?.updateStrategy?.rollingUpdate?.maxUnavailable;
}

/** dropDisabledFields removes the alpha maxUnavailable unless `old` used it already. */
function dropDisabledFields(obj: KubeObject, old?: KubeObject): void {
  const ru = (obj as StatefulSet).spec?.updateStrategy?.rollingUpdate;
  if (ru && ru.maxUnavailable !== undefined && maxUnavailableOf(old) === undefined) delete ru.maxUnavailable;
}

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
  prepareForCreate: (obj) => {
    initialStatus(obj);
    dropDisabledFields(obj);
  },
  prepareForUpdate: (obj, old) => dropDisabledFields(obj, old),
  scale: {
    specReplicas: (o) => (o as StatefulSet).spec?.replicas ?? 0,
    setSpecReplicas: (o, n) => {
      (o as StatefulSet).spec = { ...(o as StatefulSet).spec!, replicas: n };
    },
    statusReplicas: (o) => (o as StatefulSet).status?.replicas ?? 0,
    selector: (o) => labelSelectorString((o as StatefulSet).spec?.selector),
  },
});
