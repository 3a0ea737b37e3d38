/**
 * What the Endpoints and EndpointSlice controllers share: which pods back a Service and
 * which port each service port reaches on a pod (podutil.FindPort lives in core/api/podUtil.ts).
 *
 * After pkg/controller/util/endpoint/controller_utils.go (ShouldPodBeInEndpoints),
 * pkg/api/v1/pod/util.go (FindPort, IsPodReady) and
 * pkg/controller/endpointslice/util (podToEndpoint's ready/serving/terminating).
 */
import { matches, selectorFromSet } from '../../api/labels.ts';
import { findPort, isPodReady } from '../../api/podUtil.ts';
import type { KubeObject, Pod, Service } from '../../api/types.ts';
import { keyOf, type Informer } from '../../client/informer.ts';
import type { WorkQueue } from '../../client/workqueue.ts';

/** hasSelector: only services with a selector get controller-managed endpoints. */
export function hasSelector(svc: Service): boolean {
  const selector = svc.spec?.selector;
  if (!selector) return false;
  for (const _ in selector) return true;
  return false;
}

/** selectedPods lists the pods of the service's namespace its selector matches. */
export function selectedPods(svc: Service & KubeObject, pods: Informer): Array<Pod & KubeObject> {
  const sel = selectorFromSet(svc.spec?.selector ?? {});
  return pods
    .list(svc.metadata.namespace ?? '')
    .filter((p) => matches(sel, p.metadata.labels))
    .map((p) => p as Pod & KubeObject);
}

/**
 * enqueueServicesOnChanges wires the event handlers both controllers share: a Service
 * change queues that Service, and a pod change queues every Service selecting the pod
 * before or after the change (addPodToServices / updatePod in upstream's controllers).
 */
export function enqueueServicesOnChanges(queue: WorkQueue, services: Informer, pods: Informer): void {
  services.addHandler({
    add: (s) => queue.add(keyOf(s)),
    update: (_o, s) => queue.add(keyOf(s)),
    delete: (s) => queue.add(keyOf(s)),
  });
  const onPod = (pod: KubeObject) => {
    for (const s of servicesSelecting(pod, services)) queue.add(keyOf(s));
  };
  pods.addHandler({
    add: onPod,
    update: (old, cur) => {
      // With the same labels object (a status write) old selects the very services cur does.
      if (old.metadata.labels !== cur.metadata.labels || old.metadata.namespace !== cur.metadata.namespace) onPod(old);
      onPod(cur);
    },
    delete: onPod,
  });
}

/**
 * servicesSelecting lists the services whose selector matches the pod's labels. It runs for
 * every pod event, so it walks the informer's namespace set without copying it.
 */
export function servicesSelecting(pod: KubeObject, services: Informer): KubeObject[] {
  const out: KubeObject[] = [];
  for (const s of services.namespaceView(pod.metadata.namespace ?? '')) {
    const svc = s as unknown as Service;
    if (hasSelector(svc) && matches(selectorFromSet(svc.spec?.selector ?? {}), pod.metadata.labels)) out.push(s);
  }
  return out;
}

/**
 * shouldPodBeInEndpoints: the pod has an IP and has not finished; a terminating pod only
 * when terminating endpoints are wanted (slices always, Endpoints with publishNotReadyAddresses).
 */
export function shouldPodBeInEndpoints(pod: Pod, includeTerminating: boolean): boolean {
  if (!pod.status?.podIP) return false;
  const phase = pod.status.phase;
  if (phase === 'Succeeded' || phase === 'Failed') return false;
  if (!includeTerminating && pod.metadata?.deletionTimestamp) return false;
  return true;
}

/** EndpointPort is a discovery/v1 EndpointPort: a service port resolved on one pod ("" for an unnamed port). */
export interface EndpointPort {
  name: string;
  port: number;
  protocol: string;
  appProtocol?: string;
}

/**
 * endpointPorts resolves every service port on the pod, in the service's order, leaving
 * out those the pod does not expose (a named targetPort may differ per pod, which is why
 * both controllers group pods by this list).
 */
export function endpointPorts(pod: Pod, svc: Service): EndpointPort[] {
  const ports: EndpointPort[] = [];
  for (const sp of svc.spec?.ports ?? []) {
    const port = findPort(pod, sp);
    if (port === undefined) continue;
    ports.push({ name: sp.name ?? '', port, protocol: sp.protocol ?? 'TCP', ...(sp.appProtocol ? { appProtocol: sp.appProtocol } : {}) });
  }
  return ports;
}

/** EndpointConditions are discovery/v1 EndpointConditions. */
export interface EndpointConditions {
  ready: boolean;
  serving: boolean;
  terminating: boolean;
}

/** endpointConditions follows podToEndpoint: publishNotReadyAddresses makes every endpoint ready and serving. */
export function endpointConditions(pod: Pod, svc: Service): EndpointConditions {
  const publish = !!svc.spec?.publishNotReadyAddresses;
  const serving = publish || isPodReady(pod);
  const terminating = !!pod.metadata?.deletionTimestamp;
  return { ready: publish || (serving && !terminating), serving, terminating };
}

/** endpointHostname: a pod with spec.hostname whose subdomain is the service gets a DNS name. */
export function endpointHostname(pod: Pod, svc: Service & KubeObject): string | undefined {
  const spec = pod.spec;
  if (spec?.hostname && spec.subdomain === svc.metadata.name && svc.metadata.namespace === pod.metadata?.namespace) return spec.hostname;
  return undefined;
}
