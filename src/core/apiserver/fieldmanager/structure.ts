/**
 * The structural facts server-side apply needs about each kind, from the v1.32 OpenAPI
 * extensions the API server builds its structured-merge-diff schema from:
 * `x-kubernetes-list-type` (atomic | set | map) with `x-kubernetes-list-map-keys`, and
 * `x-kubernetes-map-type: atomic`. Untagged lists are atomic; untagged objects are
 * granular maps.
 *
 * `zero` marks Go non-pointer struct fields: they exist (as `{}`) in the zero value of
 * their parent, so an Update that creates an object does not "add" them, and fieldsV1 shows
 * no `.` for them — `f:spec` has none, `f:rollingUpdate` (a pointer) has one.
 */

/** SsaType describes one value position. */
export interface SsaType {
  readonly fields?: Readonly<Record<string, SsaType>>;
  /** list semantics; absent = atomic for lists. */
  readonly list?: 'set' | { readonly keys: readonly string[] };
  /** item type of a list. */
  readonly items?: SsaType;
  /** atomic struct or map: owned and replaced as a whole. */
  readonly atomic?: boolean;
  /** present in the parent's Go zero value: as {} for a non-pointer struct, as null for a list without omitempty. */
  readonly zero?: boolean;
}

const leafStruct: SsaType = { atomic: true };
const mapList = (keys: string[], items?: SsaType): SsaType => ({ list: { keys }, items });
const conditions = mapList(['type']);
const zero = (fields: Record<string, SsaType> = {}): SsaType => ({ zero: true, fields });

const objectMeta: SsaType = zero({
  finalizers: { list: 'set' },
  ownerReferences: mapList(['uid'], leafStruct),
});

const container: SsaType = {
  fields: {
    ports: mapList(['containerPort', 'protocol']),
    env: mapList(['name'], { fields: { valueFrom: { fields: { configMapKeyRef: leafStruct, secretKeyRef: leafStruct, fieldRef: leafStruct, resourceFieldRef: leafStruct } } } }),
    envFrom: {},
    volumeMounts: mapList(['mountPath']),
    volumeDevices: mapList(['devicePath']),
    resources: { zero: true },
  },
};

const podSpec: SsaType = zero({
  // `json:"containers"` has no omitempty: the zero PodSpec holds `containers: null`, so
  // creating a pod does not "add" the list itself (no `.` under f:containers).
  containers: { ...mapList(['name'], container), zero: true },
  initContainers: mapList(['name'], container),
  ephemeralContainers: mapList(['name'], container),
  volumes: mapList(['name'], { fields: { configMap: { fields: { items: {} } }, secret: { fields: { items: {} } } } }),
  imagePullSecrets: mapList(['name'], leafStruct),
  hostAliases: mapList(['ip']),
  topologySpreadConstraints: mapList(['topologyKey', 'whenUnsatisfiable'], { fields: { labelSelector: leafStruct } }),
  schedulingGates: mapList(['name']),
  resourceClaims: mapList(['name']),
});

const podTemplateSpec: SsaType = zero({ metadata: objectMeta, spec: podSpec });

const podStatus: SsaType = zero({
  conditions,
  podIPs: mapList(['ip']),
  hostIPs: mapList(['ip']),
});

/** workload is a kind whose spec carries a selector and a pod template. */
function workload(spec: Record<string, SsaType> = {}): SsaType {
  return {
    fields: {
      metadata: objectMeta,
      spec: zero({ selector: leafStruct, template: podTemplateSpec, ...spec }),
      status: zero({ conditions }),
    },
  };
}

const plain: SsaType = { fields: { metadata: objectMeta } };

const byKind: Readonly<Record<string, SsaType>> = {
  Pod: { fields: { metadata: objectMeta, spec: podSpec, status: podStatus } },
  PodTemplate: { fields: { metadata: objectMeta, template: podTemplateSpec } },
  Deployment: workload({ strategy: zero() }),
  ReplicaSet: workload(),
  ReplicationController: { fields: { metadata: objectMeta, spec: zero({ template: { fields: { metadata: objectMeta, spec: podSpec } } }), status: zero({ conditions }) } },
  DaemonSet: workload({ updateStrategy: zero() }),
  StatefulSet: workload({ updateStrategy: zero(), volumeClaimTemplates: {} }),
  Job: workload(),
  CronJob: { fields: { metadata: objectMeta, spec: zero({ jobTemplate: zero({ metadata: objectMeta, spec: zero({ selector: leafStruct, template: podTemplateSpec }) }) }), status: zero() } },
  Service: {
    fields: {
      metadata: objectMeta,
      spec: zero({ ports: mapList(['port', 'protocol']), selector: leafStruct }),
      status: zero({ loadBalancer: zero(), conditions }),
    },
  },
  Node: { fields: { metadata: objectMeta, spec: zero({ podCIDRs: { list: 'set' } }), status: zero({ conditions, addresses: mapList(['type']) }) } },
  Namespace: { fields: { metadata: objectMeta, spec: zero(), status: zero({ conditions }) } },
  PersistentVolumeClaim: { fields: { metadata: objectMeta, spec: zero({ selector: leafStruct, resources: zero() }), status: zero({ conditions }) } },
  HorizontalPodAutoscaler: { fields: { metadata: objectMeta, spec: zero({ scaleTargetRef: zero() }), status: zero({ conditions }) } },
  PodDisruptionBudget: { fields: { metadata: objectMeta, spec: zero({ selector: leafStruct }), status: zero({ conditions }) } },
  Ingress: { fields: { metadata: objectMeta, spec: zero(), status: zero({ loadBalancer: zero() }) } },
  NetworkPolicy: { fields: { metadata: objectMeta, spec: zero({ podSelector: { zero: true, atomic: true } }) } },
};

/** ssaTypeOf returns the structure of a kind (ObjectMeta alone for kinds without a table entry). */
export function ssaTypeOf(kind: string): SsaType {
  return byKind[kind] ?? plain;
}

/** fieldType is the type of a struct field (untagged fields have no facts). */
export function fieldType(t: SsaType | undefined, field: string): SsaType | undefined {
  return t?.fields?.[field];
}
