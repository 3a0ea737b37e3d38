/**
 * The Endpoints controller: keeps a core/v1 Endpoints object, named like the Service,
 * listing the pods behind each Service with a selector.
 *
 * Modelled on pkg/controller/endpoint/endpoints_controller.go (syncService): ready pods go
 * to `addresses`, the others to `notReadyAddresses` (all to `addresses` with
 * publishNotReadyAddresses), terminating pods are left out (kept with
 * publishNotReadyAddresses), and subsets are repacked by port set with addresses sorted
 * by IP (endpoints.RepackSubsets). The Endpoints of a deleted Service are deleted.
 */
import { isPodReady } from '../../api/podUtil.ts';
import { isStatusError } from '../../api/status.ts';
import { deepEqual } from '../../api/equality.ts';
import type { KubeObject, Service } from '../../api/types.ts';
import { ENDPOINTS, PODS, SERVICES, type Client } from '../../client/client.ts';
import { keyOf, splitKey, type Informer } from '../../client/informer.ts';
import { WorkQueue } from '../../client/workqueue.ts';
import type { Cluster } from '../../sim/cluster.ts';
import type { Result } from '../../sim/loop.ts';
import { thaw } from '../../storage/freeze.ts';
import { HEADLESS_LABEL } from '../endpointslice/endpointSliceController.ts';
import {
  endpointHostname,
  endpointPorts,
  enqueueServicesOnChanges,
  hasSelector,
  selectedPods,
  shouldPodBeInEndpoints,
} from '../endpointslice/servicePods.ts';

/** EP_CONTROLLER_USER is the identity kube-controller-manager uses for this controller. */
export const EP_CONTROLLER_USER = {
  username: 'system:serviceaccount:kube-system:endpoint-controller',
  groups: ['system:serviceaccounts', 'system:serviceaccounts:kube-system', 'system:authenticated'],
};

type Address = { ip: string; hostname?: string; nodeName?: string; targetRef: Record<string, unknown> };
type Port = { name?: string; port: number; protocol: string; appProtocol?: string };
interface Subset {
  addresses?: Address[];
  notReadyAddresses?: Address[];
  ports?: Port[];
}

/** EndpointsController reconciles Services against Endpoints. */
export class EndpointsController {
  readonly name = 'endpoint-controller';
  readonly queue: WorkQueue;
  private readonly client: Client;
  private readonly services: Informer;
  private readonly pods: Informer;
  private readonly endpoints: Informer;

  constructor(cluster: Cluster) {
    this.queue = new WorkQueue('endpoint', cluster.clock);
    this.client = cluster.client('kube-controller-manager', EP_CONTROLLER_USER);
    this.services = cluster.informers.forResource(SERVICES);
    this.pods = cluster.informers.forResource(PODS);
    this.endpoints = cluster.informers.forResource(ENDPOINTS);
    enqueueServicesOnChanges(this.queue, this.services, this.pods);
    // Someone deleting or editing a managed Endpoints gets it put back.
    this.endpoints.addHandler({ update: (_o, ep) => this.queue.add(keyOf(ep)), delete: (ep) => this.queue.add(keyOf(ep)) });
  }

  /** reconcile is syncService. */
  reconcile(key: string): Result | void {
    const { namespace, name } = splitKey(key);
    const svc = this.services.get(namespace, name) as (Service & KubeObject) | undefined;
    const current = this.endpoints.get(namespace, name);
    try {
      if (!svc) {
        // Upstream deletes the Endpoints of a deleted service (they carry no ownerReference).
        if (current) this.client.delete(ENDPOINTS, namespace, name);
        return;
      }
      if (!hasSelector(svc)) return;
      const desired = this.desired(svc, current);
      if (!current) {
        this.client.create(ENDPOINTS, namespace, desired);
        return;
      }
      if (deepEqual(current.subsets ?? [], desired.subsets ?? []) && deepEqual(current.metadata.labels ?? {}, desired.metadata.labels ?? {})) return;
      this.client.update(ENDPOINTS, desired);
    } catch (err) {
      if (isStatusError(err) && (err.code === 409 || err.code === 404 || err.code === 403)) return { requeueAfter: 100 };
      throw err;
    }
  }

  private desired(svc: Service & KubeObject, current: KubeObject | undefined): KubeObject {
    const publish = !!svc.spec?.publishNotReadyAddresses;
    const byPorts = new Map<string, Subset>();
    for (const pod of selectedPods(svc, this.pods)) {
      if (!shouldPodBeInEndpoints(pod, publish) || pod.status?.podIP?.includes(':')) continue;
      // core/v1 EndpointPort leaves an unnamed port's name out.
      const ports: Port[] = endpointPorts(pod, svc).map(({ name, ...rest }) => (name ? { name, ...rest } : rest));
      // A service without ports still lists its pods' addresses (headless services).
      const address = { ip: pod.status?.podIP ?? '' } as Address;
      const hostname = endpointHostname(pod, svc);
      if (hostname) address.hostname = hostname;
      if (pod.spec?.nodeName) address.nodeName = pod.spec.nodeName;
      address.targetRef = { kind: 'Pod', namespace: pod.metadata.namespace, name: pod.metadata.name, uid: pod.metadata.uid };
      const id = JSON.stringify(ports);
      let subset = byPorts.get(id);
      if (!subset) byPorts.set(id, (subset = { ports }));
      const ready = publish || isPodReady(pod);
      if (ready) (subset.addresses ??= []).push(address);
      else (subset.notReadyAddresses ??= []).push(address);
    }
    const subsets = [...byPorts.values()].map(repack).sort((a, b) => JSON.stringify(a.ports).localeCompare(JSON.stringify(b.ports)));
    const labels: Record<string, string> = { ...(svc.metadata.labels ?? {}) };
    if (svc.spec?.clusterIP === 'None') labels[HEADLESS_LABEL] = '';
    else delete labels[HEADLESS_LABEL];
    const base = current ? thaw(current) : { apiVersion: 'v1', kind: 'Endpoints', metadata: { name: svc.metadata.name, namespace: svc.metadata.namespace } };
    const out: KubeObject = { ...base, metadata: { ...base.metadata, labels } };
    if (Object.keys(labels).length === 0) delete out.metadata.labels;
    if (subsets.length > 0) out.subsets = subsets;
    else delete out.subsets;
    return out;
  }
}

/** repack sorts a subset's addresses as SortSubsets does (ports keep the service's order; upstream orders them by hash). */
function repack(s: Subset): Subset {
  const out: Subset = {};
  if (s.addresses) out.addresses = [...s.addresses].sort(compareIP);
  if (s.notReadyAddresses) out.notReadyAddresses = [...s.notReadyAddresses].sort(compareIP);
  if (s.ports && s.ports.length > 0) out.ports = s.ports;
  return out;
}

/** compareIP orders addresses as addrsByIPAndUID does: by the IP's bytes (a string order), then UID. */
function compareIP(a: Address, b: Address): number {
  if (a.ip !== b.ip) return a.ip < b.ip ? -1 : 1;
  const ua = String(a.targetRef.uid ?? '');
  const ub = String(b.targetRef.uid ?? '');
  return ua < ub ? -1 : ua > ub ? 1 : 0;
}

/** installEndpointsController registers the controller with the cluster. */
export function installEndpointsController(cluster: Cluster): EndpointsController {
  const c = new EndpointsController(cluster);
  cluster.addReconciler(c);
  return c;
}
