/**
 * networkpolicies: networking.k8s.io/v1 NetworkPolicy (pkg/registry/networking/networkpolicy).
 * Stored and validated only: flannel, the default cluster's CNI, does not enforce
 * NetworkPolicy, so traffic is unaffected (see core/network/README.md).
 */
import type { FieldError } from '../../api/status.ts';
import type { KubeObject } from '../../api/types.ts';
import { validateNetworkPolicy, validateNetworkPolicyUpdate } from '../../api/validation/networking.ts';
import { define } from './define.ts';

type Port = { protocol?: string };
type Rule = { ports?: Port[] };

/**
 * defaultNetworkPolicy is SetDefaults_NetworkPolicy and SetDefaults_NetworkPolicyPort:
 * ports default to TCP; no policyTypes means Ingress, plus Egress when egress rules exist.
 */
export function defaultNetworkPolicy(obj: KubeObject): void {
  const spec = (obj.spec ??= {}) as { ingress?: Rule[]; egress?: Rule[]; policyTypes?: string[] };
  for (const rule of [...(spec.ingress ?? []), ...(spec.egress ?? [])]) {
    for (const port of rule.ports ?? []) port.protocol ??= 'TCP';
  }
  if ((spec.policyTypes ?? []).length === 0) {
    spec.policyTypes = ['Ingress'];
    if ((spec.egress ?? []).length > 0) spec.policyTypes.push('Egress');
  }
}

export const networkpolicies = define({
  group: 'networking.k8s.io',
  version: 'v1',
  resource: 'networkpolicies',
  kind: 'NetworkPolicy',
  namespaced: true,
  shortNames: ['netpol'],
  generation: true,
  defaulter: defaultNetworkPolicy,
  validate: validateNetworkPolicy as unknown as (obj: KubeObject) => FieldError[],
  validateUpdate: validateNetworkPolicyUpdate as unknown as (obj: KubeObject, old: KubeObject) => FieldError[],
});
