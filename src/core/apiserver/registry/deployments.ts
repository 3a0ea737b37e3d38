/**
 * deployments: apps/v1 Deployment (pkg/registry/apps/deployment/strategy.go), with the
 * `scale` and `status` subresources. Status is the controller's; spec changes bump generation.
 */
import type { Deployment } from '../../api/types.ts';
import { labelSelectorString } from '../../api/labels.ts';
import { clearStatus, define } from './define.ts';

export const deployments = define({
  group: 'apps',
  version: 'v1',
  resource: 'deployments',
  kind: 'Deployment',
  namespaced: true,
  shortNames: ['deploy'],
  categories: ['all'],
  subresources: ['scale', 'status'],
  hasStatus: true,
  generation: true,
  prepareForCreate: clearStatus(),
  scale: {
    specReplicas: (o) => (o as Deployment).spec?.replicas ?? 0,
    setSpecReplicas: (o, n) => {
      (o as Deployment).spec = { ...(o as Deployment).spec!, replicas: n };
    },
    statusReplicas: (o) => (o as Deployment).status?.replicas ?? 0,
    selector: (o) => labelSelectorString((o as Deployment).spec?.selector),
  },
});
