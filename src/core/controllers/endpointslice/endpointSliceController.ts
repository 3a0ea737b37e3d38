/**
 * The EndpointSlice controller: publishes the pods behind each Service with a selector
 * as discovery.k8s.io/v1 EndpointSlices.
 *
 * Modelled on pkg/controller/endpointslice/endpointslice_controller.go and
 * staging/src/k8s.io/endpointslice/reconciler.go: pods are grouped by the ports they
 * resolve to (a named targetPort may differ per pod), each group is packed into slices
 * of at most 100 endpoints named `<service>-<5 random>`, existing slices with the same
 * ports are reused, and a service with no endpoints keeps one empty placeholder slice.
 * Terminating pods stay in the slice with ready=false, serving as their readiness says.
 */
import { isStatusError } from '../../api/status.ts';
import { deepEqual } from '../../api/equality.ts';
import type { KubeObject, Node, Pod, Service } from '../../api/types.ts';
import { ENDPOINTSLICES, NODES, PODS, SERVICES, type Client } from '../../client/client.ts';
import { splitKey, type Informer } from '../../client/informer.ts';
import { WorkQueue } from '../../client/workqueue.ts';
import type { Cluster } from '../../sim/cluster.ts';
import type { Result } from '../../sim/loop.ts';
import { thaw } from '../../storage/freeze.ts';
import {
  endpointConditions,
  endpointHostname,
  endpointPorts,
  enqueueServicesOnChanges,
  hasSelector,
  selectedPods,
  shouldPodBeInEndpoints,
  type EndpointPort,
} from './servicePods.ts';

/** SERVICE_NAME_LABEL and MANAGED_BY_LABEL identify a controller-managed slice. */
export const SERVICE_NAME_LABEL = 'kubernetes.io/service-name';
export const MANAGED_BY_LABEL = 'endpointslice.kubernetes.io/managed-by';
export const CONTROLLER_NAME = 'endpointslice-controller.k8s.io';
/** HEADLESS_LABEL marks slices (and Endpoints) of services with clusterIP None. */
export const HEADLESS_LABEL = 'service.kubernetes.io/headless';
/** MAX_ENDPOINTS_PER_SLICE is kube-controller-manager's --max-endpoints-per-slice default. */
export const MAX_ENDPOINTS_PER_SLICE = 100;
/** ZONE_LABEL is the well-known node label copied into each endpoint's zone. */
export const ZONE_LABEL = 'topology.kubernetes.io/zone';

/** EPS_CONTROLLER_USER is the identity kube-controller-manager uses for this controller. */
export const EPS_CONTROLLER_USER = {
  username: 'system:serviceaccount:kube-system:endpointslice-controller',
  groups: ['system:serviceaccounts', 'system:serviceaccounts:kube-system', 'system:authenticated'],
};

type Endpoint = Record<string, unknown>;
interface PortGroup {
  ports: EndpointPort[];
  endpoints: Endpoint[];
}

/** EndpointSliceController reconciles Services against EndpointSlices. */
export class EndpointSliceController {
  readonly name = 'endpointslice-controller';
  readonly queue: WorkQueue;
  private readonly client: Client;
  private readonly services: Informer;
  private readonly pods: Informer;
  private readonly slices: Informer;
  private readonly nodes: Informer;

  constructor(cluster: Cluster) {
    this.queue = new WorkQueue('endpoint_slice', cluster.clock);
    this.client = cluster.client('kube-controller-manager', EPS_CONTROLLER_USER);
    this.services = cluster.informers.forResource(SERVICES);
    this.pods = cluster.informers.forResource(PODS);
    this.slices = cluster.informers.forResource(ENDPOINTSLICES);
    this.nodes = cluster.informers.forResource(NODES);
    enqueueServicesOnChanges(this.queue, this.services, this.pods);
    const onSlice = (slice: KubeObject) => {
      const labels = slice.metadata.labels ?? {};
      if (labels[MANAGED_BY_LABEL] === CONTROLLER_NAME && labels[SERVICE_NAME_LABEL]) {
        this.queue.add(`${slice.metadata.namespace}/${labels[SERVICE_NAME_LABEL]}`);
      }
    };
    this.slices.addHandler({ update: (_o, s) => onSlice(s), delete: onSlice });
  }

  /** reconcile is syncService: compute the desired slices and converge the existing ones. */
  reconcile(key: string): Result | void {
    const { namespace, name } = splitKey(key);
    const svc = this.services.get(namespace, name) as (Service & KubeObject) | undefined;
    // Slices of a deleted service go with it through their ownerReference (garbage collector).
    if (!svc || svc.metadata.deletionTimestamp || !hasSelector(svc)) return;
    const existing = this.slices
      .list(namespace)
      .filter((s) => s.metadata.labels?.[SERVICE_NAME_LABEL] === name && s.metadata.labels?.[MANAGED_BY_LABEL] === CONTROLLER_NAME)
      .sort((a, b) => (a.metadata.name ?? '').localeCompare(b.metadata.name ?? ''));
    const desired = this.desiredSlices(svc);
    const unused = [...existing];
    try {
      for (const group of desired) {
        const i = unused.findIndex((s) => deepEqual(s.ports ?? [], group.ports));
        const reuse = i >= 0 ? unused.splice(i, 1)[0] : undefined;
        const body = this.sliceBody(svc, group, reuse);
        if (!reuse) this.client.create(ENDPOINTSLICES, namespace, body);
        else if (!sameSlice(reuse, body)) this.client.update(ENDPOINTSLICES, body);
      }
      for (const s of unused) this.client.delete(ENDPOINTSLICES, namespace, s.metadata.name ?? '');
    } catch (err) {
      if (isStatusError(err) && (err.code === 409 || err.code === 404 || err.code === 403)) return { requeueAfter: 100 };
      throw err;
    }
  }

  /** desiredSlices groups endpoints by resolved ports and splits them into slices of 100. */
  private desiredSlices(svc: Service & KubeObject): PortGroup[] {
    const groups = new Map<string, PortGroup>();
    const pods = selectedPods(svc, this.pods).sort((a, b) => (a.metadata.name ?? '').localeCompare(b.metadata.name ?? ''));
    for (const pod of pods) {
      if (!shouldPodBeInEndpoints(pod, true) || pod.status?.podIP?.includes(':')) continue;
      const ports = endpointPorts(pod, svc);
      const id = JSON.stringify(ports);
      let group = groups.get(id);
      if (!group) groups.set(id, (group = { ports, endpoints: [] }));
      group.endpoints.push(this.endpointFor(pod, svc));
    }
    const out: PortGroup[] = [];
    for (const g of groups.values()) {
      for (let i = 0; i < g.endpoints.length; i += MAX_ENDPOINTS_PER_SLICE) {
        out.push({ ports: g.ports, endpoints: g.endpoints.slice(i, i + MAX_ENDPOINTS_PER_SLICE) });
      }
    }
    // The placeholder keeps one (empty) slice per service, as upstream does.
    if (out.length === 0) out.push({ ports: [], endpoints: [] });
    return out;
  }

  /** endpointFor is podToEndpoint. */
  private endpointFor(pod: Pod & KubeObject, svc: Service & KubeObject): Endpoint {
    const ep: Endpoint = { addresses: [pod.status?.podIP], conditions: endpointConditions(pod, svc) };
    const hostname = endpointHostname(pod, svc);
    if (hostname) ep.hostname = hostname;
    ep.targetRef = { kind: 'Pod', namespace: pod.metadata.namespace, name: pod.metadata.name, uid: pod.metadata.uid };
    const nodeName = pod.spec?.nodeName;
    if (nodeName) {
      ep.nodeName = nodeName;
      const zone = (this.nodes.get('', nodeName) as (Node & KubeObject) | undefined)?.metadata.labels?.[ZONE_LABEL];
      if (zone) ep.zone = zone;
    }
    return ep;
  }

  private sliceBody(svc: Service & KubeObject, group: PortGroup, existing: KubeObject | undefined): KubeObject {
    const labels: Record<string, string> = {};
    for (const [k, v] of Object.entries(svc.metadata.labels ?? {})) {
      if (k !== SERVICE_NAME_LABEL && k !== MANAGED_BY_LABEL && k !== HEADLESS_LABEL) labels[k] = v;
    }
    labels[MANAGED_BY_LABEL] = CONTROLLER_NAME;
    labels[SERVICE_NAME_LABEL] = svc.metadata.name ?? '';
    if (svc.spec?.clusterIP === 'None') labels[HEADLESS_LABEL] = '';
    const base = existing ? thaw(existing) : { apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice', metadata: { generateName: `${svc.metadata.name}-`, namespace: svc.metadata.namespace } };
    const meta = { ...base.metadata, labels };
    meta.ownerReferences = [{ apiVersion: 'v1', kind: 'Service', name: svc.metadata.name ?? '', uid: svc.metadata.uid ?? '', controller: true, blockOwnerDeletion: true }];
    const body: KubeObject = { ...base, metadata: meta, addressType: 'IPv4', endpoints: group.endpoints };
    if (group.ports.length > 0) body.ports = group.ports;
    else delete body.ports;
    return body;
  }
}

function sameSlice(a: KubeObject, b: KubeObject): boolean {
  return (
    deepEqual(a.metadata.labels ?? {}, b.metadata.labels ?? {}) &&
    deepEqual(a.metadata.ownerReferences ?? [], b.metadata.ownerReferences ?? []) &&
    deepEqual(a.endpoints ?? [], b.endpoints ?? []) &&
    deepEqual(a.ports ?? [], b.ports ?? []) &&
    a.addressType === b.addressType
  );
}

/** installEndpointSliceController registers the controller with the cluster. */
export function installEndpointSliceController(cluster: Cluster): EndpointSliceController {
  const c = new EndpointSliceController(cluster);
  cluster.addReconciler(c);
  return c;
}
