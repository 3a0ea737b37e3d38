/**
 * Container environment as the kubelet builds it (pkg/kubelet/kubelet_pods.go
 * makeEnvironmentVariables): envFrom sources in order, then env entries in order with
 * `$(VAR)` references expanded against what came before, then the service-link variables
 * (docker-links style, pkg/kubelet/envvars) for Services the pod may see. A missing ConfigMap,
 * Secret or key that is not optional fails with CreateContainerConfigError and these messages.
 */
import { parseQuantity } from '../../api/quantity.ts';
import type { Container, KubeObject, Pod } from '../../api/types.ts';
import { decodeBase64String } from '../../api/encoding.ts';
import { flatString } from '../../api/flatString.ts';

/** EnvLookup reads the objects env sources name (from the API, as the kubelet's managers do). */
export interface EnvLookup {
  configMap(namespace: string, name: string): KubeObject | undefined;
  secret(namespace: string, name: string): KubeObject | undefined;
  services(namespace: string): KubeObject[];
  /** nodeAllocatable is used for resourceFieldRef of limits that are not set. */
  nodeAllocatable: { cpu: string; memory: string };
}

/** EnvResult is the ordered env, or the CreateContainerConfigError message. */
export type EnvResult = { ok: true; env: [string, string][] } | { ok: false; message: string };

/** decodeBase64 turns Secret data into text (core has no atob/TextDecoder: ES2022 lib only). */
export function decodeBase64(s: string): string {
  return decodeBase64String(s);
}

/** expand is expansion.Expand: `$(VAR)` → value if defined, `$$(VAR)` → `$(VAR)`, others kept. */
export function expand(input: string, vars: Map<string, string>): string {
  return input.replace(/\$\$|\$\(([A-Za-z_][A-Za-z0-9_.-]*)\)/g, (m, name: string | undefined) => {
    if (m === '$$') return '$';
    return name !== undefined && vars.has(name) ? vars.get(name)! : m;
  });
}

/** fieldRefValue resolves a downward API fieldPath (env and downwardAPI volumes share it). */
export function fieldRefValue(pod: Pod, path: string): string | undefined {
  const m = pod.metadata!;
  const label = /^metadata\.(labels|annotations)\['(.+)'\]$/.exec(path);
  if (label) return (label[1] === 'labels' ? m.labels : m.annotations)?.[label[2]] ?? '';
  switch (path) {
    case 'metadata.name': return m.name;
    case 'metadata.namespace': return m.namespace;
    case 'metadata.uid': return m.uid;
    case 'metadata.labels': return formatMap(m.labels);
    case 'metadata.annotations': return formatMap(m.annotations);
    case 'spec.nodeName': return pod.spec?.nodeName ?? '';
    case 'spec.serviceAccountName': return pod.spec?.serviceAccountName ?? '';
    case 'status.hostIP': return pod.status?.hostIP ?? '';
    case 'status.hostIPs': return (pod.status?.hostIPs ?? []).map((i) => i.ip).join(',');
    case 'status.podIP': return pod.status?.podIP ?? '';
    case 'status.podIPs': return (pod.status?.podIPs ?? []).map((i) => i.ip).join(',');
    default: return undefined;
  }
}

/** formatMap is fieldpath.FormatMap: sorted `key="value"` lines. */
export function formatMap(m: Record<string, string> | undefined): string {
  return Object.keys(m ?? {}).sort().map((k) => `${k}=${JSON.stringify(m![k])}`).join('\n');
}

/** resourceFieldValue is resource.ExtractContainerResourceValue: ceil(value / divisor). */
export function resourceFieldValue(container: Container, resource: string, divisor: string | undefined, alloc: { cpu: string; memory: string }): string {
  const [kind, name] = resource.split('.') as ['limits' | 'requests', string];
  const set = container.resources?.[kind]?.[name];
  const fallback = name === 'cpu' ? alloc.cpu : name === 'memory' ? alloc.memory : '0';
  const value = parseQuantity(String(set ?? (kind === 'limits' ? fallback : '0')));
  const div = parseQuantity(divisor ?? '1');
  if (name === 'cpu') return String(Math.ceil(value.milliValue() / div.milliValue()));
  return String(Math.ceil(value.value() / div.value()));
}

/** serviceEnv builds the docker-links variables of one Service (pkg/kubelet/envvars/envvars.go). */
export function serviceEnv(svc: KubeObject): [string, string][] {
  const spec = svc.spec as { clusterIP?: string; ports?: { name?: string; port: number; protocol?: string }[] } | undefined;
  const ip = spec?.clusterIP;
  if (!ip || ip === 'None' || !spec?.ports?.length) return [];
  const prefix = svc.metadata.name!.toUpperCase().replace(/-/g, '_');
  const out: [string, string][] = [
    [`${prefix}_SERVICE_HOST`, ip],
    [`${prefix}_SERVICE_PORT`, String(spec.ports[0].port)],
  ];
  for (const p of spec.ports) if (p.name) out.push([`${prefix}_SERVICE_PORT_${p.name.toUpperCase().replace(/-/g, '_')}`, String(p.port)]);
  const first = spec.ports[0];
  out.push([`${prefix}_PORT`, `${(first.protocol ?? 'TCP').toLowerCase()}://${ip}:${first.port}`]);
  for (const p of spec.ports) {
    const proto = p.protocol ?? 'TCP';
    const base = `${prefix}_PORT_${p.port}_${proto.toUpperCase()}`;
    out.push([base, `${proto.toLowerCase()}://${ip}:${p.port}`], [`${base}_PROTO`, proto.toLowerCase()], [`${base}_PORT`, String(p.port)], [`${base}_ADDR`, ip]);
  }
  return out;
}

/**
 * serviceEnvOf is serviceEnv remembered per stored Service object (frozen: a changed Service
 * is a new object). Every container start on every node asks for the same Services' variables;
 * built once, their strings are also shared by every container's env instead of copied.
 * The returned list must not be changed.
 */
function serviceEnvOf(svc: KubeObject): readonly (readonly [string, string])[] {
  let env = serviceEnvCache.get(svc);
  if (!env) {
    env = serviceEnv(svc).map(([k, v]) => [flatString(k), flatString(v)] as const);
    if (Object.isFrozen(svc)) serviceEnvCache.set(svc, env);
  }
  return env;
}

const serviceEnvCache = new WeakMap<KubeObject, readonly (readonly [string, string])[]>();

/**
 * ServiceLinks are the service-link variables of the Services a pod sees, with the stored
 * (frozen) Service objects they came from: the master Service and the namespace's list.
 */
interface ServiceLinks {
  master: KubeObject | undefined;
  own: readonly KubeObject[];
  vars: ReadonlyMap<string, string>;
  /** plainEnv is the env of a container with no env or envFrom of its own (the variables alone), built on first use. */
  plainEnv?: EnvResult;
}

const NO_SERVICES: readonly KubeObject[] = [];

/**
 * lastLinks is the last pod's service links. Replicas starting one after another see the same
 * Services, so when the lists hold the same objects (a changed Service is a new object) the
 * variables are the same and are not merged and sorted again per container start.
 */
let lastLinks: ServiceLinks | undefined;

/** serviceLinks returns the service-link variables for a pod (pkg/kubelet getServiceEnvVarMap). */
function serviceLinks(pod: Pod, lookup: EnvLookup): ServiceLinks {
  const ns = pod.metadata!.namespace!;
  // The master Service (default/kubernetes) is always visible; others only with enableServiceLinks.
  const inDefault = lookup.services('default');
  const master = inDefault.find((s) => s.metadata.name === 'kubernetes');
  const own = pod.spec?.enableServiceLinks === false ? NO_SERVICES : ns === 'default' ? inDefault : lookup.services(ns);
  const last = lastLinks;
  if (last && last.master === master && sameObjects(last.own, own)) return last;
  const visible = new Map<string, KubeObject>();
  if (master) visible.set('kubernetes', master);
  for (const svc of own) visible.set(svc.metadata.name!, svc);
  const vars = new Map<string, string>();
  for (const name of [...visible.keys()].sort()) for (const [k, v] of serviceEnvOf(visible.get(name)!)) vars.set(k, v);
  const links: ServiceLinks = { master, own, vars };
  // Only stored (frozen) objects are known unchanged while they are the same object.
  if ((!master || Object.isFrozen(master)) && own.every((o) => Object.isFrozen(o))) lastLinks = links;
  return links;
}

function sameObjects(a: readonly KubeObject[], b: readonly KubeObject[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * containerEnvVars resolves a container's env for the runtime. The result is shared by
 * containers with the same variables (see serviceLinks): it must not be changed.
 */
export function containerEnvVars(pod: Pod, container: Container, lookup: EnvLookup): EnvResult {
  // Service links first, so env entries can refer to them with $(VAR).
  const links = serviceLinks(pod, lookup);
  const serviceVars = links.vars;
  if (!container.envFrom?.length && !container.env?.length) {
    // The same array for every such container: the runtime then reuses its environment (start.ts).
    links.plainEnv ??= { ok: true, env: [...serviceVars] };
    return links.plainEnv;
  }
  const ns = pod.metadata!.namespace!;
  const vars = new Map<string, string>();
  const order: string[] = [];
  const set = (k: string, v: string): void => {
    if (!vars.has(k)) order.push(k);
    vars.set(k, v);
  };

  for (const from of container.envFrom ?? []) {
    const ref = from.configMapRef ?? from.secretRef;
    if (!ref?.name) continue;
    const isCM = !!from.configMapRef;
    const obj = isCM ? lookup.configMap(ns, ref.name) : lookup.secret(ns, ref.name);
    if (!obj) {
      if (ref.optional) continue;
      return { ok: false, message: `${isCM ? 'configmap' : 'secret'} "${ref.name}" not found` };
    }
    const data = (obj.data ?? {}) as Record<string, string>;
    for (const k of Object.keys(data).sort()) set((from.prefix ?? '') + k, isCM ? data[k] : decodeBase64(data[k]));
  }

  const expandVars = (): Map<string, string> => new Map([...serviceVars, ...vars]);
  for (const e of container.env ?? []) {
    if (e.valueFrom === undefined) {
      set(e.name, expand(e.value ?? '', expandVars()));
      continue;
    }
    const vf = e.valueFrom;
    if (vf.configMapKeyRef || vf.secretKeyRef) {
      const ref = (vf.configMapKeyRef ?? vf.secretKeyRef)!;
      const isCM = !!vf.configMapKeyRef;
      const obj = isCM ? lookup.configMap(ns, ref.name!) : lookup.secret(ns, ref.name!);
      if (!obj) {
        if (ref.optional) continue;
        return { ok: false, message: `${isCM ? 'configmap' : 'secret'} "${ref.name}" not found` };
      }
      const data = (obj.data ?? {}) as Record<string, string>;
      if (!(ref.key in data)) {
        if (ref.optional) continue;
        return { ok: false, message: `couldn't find key ${ref.key} in ${isCM ? 'ConfigMap' : 'Secret'} ${ns}/${ref.name}` };
      }
      set(e.name, isCM ? data[ref.key] : decodeBase64(data[ref.key]));
    } else if (vf.fieldRef) {
      set(e.name, fieldRefValue(pod, vf.fieldRef.fieldPath) ?? '');
    } else if (vf.resourceFieldRef) {
      const target = vf.resourceFieldRef.containerName
        ? [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])].find((c) => c.name === vf.resourceFieldRef!.containerName) ?? container
        : container;
      set(e.name, resourceFieldValue(target, vf.resourceFieldRef.resource, vf.resourceFieldRef.divisor as string | undefined, lookup.nodeAllocatable));
    }
  }
  const env: [string, string][] = order.map((k) => [k, vars.get(k)!]);
  for (const [k, v] of serviceVars) if (!vars.has(k)) env.push([k, v]);
  return { ok: true, env };
}
