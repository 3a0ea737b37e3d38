/**
 * admissionregistration.k8s.io/v1: MutatingWebhookConfiguration, ValidatingWebhookConfiguration,
 * ValidatingAdmissionPolicy (GA in v1.30) and ValidatingAdmissionPolicyBinding. Stored and
 * listed only: the simulated API server calls no webhooks and evaluates no CEL policies.
 * All are cluster-scoped and in the `api-extensions` category, as upstream registers them.
 */
import { define } from './define.ts';

const common = { group: 'admissionregistration.k8s.io', version: 'v1', namespaced: false, categories: ['api-extensions'], generation: true };

export const mutatingwebhookconfigurations = define({ ...common, resource: 'mutatingwebhookconfigurations', kind: 'MutatingWebhookConfiguration' });

export const validatingwebhookconfigurations = define({ ...common, resource: 'validatingwebhookconfigurations', kind: 'ValidatingWebhookConfiguration' });

export const validatingadmissionpolicies = define({
  ...common,
  resource: 'validatingadmissionpolicies',
  kind: 'ValidatingAdmissionPolicy',
  subresources: ['status'],
  hasStatus: true,
});

export const validatingadmissionpolicybindings = define({
  ...common,
  resource: 'validatingadmissionpolicybindings',
  kind: 'ValidatingAdmissionPolicyBinding',
});
