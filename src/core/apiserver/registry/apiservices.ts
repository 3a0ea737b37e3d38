/**
 * apiservices: apiregistration.k8s.io/v1 APIService, cluster-scoped, in the `api-extensions`
 * category. One object per group/version the API server serves, named `<version>.<group>`
 * (`v1.` for the core group); see ../apiServiceRegistration.ts for who creates them.
 */
import { define } from './define.ts';

export const apiservices = define({
  group: 'apiregistration.k8s.io',
  version: 'v1',
  resource: 'apiservices',
  kind: 'APIService',
  namespaced: false,
  categories: ['api-extensions'],
  subresources: ['status'],
  hasStatus: true,
});
