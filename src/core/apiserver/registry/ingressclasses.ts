/**
 * ingressclasses: cluster-scoped networking.k8s.io/v1 IngressClass
 * (pkg/registry/networking/ingressclass). SetDefaults_IngressClass gives parameters a
 * Cluster scope; the controller name is immutable. The DefaultIngressClass admission
 * plugin (admission/defaultIngressClass.ts) reads the is-default-class annotation.
 */
import type { FieldError } from '../../api/status.ts';
import type { KubeObject } from '../../api/types.ts';
import { validateIngressClass, validateIngressClassUpdate } from '../../api/validation/networking.ts';
import { define } from './define.ts';

/** defaultIngressClass is SetDefaults_IngressClass. */
export function defaultIngressClass(obj: KubeObject): void {
  const params = (obj.spec as { parameters?: { scope?: string } } | undefined)?.parameters;
  if (params && params.scope === undefined) params.scope = 'Cluster';
}

export const ingressclasses = define({
  group: 'networking.k8s.io',
  version: 'v1',
  resource: 'ingressclasses',
  kind: 'IngressClass',
  namespaced: false,
  generation: true,
  defaulter: defaultIngressClass,
  validate: validateIngressClass as unknown as (obj: KubeObject) => FieldError[],
  validateUpdate: validateIngressClassUpdate as unknown as (obj: KubeObject, old: KubeObject) => FieldError[],
});
