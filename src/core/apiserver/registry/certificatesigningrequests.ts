/**
 * certificatesigningrequests: certificates.k8s.io/v1 CertificateSigningRequest (`csr`),
 * cluster-scoped, with the status and approval subresources. Stored only: no signer issues
 * certificates in the simulation (`kubectl certificate approve` is not served yet).
 */
import { clearStatus, define } from './define.ts';

export const certificatesigningrequests = define({
  group: 'certificates.k8s.io',
  version: 'v1',
  resource: 'certificatesigningrequests',
  kind: 'CertificateSigningRequest',
  namespaced: false,
  shortNames: ['csr'],
  subresources: ['approval', 'status'],
  hasStatus: true,
  prepareForCreate: clearStatus({}),
});
