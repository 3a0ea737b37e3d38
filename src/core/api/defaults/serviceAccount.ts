/**
 * What the ServiceAccount admission plugin adds to every new Pod
 * (plugin/pkg/admission/serviceaccount/admission.go, v1.32): the `default` service
 * account, and unless automounting is off, a projected `kube-api-access-xxxxx` volume
 * (token, cluster CA, namespace) mounted read-only in every container.
 */
import type { Pod, Volume } from 'kubernetes-types/core/v1';

/** SERVICE_ACCOUNT_MOUNT_PATH is where clients inside a pod find their credentials. */
export const SERVICE_ACCOUNT_MOUNT_PATH = '/var/run/secrets/kubernetes.io/serviceaccount';

/** RANDOM_SUFFIX_ALPHABET is utilrand's alphabet (no vowels, no confusable digits) for the 5-character suffix. */
export const RANDOM_SUFFIX_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

// The projected source of every kube-api-access volume is the same for every pod: one frozen
// object shared by all of them instead of eleven new objects per pod to build, freeze and
// keep. Stored pods are frozen anyway (the store's freeze and sharing skip a frozen part), and
// nothing between admission and the store changes a volume's source. Pod creates replayed
// (3,000-pod run, four rounds each way): ~48 -> ~44 us each.
const KUBE_API_ACCESS_PROJECTED: NonNullable<Volume['projected']> = frozen({
  sources: [
    { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
    { configMap: { name: 'kube-root-ca.crt', items: [{ key: 'ca.crt', path: 'ca.crt' }] } },
    { downwardAPI: { items: [{ path: 'namespace', fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' } }] } },
  ],
  defaultMode: 420,
});

/** frozen freezes a constant and everything in it (core/api does not reach into storage's deepFreeze). */
function frozen<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    for (const v of Object.values(value)) frozen(v);
    Object.freeze(value);
  }
  return value;
}

/** kubeAPIAccessVolume builds the projected volume; expirationSeconds 3607 is the plugin's value (one hour plus 7 s). */
export function kubeAPIAccessVolume(name: string): Volume {
  return { name, projected: KUBE_API_ACCESS_PROJECTED };
}

/**
 * admitServiceAccount sets serviceAccountName (and the deprecated serviceAccount) to
 * `default` when unset, and mounts the API credentials unless automountServiceAccountToken
 * is false on the pod or, when the pod does not say, on its service account.
 * `suffix` is the 5 random characters of the volume name (from the seeded Random).
 */
export function admitServiceAccount(pod: Pod, suffix: string, serviceAccountAutomount?: boolean): void {
  const spec = pod.spec;
  if (!spec) return;
  spec.serviceAccountName ||= 'default';
  spec.serviceAccount = spec.serviceAccountName;
  const automount = spec.automountServiceAccountToken ?? serviceAccountAutomount ?? true;
  if (!automount) return;
  // Reuse an existing kube-api-access-* volume (an update of an admitted pod) before naming a new one.
  const existing = (spec.volumes ?? []).find((v) => v.name.startsWith('kube-api-access-'));
  const name = existing?.name ?? `kube-api-access-${suffix}`;
  let needsVolume = false;
  for (const c of [...(spec.initContainers ?? []), ...(spec.containers ?? [])]) {
    // An existing mount at the default path means the user brings their own credentials.
    if ((c.volumeMounts ?? []).some((m) => m.mountPath === SERVICE_ACCOUNT_MOUNT_PATH)) continue;
    c.volumeMounts = [...(c.volumeMounts ?? []), { name, readOnly: true, mountPath: SERVICE_ACCOUNT_MOUNT_PATH }];
    needsVolume = true;
  }
  if (!existing && needsVolume) spec.volumes = [...(spec.volumes ?? []), kubeAPIAccessVolume(name)];
}
