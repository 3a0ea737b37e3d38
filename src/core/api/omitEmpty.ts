/**
 * omitEmpty drops what Go's encoding/json would not write: zero values of `omitempty`
 * fields that are not pointers (false, 0, "", empty slices and maps). An API server
 * decodes a request into Go structs and stores their JSON encoding, so a merge patch
 * `{"spec":{"paused":false}}` leaves no `paused` key (DeploymentSpec.Paused is
 * `bool json:"paused,omitempty"`), while `spec.replicas: 0` (a `*int32`) and
 * `containerPort: 0` (no omitempty) keep their zeroes.
 *
 * Neither the OpenAPI document nor @kubernetes/client-node says which fields are
 * `omitempty` non-pointers, so the common ones of k8s.io/api v1.32 (types.go tags) are
 * listed here as data. Fields not listed are kept as sent: that errs towards showing a
 * zero the real server would have dropped, never towards losing a value it keeps.
 */
import type { KubeObject } from './types.ts';

/** CONTAINER lists container fields (core/v1 Container) dropped when zero. */
const CONTAINER = [
  'image', 'command', 'args', 'workingDir', 'ports', 'envFrom', 'env', 'volumeMounts', 'volumeDevices',
  'terminationMessagePath', 'terminationMessagePolicy', 'imagePullPolicy', 'stdin', 'stdinOnce', 'tty',
  'ports[].hostPort', 'ports[].name', 'ports[].protocol', 'ports[].hostIP',
  'env[].value',
  'volumeMounts[].readOnly', 'volumeMounts[].subPath', 'volumeMounts[].subPathExpr',
  'resources.limits', 'resources.requests',
  ...['livenessProbe', 'readinessProbe', 'startupProbe'].flatMap((p) =>
    ['initialDelaySeconds', 'timeoutSeconds', 'periodSeconds', 'successThreshold', 'failureThreshold'].map((f) => `${p}.${f}`)),
];

/** POD_SPEC lists PodSpec fields dropped when zero (relative to the spec). */
const POD_SPEC = [
  'volumes', 'initContainers', 'ephemeralContainers', 'imagePullSecrets', 'tolerations', 'nodeSelector', 'hostAliases',
  'topologySpreadConstraints', 'readinessGates',
  'restartPolicy', 'dnsPolicy', 'serviceAccountName', 'serviceAccount', 'nodeName', 'hostNetwork', 'hostPID', 'hostIPC',
  'hostname', 'subdomain', 'schedulerName', 'priorityClassName',
  ...['containers', 'initContainers'].flatMap((c) => CONTAINER.map((f) => `${c}[].${f}`)),
];

/** META lists ObjectMeta fields dropped when zero. */
const META = ['metadata.labels', 'metadata.annotations', 'metadata.finalizers', 'metadata.ownerReferences', 'metadata.generateName', 'metadata.generation'];

const under = (prefix: string, fields: string[]): string[] => fields.map((f) => `${prefix}.${f}`);
const TEMPLATE = [...under('spec.template.spec', POD_SPEC), 'spec.template.metadata.labels', 'spec.template.metadata.annotations'];

/** OMIT_EMPTY maps "group/Kind" to the paths ("a.b[].c") whose zero values are not stored. */
export const OMIT_EMPTY: Readonly<Record<string, readonly string[]>> = {
  '/Pod': [...META, ...under('spec', POD_SPEC)],
  '/ReplicationController': [...META, 'spec.minReadySeconds', ...TEMPLATE],
  'apps/Deployment': [...META, 'spec.paused', 'spec.minReadySeconds', ...TEMPLATE],
  'apps/ReplicaSet': [...META, 'spec.minReadySeconds', ...TEMPLATE],
  'apps/DaemonSet': [...META, 'spec.minReadySeconds', ...TEMPLATE],
  'apps/StatefulSet': [...META, 'spec.minReadySeconds', 'spec.podManagementPolicy', ...TEMPLATE],
  'batch/Job': [...META, ...TEMPLATE],
  'batch/CronJob': [...META, ...under('spec.jobTemplate.spec.template.spec', POD_SPEC)],
  '/Service': [
    ...META, 'spec.ports', 'spec.selector', 'spec.clusterIP', 'spec.externalName', 'spec.loadBalancerIP', 'spec.sessionAffinity',
    'spec.externalTrafficPolicy', 'spec.publishNotReadyAddresses', 'spec.healthCheckNodePort',
    'spec.ports[].name', 'spec.ports[].protocol', 'spec.ports[].nodePort',
  ],
  '/Node': [...META, 'spec.unschedulable', 'spec.podCIDR', 'spec.providerID', 'spec.taints'],
  '/ConfigMap': [...META, 'data', 'binaryData'],
  '/Secret': [...META, 'data', 'type'],
  '/Namespace': META,
  '/ServiceAccount': [...META, 'secrets', 'imagePullSecrets'],
};

/**
 * ALWAYS_EMITTED is the other half of Go's encoding: a struct-typed field is written even
 * when empty (omitempty never omits a struct), so a container without resources shows
 * `resources: {}` and a pod template without a creation time shows
 * `creationTimestamp: null` (metav1.Time zero). Paths as in OMIT_EMPTY; the last step is
 * filled with the value when missing, under parents that exist (`metadata` is created).
 */
const CONTAINERS_RESOURCES = ['containers[].resources', 'initContainers[].resources'];
const templateEmitted = (prefix: string): Array<[string, unknown]> => [
  [`${prefix}.metadata.creationTimestamp`, null],
  ...CONTAINERS_RESOURCES.map((p): [string, unknown] => [`${prefix}.spec.${p}`, {}]),
];
export const ALWAYS_EMITTED: Readonly<Record<string, ReadonlyArray<readonly [string, unknown]>>> = {
  '/Pod': CONTAINERS_RESOURCES.map((p) => [`spec.${p}`, {}] as const),
  '/ReplicationController': templateEmitted('spec.template'),
  'apps/Deployment': templateEmitted('spec.template'),
  'apps/ReplicaSet': templateEmitted('spec.template'),
  'apps/DaemonSet': templateEmitted('spec.template'),
  'apps/StatefulSet': templateEmitted('spec.template'),
  'batch/Job': templateEmitted('spec.template'),
  'batch/CronJob': [['spec.jobTemplate.metadata.creationTimestamp', null], ...templateEmitted('spec.jobTemplate.spec.template')],
};

/** omitEmpty removes, in place, the zero values of `omitempty` fields of a group/kind. */
export function omitEmpty(group: string, kind: string, obj: KubeObject): void {
  // Only the listed built-in kinds: custom resources are stored as sent (unstructured JSON).
  const paths = compiled(group, kind);
  for (const path of paths) drop(obj as unknown as Record<string, unknown>, path, 0);
  for (const [path, value] of ALWAYS_EMITTED[`${group}/${kind}`] ?? []) fill(obj, split(path), 0, value);
}

/** split turns "a.b[].c" into ['a', 'b', '[]', 'c']: '[]' walks every element of the array at that point. */
function split(path: string): string[] {
  return path.split('.').flatMap((s) => (s.endsWith('[]') ? [s.slice(0, -2), '[]'] : [s]));
}

/** fill sets a missing struct-typed field to its encoding of the zero value. */
function fill(node: unknown, path: string[], i: number, value: unknown): void {
  if (node === null || typeof node !== 'object') return;
  const step = path[i];
  if (step === '[]') {
    if (Array.isArray(node)) for (const el of node) fill(el, path, i + 1, value);
    return;
  }
  const rec = node as Record<string, unknown>;
  if (i === path.length - 1) {
    if (!(step in rec)) rec[step] = value !== null && typeof value === 'object' ? { ...value } : value;
    return;
  }
  if (rec[step] === undefined && step === 'metadata') rec[step] = {};
  fill(rec[step], path, i + 1, value);
}

const cache = new Map<string, string[][]>();

function compiled(group: string, kind: string): string[][] {
  const key = `${group}/${kind}`;
  let paths = cache.get(key);
  if (!paths) {
    paths = (OMIT_EMPTY[key] ?? []).map(split);
    cache.set(key, paths);
  }
  return paths;
}

function drop(node: unknown, path: string[], i: number): void {
  if (node === null || typeof node !== 'object') return;
  const step = path[i];
  if (step === '[]') {
    if (Array.isArray(node)) for (const el of node) drop(el, path, i + 1);
    return;
  }
  const rec = node as Record<string, unknown>;
  if (!(step in rec)) return;
  if (i === path.length - 1) {
    if (isZero(rec[step])) delete rec[step];
    return;
  }
  drop(rec[step], path, i + 1);
}

/** isZero is encoding/json's "empty value" test (false, 0, "", empty slice or map). */
function isZero(v: unknown): boolean {
  if (v === false || v === 0 || v === '') return true;
  if (Array.isArray(v)) return v.length === 0;
  if (v !== null && typeof v === 'object') return Object.keys(v).length === 0;
  return false;
}
