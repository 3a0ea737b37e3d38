/** cronjobs: batch/v1 CronJob (pkg/registry/batch/cronjob/strategy.go), with the `status` subresource. */
import { clearStatus, define } from './define.ts';

export const cronjobs = define({
  group: 'batch',
  version: 'v1',
  resource: 'cronjobs',
  kind: 'CronJob',
  namespaced: true,
  shortNames: ['cj'],
  categories: ['all'],
  subresources: ['status'],
  hasStatus: true,
  generation: true,
  prepareForCreate: clearStatus(),
});
