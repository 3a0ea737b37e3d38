/**
 * Strategic-merge-patch metadata: which lists merge, by which key, and which
 * structs use retainKeys.
 *
 * Upstream reads `patchStrategy` / `patchMergeKey` struct tags from the Go types
 * (k8s.io/api/core/v1/types.go, apps/v1, batch/v1). We keep the same facts as a
 * data table. A field absent from the table is treated as upstream treats an
 * untagged field: objects merge key by key, lists are replaced whole.
 */

/** PatchStrategy is the value of a `patchStrategy` tag. */
export type PatchStrategy = 'merge' | 'replace' | 'retainKeys' | 'merge,retainKeys';

/**
 * PatchMeta describes one value in an object: a struct (`fields`), or a list
 * (`items` for its elements), with the strategy and merge key of the field holding it.
 */
export interface PatchMeta {
  readonly fields?: Readonly<Record<string, PatchMeta>>;
  readonly items?: PatchMeta;
  readonly strategy?: PatchStrategy;
  readonly mergeKey?: string;
}

/** emptyMeta is the metadata of an untagged field. */
export const emptyMeta: PatchMeta = Object.freeze({});

const mergeList = (mergeKey: string, items?: PatchMeta): PatchMeta => ({ strategy: 'merge', mergeKey, items });
const conditions = mergeList('type');

/** objectMetaPatchMeta: finalizers merge as a set; ownerReferences merge by uid. */
export const objectMetaPatchMeta: PatchMeta = {
  fields: {
    finalizers: { strategy: 'merge' },
    ownerReferences: mergeList('uid'),
  },
};

const containerPatchMeta: PatchMeta = {
  fields: {
    ports: mergeList('containerPort'),
    env: mergeList('name'),
    volumeMounts: mergeList('mountPath'),
    volumeDevices: mergeList('devicePath'),
  },
};

/** podSpecPatchMeta mirrors the tags on core/v1 PodSpec. NOTE: tolerations have no strategy upstream, so they are replaced whole. */
export const podSpecPatchMeta: PatchMeta = {
  fields: {
    volumes: { strategy: 'merge,retainKeys', mergeKey: 'name' },
    initContainers: mergeList('name', containerPatchMeta),
    containers: mergeList('name', containerPatchMeta),
    ephemeralContainers: mergeList('name', containerPatchMeta),
    imagePullSecrets: mergeList('name'),
    hostAliases: mergeList('ip'),
    topologySpreadConstraints: mergeList('topologyKey'),
    schedulingGates: mergeList('name'),
    resourceClaims: { strategy: 'merge,retainKeys', mergeKey: 'name' },
  },
};

const podStatusPatchMeta: PatchMeta = {
  fields: { conditions, podIPs: mergeList('ip'), hostIPs: mergeList('ip') },
};

const podTemplateSpecPatchMeta: PatchMeta = {
  fields: { metadata: objectMetaPatchMeta, spec: podSpecPatchMeta },
};

const withConditions: PatchMeta = { fields: { conditions } };

/** workload builds the metadata of a kind whose spec holds a pod template (Deployment, ReplicaSet, ...). */
function workload(specExtra: Record<string, PatchMeta> = {}): PatchMeta {
  return {
    fields: {
      metadata: objectMetaPatchMeta,
      spec: { fields: { template: podTemplateSpecPatchMeta, ...specExtra } },
      status: withConditions,
    },
  };
}

const jobSpecPatchMeta: PatchMeta = { fields: { template: podTemplateSpecPatchMeta } };

/** patchMetaByKind is the table the API server consults for `application/strategic-merge-patch+json`. */
export const patchMetaByKind: Readonly<Record<string, PatchMeta>> = {
  Pod: { fields: { metadata: objectMetaPatchMeta, spec: podSpecPatchMeta, status: podStatusPatchMeta } },
  PodTemplate: { fields: { metadata: objectMetaPatchMeta, template: podTemplateSpecPatchMeta } },
  Deployment: workload({ strategy: { strategy: 'retainKeys' } }),
  ReplicaSet: workload(),
  ReplicationController: workload(),
  StatefulSet: workload(),
  DaemonSet: workload(),
  Job: workload(),
  CronJob: {
    fields: {
      metadata: objectMetaPatchMeta,
      spec: { fields: { jobTemplate: { fields: { metadata: objectMetaPatchMeta, spec: jobSpecPatchMeta } } } },
    },
  },
  Service: {
    fields: { metadata: objectMetaPatchMeta, spec: { fields: { ports: mergeList('port') } }, status: withConditions },
  },
  Node: {
    fields: {
      metadata: objectMetaPatchMeta,
      spec: { fields: { podCIDRs: { strategy: 'merge' } } },
      status: { fields: { conditions, addresses: mergeList('type') } },
    },
  },
  Namespace: { fields: { metadata: objectMetaPatchMeta, status: withConditions } },
  PersistentVolumeClaim: { fields: { metadata: objectMetaPatchMeta, status: withConditions } },
  HorizontalPodAutoscaler: { fields: { metadata: objectMetaPatchMeta, status: withConditions } },
  ConfigMap: { fields: { metadata: objectMetaPatchMeta } },
  Secret: { fields: { metadata: objectMetaPatchMeta } },
  ServiceAccount: { fields: { metadata: objectMetaPatchMeta } },
  Endpoints: { fields: { metadata: objectMetaPatchMeta } },
  Event: { fields: { metadata: objectMetaPatchMeta } },
  Ingress: { fields: { metadata: objectMetaPatchMeta } },
  PersistentVolume: { fields: { metadata: objectMetaPatchMeta } },
  StorageClass: { fields: { metadata: objectMetaPatchMeta } },
  Lease: { fields: { metadata: objectMetaPatchMeta } },
  PodDisruptionBudget: { fields: { metadata: objectMetaPatchMeta, status: withConditions } },
  NetworkPolicy: { fields: { metadata: objectMetaPatchMeta } },
  EndpointSlice: { fields: { metadata: objectMetaPatchMeta } },
  Role: { fields: { metadata: objectMetaPatchMeta } },
  RoleBinding: { fields: { metadata: objectMetaPatchMeta } },
  ClusterRole: { fields: { metadata: objectMetaPatchMeta } },
  ClusterRoleBinding: { fields: { metadata: objectMetaPatchMeta } },
  LimitRange: { fields: { metadata: objectMetaPatchMeta } },
  ResourceQuota: { fields: { metadata: objectMetaPatchMeta } },
};

/**
 * patchMetaFor returns the strategic-merge metadata of a built-in kind, or
 * undefined for kinds without it (custom resources), for which upstream refuses
 * strategic merge patches and kubectl falls back to JSON merge patches.
 */
export function patchMetaFor(kind: string): PatchMeta | undefined {
  return patchMetaByKind[kind];
}

/** fieldMeta looks up a struct field (LookupPatchMetadataForStruct); untagged fields get emptyMeta. */
export function fieldMeta(meta: PatchMeta, field: string): PatchMeta {
  return meta.fields?.[field] ?? emptyMeta;
}

/** hasRetainKeys reports whether a strategy includes retainKeys. */
export function hasRetainKeys(meta: PatchMeta): boolean {
  return meta.strategy === 'retainKeys' || meta.strategy === 'merge,retainKeys';
}

/** isMergeList reports whether a list field merges (patchStrategy contains "merge"). */
export function isMergeList(meta: PatchMeta): boolean {
  return meta.strategy === 'merge' || meta.strategy === 'merge,retainKeys';
}

/** elementMeta is the metadata of a list's elements. */
export function elementMeta(meta: PatchMeta): PatchMeta {
  return meta.items ?? emptyMeta;
}
