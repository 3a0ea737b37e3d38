/**
 * ingresses: networking.k8s.io/v1 Ingress (pkg/registry/networking/ingress). Store only: a
 * kubeadm cluster runs no ingress controller, so nothing fills status.loadBalancer and
 * `kubectl get ing` shows no ADDRESS until one is installed (see core/network/README.md).
 */
import type { Ingress } from 'kubernetes-types/networking/v1';
import type { FieldError } from '../../api/status.ts';
import type { KubeObject } from '../../api/types.ts';
import { validateIngress, validateIngressUpdate } from '../../api/validation/networking.ts';
import { clearStatus, define } from './define.ts';

export const ingresses = define({
  group: 'networking.k8s.io',
  version: 'v1',
  resource: 'ingresses',
  kind: 'Ingress',
  namespaced: true,
  shortNames: ['ing'],
  subresources: ['status'],
  hasStatus: true,
  generation: true,
  prepareForCreate: clearStatus({ loadBalancer: {} }),
  validate: validateIngress as unknown as (obj: KubeObject) => FieldError[],
  validateUpdate: validateIngressUpdate as unknown as (obj: KubeObject, old: KubeObject) => FieldError[],
  // The status strategy checks metadata only here (upstream also checks loadBalancer IPs).
  validateStatusUpdate: (obj, old) => validateIngressUpdate(obj as unknown as Ingress, old as unknown as Ingress).filter((e) => e.field.startsWith('metadata')),
});
