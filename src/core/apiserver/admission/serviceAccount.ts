/**
 * ServiceAccount admission (plugin/pkg/admission/serviceaccount/admission.go, v1.32).
 *
 * On pod create: default `spec.serviceAccountName` (and the deprecated
 * `spec.serviceAccount`) to `default`, refuse the pod when its service account does not
 * exist, and mount the API credentials as the projected `kube-api-access-<5 random>`
 * volume in every container unless automounting is off. Mirror pods (static pods the
 * kubelet reports) get no service account, as upstream.
 */
import { admitServiceAccount, RANDOM_SUFFIX_ALPHABET } from '../../api/defaults/index.ts';
import { forbidden } from '../../api/status.ts';
import type { Namespace, Pod, ServiceAccount } from '../../api/types.ts';
import type { AdmissionAttributes, AdmissionPlugin } from '../admission.ts';
import type { ApiServer } from '../apiserver.ts';

/** MIRROR_POD_ANNOTATION marks a pod the kubelet mirrors from a static manifest. */
export const MIRROR_POD_ANNOTATION = 'kubernetes.io/config.mirror';

/** isPodCreate tells whether admission sees the creation of a pod (not a subresource). */
export function isPodCreate(attrs: AdmissionAttributes): boolean {
  const def = attrs.resource;
  return attrs.operation === 'CREATE' && def.group === '' && def.resource === 'pods' && attrs.subresource === '' && !!attrs.object;
}

/**
 * forbiddenPod is admission.NewForbidden for pods: before the name is generated the
 * message names the pod by its generateName (`pods "web-7f9c-" is forbidden: ...`).
 */
export function forbiddenPod(attrs: AdmissionAttributes, why: string) {
  const meta = attrs.object?.metadata;
  return forbidden('', 'pods', meta?.name || meta?.generateName || 'Unknown', why);
}

/** serviceAccountAdmission returns the plugin; it reads service accounts straight from storage (a live lookup). */
export function serviceAccountAdmission(server: ApiServer): AdmissionPlugin {
  return {
    name: 'ServiceAccount',
    admit(attrs) {
      if (!isPodCreate(attrs)) return;
      const pod = attrs.object as unknown as Pod;
      if (pod.metadata?.annotations?.[MIRROR_POD_ANNOTATION] !== undefined) return;
      const ns = attrs.namespace;
      const saName = pod.spec?.serviceAccountName || pod.spec?.serviceAccount || 'default';
      // NamespaceLifecycle refuses pods in missing or terminating namespaces first upstream
      // (it runs earlier in the chain); leave those to it rather than blaming the account.
      const namespace = server.store.get('namespaces', '', ns) as Namespace | undefined;
      if (!namespace || namespace.metadata?.deletionTimestamp) return;
      const sa = server.store.get('serviceaccounts', ns, saName) as ServiceAccount | undefined;
      if (!sa) {
        throw forbiddenPod(attrs, `error looking up service account ${ns}/${saName}: serviceaccount "${saName}" not found`);
      }
      if (pod.spec && !pod.spec.serviceAccountName) pod.spec.serviceAccountName = saName;
      // The account's imagePullSecrets go to pods that name none (upstream's Admit does this too).
      if (pod.spec && !(pod.spec.imagePullSecrets ?? []).length && (sa.imagePullSecrets ?? []).length) {
        pod.spec.imagePullSecrets = (sa.imagePullSecrets ?? []).map((r) => ({ name: r.name }));
      }
      admitServiceAccount(pod, server.random.string(5, RANDOM_SUFFIX_ALPHABET), sa.automountServiceAccountToken);
    },
  };
}
