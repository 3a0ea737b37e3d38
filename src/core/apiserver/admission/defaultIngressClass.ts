/**
 * DefaultIngressClass admission (plugin/pkg/admission/network/defaultingressclass): an
 * Ingress created with neither `spec.ingressClassName` nor the legacy
 * `kubernetes.io/ingress.class` annotation gets the IngressClass annotated
 * `ingressclass.kubernetes.io/is-default-class: "true"` (the newest if several are).
 * A fresh kubeadm cluster has no IngressClass, so `kubectl get ing` shows CLASS <none>.
 */
import { newestDefaultClass } from '../../api/defaultClass.ts';
import type { KubeObject } from '../../api/types.ts';
import type { AdmissionPlugin } from '../admission.ts';
import type { ApiServer } from '../apiserver.ts';

/** IS_DEFAULT_INGRESS_CLASS_ANNOTATION marks the cluster's default IngressClass. */
export const IS_DEFAULT_INGRESS_CLASS_ANNOTATION = 'ingressclass.kubernetes.io/is-default-class';
const INGRESS_CLASS_ANNOTATION = 'kubernetes.io/ingress.class';

/** defaultIngressClass is getDefaultClass: the newest class marked default, then the lowest name. */
export function defaultIngressClass(classes: readonly KubeObject[]): KubeObject | undefined {
  return newestDefaultClass(classes, (c) => c.metadata.annotations?.[IS_DEFAULT_INGRESS_CLASS_ANNOTATION] === 'true');
}

/** defaultIngressClassAdmission returns the plugin. */
export function defaultIngressClassAdmission(server: ApiServer): AdmissionPlugin {
  return {
    name: 'DefaultIngressClass',
    admit(attrs) {
      const def = attrs.resource;
      if (attrs.operation !== 'CREATE' || def.group !== 'networking.k8s.io' || def.resource !== 'ingresses' || attrs.subresource !== '' || !attrs.object) return;
      const ing = attrs.object;
      const spec = (ing.spec ??= {}) as { ingressClassName?: string };
      if (spec.ingressClassName !== undefined && spec.ingressClassName !== null) return;
      if (ing.metadata.annotations?.[INGRESS_CLASS_ANNOTATION] !== undefined) return;
      const cls = defaultIngressClass(server.store.list('ingressclasses.networking.k8s.io').items);
      if (cls) spec.ingressClassName = cls.metadata.name;
    },
  };
}
