/**
 * Defaulters by `group/kind` ("" group for core): what the API server runs on every
 * create and update before validation, as the scheme's defaulting funcs do upstream.
 * Each defaulter mutates the object it is given; the caller passes a private clone.
 */
import type { KubeObject, Service } from '../types.ts';
import { defaultDaemonSet, defaultDeployment, defaultReplicaSet, defaultStatefulSet } from './apps.ts';
import { defaultHorizontalPodAutoscaler } from './autoscaling.ts';
import { defaultCronJob, defaultJob } from './batch.ts';
import { defaultPod } from './pod.ts';
import { defaultService, defaultServiceIPFamilies } from './service.ts';
import { defaultEndpointSlice, defaultEndpoints, defaultNamespace, defaultNode, defaultSecret } from './simple.ts';

export { defaultDaemonSet, defaultDeployment, defaultReplicaSet, defaultStatefulSet } from './apps.ts';
export { defaultCronJob, defaultJob } from './batch.ts';
export { defaultContainer, defaultImagePullPolicy, defaultProbe } from './container.ts';
export { defaultPod, defaultPodPriority, defaultTolerationSeconds, preparePodForCreate, DEFAULT_TOLERATION_SECONDS } from './pod.ts';
export { defaultPodSpec, defaultPodTemplateSpec } from './podSpec.ts';
export { podQOSClass } from './qos.ts';
export { defaultService, defaultServiceIPFamilies } from './service.ts';
export { defaultEndpointSlice, defaultEndpoints, defaultNamespace, defaultNode, defaultSecret, prepareNamespaceForCreate } from './simple.ts';
export { defaultVolume, DEFAULT_MODE } from './volume.ts';
export { mergeSecretStringData } from './secretData.ts';
export { base64String } from '../encoding.ts';

/** Defaulter mutates an object in place, filling the fields the API server defaults. */
export type Defaulter = (obj: KubeObject) => void;

const noDefaults: Defaulter = () => {};

/** defaultServiceAndFamilies: the '/Service' entry also fills the IP family fields, so a stored Service looks like a real one. */
const defaultServiceAndFamilies: Defaulter = (obj) => {
  defaultService(obj as Service);
  defaultServiceIPFamilies(obj as Service);
};

/** defaulters maps `group/kind` (e.g. "apps/Deployment", "/Pod" for core) to the kind's defaulter. */
export const defaulters: Readonly<Record<string, Defaulter>> = {
  '/Namespace': defaultNamespace as unknown as Defaulter,
  '/Node': defaultNode as unknown as Defaulter,
  '/Pod': defaultPod as unknown as Defaulter,
  '/Service': defaultServiceAndFamilies,
  '/Endpoints': defaultEndpoints as unknown as Defaulter,
  '/ConfigMap': noDefaults,
  '/Secret': defaultSecret as unknown as Defaulter,
  '/ServiceAccount': noDefaults,
  '/Event': noDefaults,
  'discovery.k8s.io/EndpointSlice': defaultEndpointSlice as unknown as Defaulter,
  'apps/Deployment': defaultDeployment as unknown as Defaulter,
  'apps/ReplicaSet': defaultReplicaSet as unknown as Defaulter,
  'apps/DaemonSet': defaultDaemonSet as unknown as Defaulter,
  'apps/StatefulSet': defaultStatefulSet as unknown as Defaulter,
  'coordination.k8s.io/Lease': noDefaults,
  'autoscaling/HorizontalPodAutoscaler': defaultHorizontalPodAutoscaler as unknown as Defaulter,
  'batch/Job': defaultJob as unknown as Defaulter,
  'batch/CronJob': defaultCronJob as unknown as Defaulter,
};

/** defaulterFor returns the defaulter for a group and kind (a no-op for kinds without defaults). */
export function defaulterFor(group: string, kind: string): Defaulter {
  return defaulters[`${group}/${kind}`] ?? noDefaults;
}
export { admitServiceAccount, kubeAPIAccessVolume, RANDOM_SUFFIX_ALPHABET, SERVICE_ACCOUNT_MOUNT_PATH } from './serviceAccount.ts';
