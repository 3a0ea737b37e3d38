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
  const { root, emitted } = compiled(group, kind);
  visit(obj, root);
  for (const [path, value] of emitted) fill(obj, path, 0, value);
}

/**
 * OmitNode is one step of the listed paths, merged into a trie so that a pod's ~110 paths
 * are walked once from the root instead of one by one (most of them run through
 * spec.containers[]): a pod create's omitEmpty was ~7% of the create.
 *
 * Dropping a field can only matter to a check of one of its ancestors (emptying it), so the
 * walk keeps, at each field, the list's order between the field's own check and the
 * paths below it: `before` are the children whose paths are all listed before the field's
 * own, `after` those listed after it (skipped when the field is dropped, as the later paths
 * found nothing). A child with paths on both sides has no such order: the lists have none,
 * and compiling one throws.
 */
interface OmitNode {
  /** step is a field name, or '[]' for every element of an array. */
  readonly step: string;
  /** own is the index in the list of this field's own path (undefined: only a prefix). */
  own: number | undefined;
  /** first and last are the lowest and highest index of a path through this node. */
  first: number;
  last: number;
  readonly children: OmitNode[];
  before: OmitNode[];
  after: OmitNode[];
}

/** visit applies the children of a trie node to the value at its position. */
function visit(value: unknown, node: OmitNode): void {
  for (const child of node.children) visitChild(value, child);
}

function visitChild(value: unknown, node: OmitNode): void {
  if (value === null || typeof value !== 'object') return;
  if (node.step === '[]') {
    if (Array.isArray(value)) for (const el of value) visit(el, node);
    return;
  }
  const rec = value as Record<string, unknown>;
  if (!(node.step in rec)) return;
  for (const child of node.before) visitChild(rec[node.step], child);
  if (node.own !== undefined && isZero(rec[node.step])) {
    delete rec[node.step];
    return;
  }
  for (const child of node.after) visitChild(rec[node.step], child);
}

/** split turns "a.b[].c" into ['a', 'b', '[]', 'c']: '[]' walks every element of the array at that point. */
function split(path: string): string[] {
  return path.split('.').flatMap((s) => (s.endsWith('[]') ? [s.slice(0, -2), '[]'] : [s]));
}

/** fill sets a missing struct-typed field to its encoding of the zero value. */
function fill(node: unknown, path: readonly string[], i: number, value: unknown): void {
  if (node === null || typeof node !== 'object') return;
  const step = path[i]!;
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

/** Compiled is a kind's paths: the trie of OMIT_EMPTY's and ALWAYS_EMITTED's split. */
interface Compiled {
  root: OmitNode;
  emitted: ReadonlyArray<readonly [readonly string[], unknown]>;
}

const cache = new Map<string, Compiled>();

function compiled(group: string, kind: string): Compiled {
  const key = `${group}/${kind}`;
  let c = cache.get(key);
  if (!c) {
    c = { root: trieOf(OMIT_EMPTY[key] ?? []), emitted: (ALWAYS_EMITTED[key] ?? []).map(([path, value]) => [split(path), value] as const) };
    cache.set(key, c);
  }
  return c;
}

/** trieOf merges paths into OmitNodes, children in the order of their first path. */
function trieOf(paths: readonly string[]): OmitNode {
  const node = (step: string, first: number): OmitNode => ({ step, own: undefined, first, last: first, children: [], before: [], after: [] });
  const root = node('', 0);
  paths.forEach((path, index) => {
    let at = root;
    for (const step of split(path)) {
      let next = at.children.find((c) => c.step === step);
      if (!next) at.children.push((next = node(step, index)));
      next.last = index;
      at = next;
    }
    at.own ??= index;
  });
  const settle = (n: OmitNode): void => {
    for (const c of n.children) {
      settle(c);
      if (n.own === undefined || c.first > n.own) n.after.push(c);
      else if (c.last < n.own) n.before.push(c);
      else throw new Error(`omitEmpty: paths below ${n.step} listed both before and after it`);
    }
  };
  settle(root);
  return root;
}

/** isZero is encoding/json's "empty value" test (false, 0, "", empty slice or map). */
function isZero(v: unknown): boolean {
  if (v === false || v === 0 || v === '') return true;
  if (Array.isArray(v)) return v.length === 0;
  if (v !== null && typeof v === 'object') return Object.keys(v).length === 0;
  return false;
}
