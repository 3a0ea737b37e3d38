/**
 * services: the Service resource (pkg/registry/core/service). ClusterIP and NodePort
 * allocation live in core/network, attached as storage hooks.
 */
import type { Service } from '../../api/types.ts';
import { clearStatus, define } from './define.ts';

export const services = define({
  group: '',
  version: 'v1',
  resource: 'services',
  kind: 'Service',
  namespaced: true,
  shortNames: ['svc'],
  categories: ['all'],
  subresources: ['proxy', 'status'],
  hasStatus: true,
  prepareForCreate: clearStatus({ loadBalancer: {} }),
  fieldLabels: (o) => ({ 'spec.clusterIP': (o as Service).spec?.clusterIP ?? '', 'spec.type': (o as Service).spec?.type ?? '' }),
});
