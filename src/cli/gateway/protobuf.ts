/**
 * decodeProtobufObject reads the few Kubernetes protobuf request bodies kubectl sends
 * (kubectl-wire.md §0.5, §7.5): `auth can-i` (SelfSubjectAccessReview), `auth can-i --list`
 * (SelfSubjectRulesReview), `auth whoami` (SelfSubjectReview), drain's DeleteOptions, and
 * `kubectl create deployment|configmap|namespace|serviceaccount|secret|pdb|ingress` and `kubectl autoscale`.
 *
 * The envelope is k8s.io/apimachinery/pkg/runtime/serializer/protobuf: the bytes "k8s\0" then
 * a runtime.Unknown {1 typeMeta {1 apiVersion, 2 kind}, 2 raw, 3 contentEncoding, 4 contentType}.
 * Messages are described below by field number, after the `protobuf:"..."` tags of the API
 * types (k8s.io/api/*\/generated.proto). Any other kind is answered 415 honestly.
 */
import { unsupportedMediaType } from '../../core/api/status.ts';
import { rfc3339 } from '../../core/api/time.ts';
import type { KubeObject } from '../../core/api/types.ts';

/** FieldType is how one protobuf field becomes JSON. */
type FieldType = 'string' | 'int' | 'int*' | 'bool' | 'bytes' | 'time' | 'stringMap' | 'bytesMap' | 'intOrString' | Message;
/**
 * Message maps field numbers to [json name, type, repeated?]. `int` drops zero like a Go
 * `omitempty` int; `int*` keeps it (a pointer field such as spec.replicas). An empty json
 * name is an embedded struct whose fields JSON inlines (IngressRule's IngressRuleValue).
 */
interface Message {
  [field: number]: [string, FieldType, boolean?];
}

const TIME: FieldType = 'time';
const OBJECT_META: Message = {
  1: ['name', 'string'], 2: ['generateName', 'string'], 3: ['namespace', 'string'], 5: ['uid', 'string'],
  6: ['resourceVersion', 'string'], 7: ['generation', 'int'], 8: ['creationTimestamp', TIME],
  11: ['labels', 'stringMap'], 12: ['annotations', 'stringMap'], 14: ['finalizers', 'string', true],
};
const RESOURCE_ATTRIBUTES: Message = {
  1: ['namespace', 'string'], 2: ['verb', 'string'], 3: ['group', 'string'], 4: ['version', 'string'],
  5: ['resource', 'string'], 6: ['subresource', 'string'], 7: ['name', 'string'],
};
const NON_RESOURCE_ATTRIBUTES: Message = { 1: ['path', 'string'], 2: ['verb', 'string'] };
const LABEL_SELECTOR_REQUIREMENT: Message = { 1: ['key', 'string'], 2: ['operator', 'string'], 3: ['values', 'string', true] };
const LABEL_SELECTOR: Message = { 1: ['matchLabels', 'stringMap'], 2: ['matchExpressions', LABEL_SELECTOR_REQUIREMENT, true] };
const CONTAINER_PORT: Message = { 1: ['name', 'string'], 2: ['hostPort', 'int'], 3: ['containerPort', 'int*'], 4: ['protocol', 'string'], 5: ['hostIP', 'string'] };
const ENV_VAR: Message = { 1: ['name', 'string'], 2: ['value', 'string'] };
const RESOURCE_REQUIREMENTS: Message = {};
const CONTAINER: Message = {
  1: ['name', 'string'], 2: ['image', 'string'], 3: ['command', 'string', true], 4: ['args', 'string', true],
  5: ['workingDir', 'string'], 6: ['ports', CONTAINER_PORT, true], 7: ['env', ENV_VAR, true],
  8: ['resources', RESOURCE_REQUIREMENTS], 13: ['terminationMessagePath', 'string'], 14: ['imagePullPolicy', 'string'],
};
const POD_SPEC: Message = {
  2: ['containers', CONTAINER, true], 3: ['restartPolicy', 'string'], 6: ['dnsPolicy', 'string'],
  7: ['nodeSelector', 'stringMap'], 8: ['serviceAccountName', 'string'],
};
const POD_TEMPLATE_SPEC: Message = { 1: ['metadata', OBJECT_META], 2: ['spec', POD_SPEC] };
const INGRESS_BACKEND: Message = {
  3: ['resource', { 1: ['apiGroup', 'string'], 2: ['kind', 'string'], 3: ['name', 'string'] }],
  4: ['service', { 1: ['name', 'string'], 2: ['port', { 1: ['name', 'string'], 2: ['number', 'int'] }] }],
};
const HTTP_INGRESS_PATH: Message = { 1: ['path', 'string'], 2: ['backend', INGRESS_BACKEND], 3: ['pathType', 'string'] };
const INGRESS_RULE: Message = { 1: ['host', 'string'], 2: ['', { 1: ['http', { 1: ['paths', HTTP_INGRESS_PATH, true] }] }] };
const DEPLOYMENT_STRATEGY: Message = { 1: ['type', 'string'] };
const DEPLOYMENT_SPEC: Message = {
  1: ['replicas', 'int*'], 2: ['selector', LABEL_SELECTOR], 3: ['template', POD_TEMPLATE_SPEC],
  4: ['strategy', DEPLOYMENT_STRATEGY], 5: ['minReadySeconds', 'int'], 6: ['revisionHistoryLimit', 'int*'],
  7: ['paused', 'bool'], 9: ['progressDeadlineSeconds', 'int*'],
};

/** KINDS lists the top-level messages we decode, by kind. */
const KINDS: Record<string, Message> = {
  SelfSubjectAccessReview: {
    1: ['metadata', OBJECT_META],
    2: ['spec', { 1: ['resourceAttributes', RESOURCE_ATTRIBUTES], 2: ['nonResourceAttributes', NON_RESOURCE_ATTRIBUTES] }],
  },
  SelfSubjectRulesReview: { 1: ['metadata', OBJECT_META], 2: ['spec', { 1: ['namespace', 'string'] }] },
  SelfSubjectReview: { 1: ['metadata', OBJECT_META] },
  DeleteOptions: { 1: ['gracePeriodSeconds', 'int*'], 4: ['propagationPolicy', 'string'] },
  Deployment: { 1: ['metadata', OBJECT_META], 2: ['spec', DEPLOYMENT_SPEC] },
  ConfigMap: { 1: ['metadata', OBJECT_META], 2: ['data', 'stringMap'], 3: ['binaryData', 'bytesMap'], 4: ['immutable', 'bool'] },
  Secret: { 1: ['metadata', OBJECT_META], 2: ['data', 'bytesMap'], 3: ['type', 'string'], 4: ['stringData', 'stringMap'], 5: ['immutable', 'bool'] },
  Namespace: { 1: ['metadata', OBJECT_META] },
  // autoscaling/v1, as `kubectl autoscale` sends it.
  HorizontalPodAutoscaler: {
    1: ['metadata', OBJECT_META],
    2: ['spec', {
      1: ['scaleTargetRef', { 1: ['kind', 'string'], 2: ['name', 'string'], 3: ['apiVersion', 'string'] }],
      2: ['minReplicas', 'int*'], 3: ['maxReplicas', 'int*'], 4: ['targetCPUUtilizationPercentage', 'int*'],
    }],
  },
  ServiceAccount: { 1: ['metadata', OBJECT_META] },
  // policy/v1 and networking.k8s.io/v1, as `kubectl create pdb|ingress` send them.
  PodDisruptionBudget: {
    1: ['metadata', OBJECT_META],
    2: ['spec', { 1: ['minAvailable', 'intOrString'], 2: ['selector', LABEL_SELECTOR], 3: ['maxUnavailable', 'intOrString'], 4: ['unhealthyPodEvictionPolicy', 'string'] }],
  },
  Ingress: {
    1: ['metadata', OBJECT_META],
    2: ['spec', { 1: ['defaultBackend', INGRESS_BACKEND], 2: ['tls', { 1: ['hosts', 'string', true], 2: ['secretName', 'string'] }, true], 3: ['rules', INGRESS_RULE, true], 4: ['ingressClassName', 'string'] }],
  },
};

/** Reader walks protobuf wire format. */
class Reader {
  pos = 0;
  constructor(readonly buf: Uint8Array, readonly end = buf.length) {}

  varint(): bigint {
    let result = 0n;
    let shift = 0n;
    for (;;) {
      if (this.pos >= this.end) throw unsupportedMediaType('application/vnd.kubernetes.protobuf (truncated varint)');
      const b = this.buf[this.pos++];
      result |= BigInt(b & 0x7f) << shift;
      if ((b & 0x80) === 0) return result;
      shift += 7n;
    }
  }

  bytes(): Uint8Array {
    const len = Number(this.varint());
    const out = this.buf.subarray(this.pos, this.pos + len);
    this.pos += len;
    return out;
  }

  /** fields yields [field number, wire type, value] until the end. */
  *fields(): Generator<[number, number, bigint | Uint8Array]> {
    while (this.pos < this.end) {
      const tag = Number(this.varint());
      const wire = tag & 7;
      const num = tag >>> 3;
      if (wire === 0) yield [num, wire, this.varint()];
      else if (wire === 2) yield [num, wire, this.bytes()];
      else if (wire === 1) this.pos += 8;
      else if (wire === 5) this.pos += 4;
      else throw unsupportedMediaType(`application/vnd.kubernetes.protobuf (wire type ${wire})`);
    }
  }
}

const utf8 = new TextDecoder();

/** decodeMessage turns a message into a JSON object, leaving out empty scalars like omitempty. */
function decodeMessage(bytes: Uint8Array, desc: Message): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [num, , value] of new Reader(bytes).fields()) {
    const field = desc[num];
    if (!field) continue;
    const [name, type, repeated] = field;
    const v = decodeValue(value, type);
    if (v === undefined) continue;
    if (name === '') Object.assign(out, v);
    else if (repeated) out[name] = [...((out[name] as unknown[] | undefined) ?? []), v];
    else if (type === 'stringMap' || type === 'bytesMap') out[name] = { ...(out[name] as object | undefined), ...(v as object) };
    else out[name] = v;
  }
  return out;
}

function decodeValue(value: bigint | Uint8Array, type: FieldType): unknown {
  if (typeof value === 'bigint') {
    if (type === 'bool') return value !== 0n ? true : undefined;
    if (type !== 'int' && type !== 'int*') return undefined;
    const n = Number(BigInt.asIntN(64, value));
    return n === 0 && type === 'int' ? undefined : n;
  }
  switch (type) {
    case 'string':
      return value.length > 0 ? utf8.decode(value) : undefined;
    case 'bytes':
      return Buffer.from(value).toString('base64');
    case 'time': {
      const t = decodeMessage(value, { 1: ['seconds', 'int'] });
      return typeof t.seconds === 'number' ? rfc3339(t.seconds * 1000) : undefined;
    }
    case 'intOrString': {
      // intstr.IntOrString {1 type, 2 intVal, 3 strVal}: type 1 is a string.
      const v = decodeMessage(value, { 1: ['type', 'int'], 2: ['intVal', 'int'], 3: ['strVal', 'string'] });
      return v.type === 1 ? (v.strVal ?? '') : (v.intVal ?? 0);
    }
    case 'stringMap':
    case 'bytesMap': {
      const entry = decodeMessage(value, { 1: ['key', 'string'], 2: ['value', type === 'stringMap' ? 'string' : 'bytes'] });
      return { [String(entry.key ?? '')]: entry.value ?? '' };
    }
    case 'int':
    case 'int*':
    case 'bool':
      return undefined;
    default:
      return decodeMessage(value, type);
  }
}

/** PROTOBUF_MAGIC prefixes every Kubernetes protobuf body: "k8s\0". */
const PROTOBUF_MAGIC = [0x6b, 0x38, 0x73, 0x00];

/** decodeProtobufObject decodes a Kubernetes protobuf body into a JSON object with apiVersion and kind. */
export function decodeProtobufObject(body: Uint8Array): KubeObject {
  if (body.length < 4 || PROTOBUF_MAGIC.some((b, i) => body[i] !== b)) {
    throw unsupportedMediaType('application/vnd.kubernetes.protobuf (missing the k8s envelope)');
  }
  const unknown = decodeMessage(body.subarray(4), {
    1: ['typeMeta', { 1: ['apiVersion', 'string'], 2: ['kind', 'string'] }],
    2: ['raw', 'bytes'],
  });
  const typeMeta = (unknown.typeMeta ?? {}) as { apiVersion?: string; kind?: string };
  const kind = typeMeta.kind ?? '';
  const desc = KINDS[kind];
  if (!desc) {
    throw unsupportedMediaType(`application/vnd.kubernetes.protobuf: kubeplay serve decodes protobuf only for ${Object.keys(KINDS).join(', ')}; got ${kind || 'an unknown kind'} (send JSON instead, e.g. kubectl create -f)`);
  }
  const raw = typeof unknown.raw === 'string' ? Buffer.from(unknown.raw, 'base64') : new Uint8Array();
  const obj = decodeMessage(raw, desc);
  return { apiVersion: typeMeta.apiVersion, kind, ...obj, metadata: (obj.metadata as KubeObject['metadata']) ?? {} } as KubeObject;
}
