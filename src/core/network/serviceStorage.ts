/**
 * ServiceStorage is the allocation half of the Service REST storage
 * (pkg/registry/core/service/storage/storage.go + alloc.go, v1.32), attached to our API
 * server as a storage hook and a small admission step:
 *
 * - create: allocate `spec.clusterIP`/`clusterIPs` (unless headless or ExternalName) and a
 *   nodePort per port for NodePort and LoadBalancer services (ports with the same `port`
 *   share one nodePort, as initNodePorts does), plus `healthCheckNodePort` for
 *   LoadBalancer + externalTrafficPolicy Local;
 * - update: keep allocated values the client left out (patchAllocatedValues, so
 *   `kubectl replace` of a manifest without clusterIP works), clear nodePorts and IPs that
 *   a type change makes meaningless (dropTypeDependentFields), allocate what is new and
 *   release what is gone;
 * - delete: release everything.
 *
 * A failed allocation rolls back what the same request took and throws upstream's
 * `Service "x" is invalid: spec.ports[0].nodePort: Invalid value: 30080: provided port is already allocated`.
 */
import type { Service, ServicePort, ServiceSpec } from 'kubernetes-types/core/v1';
import { invalid, type FieldError } from '../api/status.ts';
import { field } from '../api/validation/field.ts';
import { goStringSliceValue } from '../api/validation/goValue.ts';
import type { AdmissionPlugin, StorageHook } from '../apiserver/admission.ts';
import type { Random } from '../sim/random.ts';
import type { ClusterIPAllocator, NodePortAllocator } from './serviceAllocators.ts';

/** needsClusterIP: everything but ExternalName and headless services gets a virtual IP. */
export function needsClusterIP(spec: ServiceSpec | undefined): boolean {
  return !!spec && spec.type !== 'ExternalName' && spec.clusterIP !== 'None' && spec.clusterIPs?.[0] !== 'None';
}

/** needsNodePorts: NodePort services, and LoadBalancers unless allocateLoadBalancerNodePorts is false. */
export function needsNodePorts(spec: ServiceSpec | undefined): boolean {
  if (!spec) return false;
  return spec.type === 'NodePort' || (spec.type === 'LoadBalancer' && spec.allocateLoadBalancerNodePorts !== false);
}

/** needsHealthCheckNodePort: LoadBalancer with externalTrafficPolicy Local. */
export function needsHealthCheckNodePort(spec: ServiceSpec | undefined): boolean {
  return !!spec && spec.type === 'LoadBalancer' && spec.externalTrafficPolicy === 'Local';
}

/** normalizeClusterIPs keeps clusterIP and clusterIPs[0] in step (storage.go normalizeClusterIPs). */
function normalizeClusterIPs(spec: ServiceSpec): void {
  if (spec.clusterIP && !spec.clusterIPs?.length) spec.clusterIPs = [spec.clusterIP];
  else if (!spec.clusterIP && spec.clusterIPs?.length) spec.clusterIP = spec.clusterIPs[0];
}

/** Txn remembers what one request allocated so a later failure can give it back. */
class Txn {
  private readonly undo: (() => void)[] = [];
  add(fn: () => void): void {
    this.undo.push(fn);
  }
  revert(): void {
    for (const fn of this.undo.reverse()) fn();
  }
}

/** ServiceStorage holds the allocators and produces the hook and admission step. */
export class ServiceStorage {
  constructor(
    readonly ips: ClusterIPAllocator,
    readonly ports: NodePortAllocator,
    private readonly random: Random,
  ) {}

  /** storageHook is registered with `server.addStorageHook('', 'services', ...)`. */
  storageHook(): StorageHook {
    return {
      beforeStore: (op, obj, old, dryRun) => {
        if (op === 'CREATE') this.allocateCreate(obj as Service, dryRun);
        else this.allocateUpdate(obj as Service, old as Service, dryRun);
      },
      afterDelete: (obj) => this.releaseAll((obj as Service).spec),
    };
  }

  /** admission is the PrepareForUpdate part that must run before validation. */
  admission(): AdmissionPlugin {
    return {
      name: 'ServiceAllocatedValues',
      admit: (attrs) => {
        if (attrs.resource.resource !== 'services' || attrs.resource.group !== '' || attrs.subresource) return;
        if (attrs.operation !== 'UPDATE' || !attrs.object || !attrs.oldObject) return;
        const spec = ((attrs.object as Service).spec ??= {});
        const oldSpec = (attrs.oldObject as Service).spec ?? {};
        dropTypeDependentFields(spec, oldSpec);
        patchAllocatedValues(spec, oldSpec);
      },
    };
  }

  /** allocateCreate fills clusterIP(s) and nodePorts of a new Service. */
  allocateCreate(svc: Service, dryRun: boolean): void {
    const spec = (svc.spec ??= {});
    const txn = new Txn();
    try {
      normalizeClusterIPs(spec);
      if (needsClusterIP(spec)) this.allocateClusterIP(spec, txn, dryRun);
      else if (spec.clusterIP === 'None' || spec.clusterIPs?.[0] === 'None') {
        spec.clusterIP = 'None';
        spec.clusterIPs = ['None'];
      }
      if (needsNodePorts(spec)) this.allocateNodePorts(spec, new Set(), txn, dryRun);
      if (needsHealthCheckNodePort(spec)) this.allocateHealthCheck(spec, undefined, txn, dryRun);
    } catch (err) {
      txn.revert();
      if (err instanceof AllocationFailure) throw invalid('', 'Service', svc.metadata?.name ?? '', [err.error]);
      throw err;
    }
  }

  /** allocateUpdate allocates what an update adds and releases what it drops. */
  allocateUpdate(svc: Service, old: Service, dryRun: boolean): void {
    const spec = (svc.spec ??= {});
    const oldSpec = old.spec ?? {};
    const txn = new Txn();
    try {
      normalizeClusterIPs(spec);
      if (needsClusterIP(spec) && !needsClusterIP(oldSpec)) this.allocateClusterIP(spec, txn, dryRun);
      const keep = new Set(needsNodePorts(oldSpec) ? nodePortsOf(oldSpec) : []);
      if (needsNodePorts(spec)) this.allocateNodePorts(spec, keep, txn, dryRun);
      if (needsHealthCheckNodePort(spec)) this.allocateHealthCheck(spec, oldSpec, txn, dryRun);
    } catch (err) {
      txn.revert();
      if (err instanceof AllocationFailure) throw invalid('', 'Service', svc.metadata?.name ?? '', [err.error]);
      throw err;
    }
    if (dryRun) return;
    if (needsClusterIP(oldSpec) && !needsClusterIP(spec)) this.releaseIPs(oldSpec);
    const nowUsed = new Set([...(needsNodePorts(spec) ? nodePortsOf(spec) : []), spec.healthCheckNodePort ?? 0]);
    for (const p of [...nodePortsOf(oldSpec), oldSpec.healthCheckNodePort ?? 0]) if (p && !nowUsed.has(p)) this.ports.release(p);
  }

  /** releaseAll gives back a deleted Service's IPs and ports. */
  releaseAll(spec: ServiceSpec | undefined): void {
    if (!spec) return;
    this.releaseIPs(spec);
    for (const p of nodePortsOf(spec)) this.ports.release(p);
    if (spec.healthCheckNodePort) this.ports.release(spec.healthCheckNodePort);
  }

  private releaseIPs(spec: ServiceSpec): void {
    const ips = spec.clusterIPs?.length ? spec.clusterIPs : spec.clusterIP ? [spec.clusterIP] : [];
    for (const ip of ips) if (ip !== 'None') this.ips.release(ip);
  }

  private allocateClusterIP(spec: ServiceSpec, txn: Txn, dryRun: boolean): void {
    const wanted = spec.clusterIP;
    const r = wanted ? this.ips.allocate(wanted, dryRun) : this.ips.allocateNext(this.random, dryRun);
    if (!r.ok) {
      const shown = spec.clusterIPs?.length ? spec.clusterIPs : [wanted ?? ''];
      throw new AllocationFailure(field.invalid('spec.clusterIPs', goStringSliceValue(shown), `failed to allocate IP ${wanted ?? ''}: ${r.message}`));
    }
    if (!dryRun) txn.add(() => this.ips.release(r.value));
    spec.clusterIP = r.value;
    spec.clusterIPs = [r.value];
  }

  /** allocateNodePorts follows initNodePorts/updateNodePorts; `held` are ports the old object already owns. */
  private allocateNodePorts(spec: ServiceSpec, held: Set<number>, txn: Txn, dryRun: boolean): void {
    const byServicePort = new Map<number, number>();
    (spec.ports ?? []).forEach((port: ServicePort, i) => {
      const shared = byServicePort.get(port.port);
      if (shared !== undefined && (!port.nodePort || port.nodePort === shared)) {
        port.nodePort = shared;
        return;
      }
      if (port.nodePort) {
        if (!held.has(port.nodePort)) {
          const r = this.ports.allocate(port.nodePort, dryRun);
          if (!r.ok) throw new AllocationFailure(field.invalid(`spec.ports[${i}].nodePort`, port.nodePort, r.message));
          if (!dryRun) txn.add(() => this.ports.release(r.value));
          held.add(port.nodePort);
        }
      } else {
        const r = this.ports.allocateNext(this.random, dryRun);
        if (!r.ok) throw new AllocationFailure(field.invalid(`spec.ports[${i}].nodePort`, 0, r.message));
        if (!dryRun) txn.add(() => this.ports.release(r.value));
        port.nodePort = r.value;
      }
      byServicePort.set(port.port, port.nodePort);
    });
  }

  private allocateHealthCheck(spec: ServiceSpec, oldSpec: ServiceSpec | undefined, txn: Txn, dryRun: boolean): void {
    const wanted = spec.healthCheckNodePort;
    if (wanted && oldSpec?.healthCheckNodePort === wanted) return;
    const r = wanted ? this.ports.allocate(wanted, dryRun) : this.ports.allocateNext(this.random, dryRun);
    if (!r.ok) throw new AllocationFailure(field.invalid('spec.healthCheckNodePort', wanted ?? 0, `failed to allocate requested HealthCheck NodePort ${wanted ?? 0}: ${r.message}`));
    if (!dryRun) txn.add(() => this.ports.release(r.value));
    spec.healthCheckNodePort = r.value;
  }
}

/** AllocationFailure carries the field error of a failed allocation up to the rollback. */
class AllocationFailure extends Error {
  constructor(readonly error: FieldError) {
    super(error.detail ?? '');
  }
}

/** nodePortsOf lists the nodePorts a spec holds. */
export function nodePortsOf(spec: ServiceSpec): number[] {
  return (spec.ports ?? []).map((p) => p.nodePort ?? 0).filter((p) => p > 0);
}

/**
 * patchAllocatedValues copies allocated values the client omitted from the old object
 * (storage.go): clusterIP(s) when both need one, nodePorts by port name unless another port
 * now uses them, and healthCheckNodePort.
 */
export function patchAllocatedValues(spec: ServiceSpec, oldSpec: ServiceSpec): void {
  if (needsClusterIP(oldSpec) && needsClusterIP(spec)) {
    if (!spec.clusterIP) spec.clusterIP = oldSpec.clusterIP;
    if (!spec.clusterIPs?.length && oldSpec.clusterIPs) spec.clusterIPs = [...oldSpec.clusterIPs];
  }
  if (needsNodePorts(oldSpec) && needsNodePorts(spec)) {
    const newUsed = new Set(nodePortsOf(spec));
    const used = new Set(nodePortsOf(oldSpec).filter((p) => newUsed.has(p)));
    const byName = new Map((oldSpec.ports ?? []).map((p) => [p.name ?? '', p.nodePort ?? 0]));
    for (const p of spec.ports ?? []) {
      const oldVal = byName.get(p.name ?? '') ?? 0;
      if (!p.nodePort && oldVal && !used.has(oldVal)) p.nodePort = oldVal;
    }
  }
  if (needsHealthCheckNodePort(oldSpec) && needsHealthCheckNodePort(spec) && !spec.healthCheckNodePort) {
    spec.healthCheckNodePort = oldSpec.healthCheckNodePort;
  }
}

/**
 * dropTypeDependentFields clears what a type change leaves behind, but only where the client
 * did not change it (strategy.go): nodePorts when leaving NodePort/LoadBalancer, the IPs and
 * IP families when becoming ExternalName, healthCheckNodePort when no longer needed.
 */
export function dropTypeDependentFields(spec: ServiceSpec, oldSpec: ServiceSpec): void {
  if (spec.type === oldSpec.type) return;
  if (needsClusterIP(oldSpec) && !needsClusterIP(spec) && sameIPs(spec, oldSpec)) {
    delete spec.clusterIP;
    delete spec.clusterIPs;
    delete spec.ipFamilies;
    delete spec.ipFamilyPolicy;
  }
  if (needsNodePorts(oldSpec) && !needsNodePorts(spec) && sameNodePorts(spec, oldSpec)) {
    for (const p of spec.ports ?? []) delete p.nodePort;
  }
  if (needsHealthCheckNodePort(oldSpec) && !needsHealthCheckNodePort(spec) && spec.healthCheckNodePort === oldSpec.healthCheckNodePort) {
    delete spec.healthCheckNodePort;
  }
  const externallyAccessible = spec.type === 'NodePort' || spec.type === 'LoadBalancer' || (spec.externalIPs?.length ?? 0) > 0;
  if (!externallyAccessible && spec.externalTrafficPolicy === oldSpec.externalTrafficPolicy) delete spec.externalTrafficPolicy;
}

function sameIPs(a: ServiceSpec, b: ServiceSpec): boolean {
  return (a.clusterIP ?? '') === (b.clusterIP ?? '') && JSON.stringify(a.clusterIPs ?? []) === JSON.stringify(b.clusterIPs ?? []);
}

function sameNodePorts(a: ServiceSpec, b: ServiceSpec): boolean {
  const pa = a.ports ?? [];
  const pb = b.ports ?? [];
  return pa.length === pb.length && pa.every((p, i) => (p.nodePort ?? 0) === (pb[i].nodePort ?? 0));
}
