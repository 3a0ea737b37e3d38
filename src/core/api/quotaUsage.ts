/**
 * Resource quota usage: what the objects of a namespace use of each quota resource.
 *
 * Shared by the ResourceQuota admission plugin (which checks a new object against the
 * quota) and the resource quota controller (which writes status.used), after
 * pkg/quota/v1/evaluator/core (pods.go: requests.*, limits.*, pods; services.go;
 * object counts). Pure: callers pass the objects.
 */
import { Quantity } from './quantity.ts';
import type { KubeObject, Pod } from './types.ts';
import { parseTime } from './time.ts';

/** ResourceList maps a quota resource name to a quantity string. */
export type ResourceList = Record<string, string>;

/** COUNTED_KINDS maps the short quota names of object counts to their resources. */
export const OBJECT_COUNT_NAMES: Readonly<Record<string, string>> = {
  pods: 'pods',
  services: 'services',
  configmaps: 'configmaps',
  secrets: 'secrets',
  persistentvolumeclaims: 'persistentvolumeclaims',
  replicationcontrollers: 'replicationcontrollers',
  resourcequotas: 'resourcequotas',
};

/** podCountsForQuota is QuotaV1Pod: finished pods, and pods past their deletion grace, use nothing. */
export function podCountsForQuota(pod: Pod, now: number): boolean {
  const phase = pod.status?.phase;
  if (phase === 'Succeeded' || phase === 'Failed') return false;
  const deletion = parseTime(pod.metadata?.deletionTimestamp);
  if (!Number.isNaN(deletion) && now > deletion + (pod.metadata?.deletionGracePeriodSeconds ?? 0) * 1000) return false;
  return true;
}

const COMPUTE = ['cpu', 'memory', 'ephemeral-storage'];

/** podComputeUsage sums container requests and limits (requests.cpu, cpu, limits.memory, ...). */
export function podComputeUsage(pod: Pod): Record<string, Quantity> {
  const out: Record<string, Quantity> = {};
  const add = (key: string, v: string | number | undefined) => {
    if (v === undefined) return;
    const q = Quantity.parse(v);
    out[key] = out[key] ? out[key].add(q) : q;
  };
  for (const c of pod.spec?.containers ?? []) {
    for (const r of COMPUTE) {
      add(`requests.${r}`, c.resources?.requests?.[r]);
      add(r, c.resources?.requests?.[r]);
      add(`limits.${r}`, c.resources?.limits?.[r]);
    }
  }
  return out;
}

/** missingComputeResources lists, per quota resource, the containers that do not set it ("must specify"). */
export function missingComputeResources(pod: Pod, hard: ResourceList): Map<string, string[]> {
  const missing = new Map<string, string[]>();
  for (const key of Object.keys(hard)) {
    const [kind, res] = key.includes('.') ? key.split('.', 2) : ['requests', key];
    if (!COMPUTE.includes(res) || (kind !== 'requests' && kind !== 'limits')) continue;
    for (const c of pod.spec?.containers ?? []) {
      const list = kind === 'requests' ? c.resources?.requests : c.resources?.limits;
      if (list?.[res] === undefined) missing.set(key, [...(missing.get(key) ?? []), c.name]);
    }
  }
  return missing;
}

/** STORAGE_CLASS_QUOTA_INFIX joins a class name and a resource: `gold.storageclass.storage.k8s.io/requests.storage`. */
const STORAGE_CLASS_QUOTA_INFIX = '.storageclass.storage.k8s.io/';

/**
 * claimStorageUsage is the PersistentVolumeClaim evaluator (evaluator/core/persistent_volume_claims.go):
 * requests.storage, and per class `<class>.storageclass.storage.k8s.io/requests.storage` and
 * `.../persistentvolumeclaims`.
 */
export function claimStorageUsage(claim: KubeObject): Record<string, Quantity> {
  const spec = (claim.spec ?? {}) as { storageClassName?: string; resources?: { requests?: Record<string, string> } };
  const out: Record<string, Quantity> = {};
  const request = spec.resources?.requests?.storage;
  if (request !== undefined) out['requests.storage'] = Quantity.parse(request);
  const cls = claim.metadata.annotations?.['volume.beta.kubernetes.io/storage-class'] ?? spec.storageClassName;
  if (cls) {
    out[`${cls}${STORAGE_CLASS_QUOTA_INFIX}persistentvolumeclaims`] = Quantity.fromValue(1);
    if (request !== undefined) out[`${cls}${STORAGE_CLASS_QUOTA_INFIX}requests.storage`] = Quantity.parse(request);
  }
  return out;
}

/** objectUsage is what one object adds to each tracked resource of `hard`. */
export function objectUsage(resource: string, group: string, obj: KubeObject, hard: ResourceList): Record<string, Quantity> {
  const out: Record<string, Quantity> = {};
  const one = Quantity.fromValue(1);
  const countKey = group ? `count/${resource}.${group}` : `count/${resource}`;
  if (countKey in hard) out[countKey] = one;
  if (!group && OBJECT_COUNT_NAMES[resource] && resource in hard) out[resource] = one;
  if (!group && resource === 'pods') {
    for (const [k, v] of Object.entries(podComputeUsage(obj as unknown as Pod))) if (k in hard) out[k] = v;
  }
  if (!group && resource === 'persistentvolumeclaims') {
    for (const [k, v] of Object.entries(claimStorageUsage(obj))) if (k in hard) out[k] = v;
  }
  if (!group && resource === 'services') {
    const type = (obj.spec as { type?: string } | undefined)?.type;
    if (type === 'NodePort' && 'services.nodeports' in hard) out['services.nodeports'] = one;
    if (type === 'LoadBalancer' && 'services.loadbalancers' in hard) out['services.loadbalancers'] = one;
  }
  return out;
}

/** formatUsage renders quantities as a ResourceList, "0" for tracked resources with no usage. */
export function formatUsage(hard: ResourceList, used: Record<string, Quantity>): ResourceList {
  const out: ResourceList = {};
  for (const k of Object.keys(hard).sort()) out[k] = used[k]?.toString() ?? '0';
  return out;
}

/** Lister returns the objects of one resource in the namespace (empty if not served). */
export type Lister = (resource: string, group: string) => KubeObject[];

/** trackedResources lists the (resource, group) pairs whose objects add to `hard`. */
export function trackedResources(hard: ResourceList): Array<{ resource: string; group: string }> {
  const seen = new Map<string, { resource: string; group: string }>();
  const add = (resource: string, group: string) => seen.set(`${resource}.${group}`, { resource, group });
  for (const key of Object.keys(hard)) {
    if (key.startsWith('count/')) {
      const name = key.slice('count/'.length);
      const dot = name.indexOf('.');
      add(dot < 0 ? name : name.slice(0, dot), dot < 0 ? '' : name.slice(dot + 1));
    } else if (OBJECT_COUNT_NAMES[key]) add(key, '');
    else if (key.startsWith('services.')) add('services', '');
    else if (key === 'requests.storage' || key.includes(STORAGE_CLASS_QUOTA_INFIX)) add('persistentvolumeclaims', '');
    else add('pods', '');
  }
  return [...seen.values()];
}

/** namespaceUsage is what the quota controller computes: the summed usage of every tracked object. */
export function namespaceUsage(list: Lister, hard: ResourceList, now: number): Record<string, Quantity> {
  const used: Record<string, Quantity> = {};
  for (const { resource, group } of trackedResources(hard)) {
    for (const obj of list(resource, group)) {
      if (!group && resource === 'pods' && !podCountsForQuota(obj as unknown as Pod, now)) continue;
      for (const [k, v] of Object.entries(objectUsage(resource, group, obj, hard))) used[k] = used[k] ? used[k].add(v) : v;
    }
  }
  return used;
}
