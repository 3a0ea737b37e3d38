/**
 * Pod-level resource math used by describe: QoS class (kubectl/pkg/util/qos) and
 * the requests/limits a pod adds to its node (kubectl/pkg/util/resource
 * PodRequestsAndLimits): containers summed, init containers as a floor, plus
 * overhead.
 */
import type { Pod } from 'kubernetes-types/core/v1';
import {
  addResourceList,
  compareQuantities,
  maxResourceList,
  parseQuantity,
  ZERO_QUANTITY,
  type Quantity,
} from './quantity.ts';

/** podRequestsAndLimits returns the pod's effective requests and limits by resource name. */
export function podRequestsAndLimits(pod: Pod): { requests: Map<string, Quantity>; limits: Map<string, Quantity> } {
  const requests = new Map<string, Quantity>();
  const limits = new Map<string, Quantity>();
  for (const c of pod.spec?.containers ?? []) {
    addResourceList(requests, c.resources?.requests);
    addResourceList(limits, c.resources?.limits);
  }
  for (const c of pod.spec?.initContainers ?? []) {
    // NOTE: sidecars (restartPolicy: Always) add to the sum upstream; plain init
    // containers only raise the floor. We treat all init containers as plain ones.
    maxResourceList(requests, c.resources?.requests);
    maxResourceList(limits, c.resources?.limits);
  }
  if (pod.spec?.overhead) {
    addResourceList(requests, pod.spec.overhead);
    // Overhead counts toward a limit only when that limit is already set.
    for (const [name, value] of Object.entries(pod.spec.overhead)) {
      const existing = limits.get(name);
      if (existing) addResourceList(limits, { [name]: value });
    }
  }
  return { requests, limits };
}

const QOS_RESOURCES = new Set(['cpu', 'memory']);

/** computePodQOS is ComputePodQOS: BestEffort, Guaranteed or Burstable from the containers' resources. */
export function computePodQOS(pod: Pod): string {
  const requests = new Map<string, Quantity>();
  const limits = new Map<string, Quantity>();
  let guaranteed = true;
  const all = [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])];
  for (const c of all) {
    for (const [name, value] of Object.entries(c.resources?.requests ?? {})) {
      if (!QOS_RESOURCES.has(name)) continue;
      const q = parseQuantity(value);
      if (compareQuantities(q, ZERO_QUANTITY) > 0) addResourceList(requests, { [name]: value });
    }
    const found = new Set<string>();
    for (const [name, value] of Object.entries(c.resources?.limits ?? {})) {
      if (!QOS_RESOURCES.has(name)) continue;
      const q = parseQuantity(value);
      if (compareQuantities(q, ZERO_QUANTITY) > 0) {
        found.add(name);
        addResourceList(limits, { [name]: value });
      }
    }
    if (!found.has('cpu') || !found.has('memory')) guaranteed = false;
  }
  if (requests.size === 0 && limits.size === 0) return 'BestEffort';
  if (guaranteed) {
    for (const [name, req] of requests) {
      const lim = limits.get(name);
      if (!lim || compareQuantities(lim, req) !== 0) {
        guaranteed = false;
        break;
      }
    }
  }
  return guaranteed && requests.size === limits.size ? 'Guaranteed' : 'Burstable';
}

/** podQOS is GetPodQOS: status.qosClass when the kubelet set it, else computed. */
export function podQOS(pod: Pod): string {
  return pod.status?.qosClass || computePodQOS(pod);
}
