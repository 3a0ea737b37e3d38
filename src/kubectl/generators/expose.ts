/**
 * `kubectl expose (TYPE NAME | -f FILE) [--port] [--target-port] [--protocol] [--type] [--name] [--selector] [--labels]`
 *
 * Models staging/src/k8s.io/kubectl/pkg/cmd/expose/expose.go with the ServiceGeneratorV2
 * (generate/versioned/service.go): the selector comes from the object (pod labels,
 * workload matchLabels, service selector), ports from its containers or service ports.
 */
import type { KubeObject } from '../../core/api/types.ts';
import type { GeneratorContext } from './context.ts';
import { objectMeta, parseKeyValueList, sortedRecord, type GeneratedObject } from './meta.ts';
import { UsageError } from './usageError.ts';

/** ExposeFlags are the parsed flags of `kubectl expose` that shape the Service. */
export interface ExposeFlags {
  /** --port: the service port (default: introspected from the object). */
  port?: string;
  /** --target-port: number or name (default: same as port). */
  targetPort?: string;
  /** --protocol: TCP, UDP or SCTP (default: from the object, else TCP). */
  protocol?: string;
  /** --type: ClusterIP, NodePort, LoadBalancer or ExternalName. */
  type?: string;
  /** --name: service name (default: the object's name). */
  name?: string;
  /** --selector: "k=v,..." (default: introspected). */
  selector?: string;
  /** -l, --labels: service labels (default: the object's labels). */
  labels?: string;
  /** --cluster-ip, --external-ip, --load-balancer-ip, --session-affinity. */
  clusterIp?: string;
  externalIp?: string;
  loadBalancerIp?: string;
  sessionAffinity?: string;
}

interface PortInfo {
  port: number;
  protocol: string;
}

function podSpecOf(obj: KubeObject): { containers?: Array<{ ports?: Array<{ containerPort: number; protocol?: string }> }> } | undefined {
  if (obj.kind === 'Pod') return obj.spec as never;
  return (obj.spec as { template?: { spec?: never } } | undefined)?.template?.spec;
}

/** selectorOf is kubectl's MapBasedSelectorForObject. */
function selectorOf(obj: KubeObject): Record<string, string> {
  const spec = (obj.spec ?? {}) as { selector?: Record<string, unknown> & { matchLabels?: Record<string, string>; matchExpressions?: unknown[] } };
  switch (obj.kind) {
    case 'Pod':
      if (!obj.metadata.labels || Object.keys(obj.metadata.labels).length === 0) {
        throw new UsageError(`couldn't retrieve selectors via --selector flag or introspection: the pod has no labels and cannot be exposed`);
      }
      return obj.metadata.labels;
    case 'Service':
    case 'ReplicationController':
      if (!spec.selector) throw new UsageError(`couldn't retrieve selectors via --selector flag or introspection: the ${obj.kind.toLowerCase()} has no pod selector set`);
      return spec.selector as Record<string, string>;
    case 'Deployment':
    case 'ReplicaSet':
      if (spec.selector?.matchExpressions?.length) {
        throw new UsageError(`couldn't retrieve selectors via --selector flag or introspection: couldn't convert expressions - "${JSON.stringify(spec.selector.matchExpressions)}" to map-based selector format`);
      }
      return spec.selector?.matchLabels ?? {};
    default:
      throw new UsageError(`cannot expose a ${obj.kind}`);
  }
}

/** portsOf is kubectl's PortsForObject + ProtocolsForObject. */
function portsOf(obj: KubeObject): PortInfo[] {
  if (obj.kind === 'Service') {
    return ((obj.spec as { ports?: Array<{ port: number; protocol?: string }> }).ports ?? []).map((p) => ({ port: p.port, protocol: p.protocol ?? 'TCP' }));
  }
  const out: PortInfo[] = [];
  for (const c of podSpecOf(obj)?.containers ?? []) {
    for (const p of c.ports ?? []) out.push({ port: p.containerPort, protocol: p.protocol ?? 'TCP' });
  }
  return out;
}

function portValue(s: string): number | string {
  return /^[0-9]+$/.test(s) ? Number(s) : s;
}

/** generateExpose builds the v1 Service `kubectl expose` would create for obj. */
export function generateExpose(obj: KubeObject, flags: ExposeFlags, ctx?: GeneratorContext): GeneratedObject {
  const selector = flags.selector ? parseKeyValueList(flags.selector, (p) => new UsageError(`unexpected selector spec: ${p}`)) : selectorOf(obj);
  const introspected = portsOf(obj);
  const portFlag = flags.port ?? '';
  const portSpecs = portFlag !== '' ? portFlag.split(',').map((p) => ({ port: Number(p), protocol: '' })) : introspected;
  if (portSpecs.length === 0) throw new UsageError("couldn't find port via --port flag or introspection");
  const ports = portSpecs.map((p, i) => {
    const port: Record<string, unknown> = {};
    if (portSpecs.length > 1) port.name = `port-${i + 1}`;
    port.protocol = flags.protocol || p.protocol || introspected.find((x) => x.port === p.port)?.protocol || 'TCP';
    port.port = p.port;
    port.targetPort = flags.targetPort ? portValue(flags.targetPort) : p.port;
    return port;
  });
  const labels = flags.labels ? parseKeyValueList(flags.labels, (p) => new UsageError(`unexpected label spec: ${p}`)) : (obj.metadata.labels ?? {});
  const spec: Record<string, unknown> = { ports, selector: sortedRecord(selector) };
  if (flags.clusterIp) spec.clusterIP = flags.clusterIp;
  if (flags.type) spec.type = flags.type;
  if (flags.externalIp) spec.externalIPs = [flags.externalIp];
  if (flags.sessionAffinity) spec.sessionAffinity = flags.sessionAffinity;
  if (flags.loadBalancerIp) spec.loadBalancerIP = flags.loadBalancerIp;
  return {
    kind: 'Service',
    apiVersion: 'v1',
    metadata: objectMeta(flags.name || obj.metadata.name || '', ctx, { labels: sortedRecord(labels) }),
    spec,
    status: { loadBalancer: {} },
  };
}
