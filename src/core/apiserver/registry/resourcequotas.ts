/**
 * resourcequotas: core/v1 ResourceQuota (pkg/registry/core/resourcequota) with the
 * `status` subresource. The resource quota controller fills status.hard and status.used;
 * the ResourceQuota admission plugin refuses what would go over spec.hard.
 */
import { clearStatus, define } from './define.ts';

export const resourcequotas = define({
  group: '',
  version: 'v1',
  resource: 'resourcequotas',
  kind: 'ResourceQuota',
  namespaced: true,
  shortNames: ['quota'],
  subresources: ['status'],
  hasStatus: true,
  prepareForCreate: clearStatus(),
});
