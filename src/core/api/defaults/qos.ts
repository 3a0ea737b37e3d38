/**
 * Pod QoS class, modelled on ComputePodQOS in pkg/apis/core/helper/qos/qos.go (v1.32):
 * only cpu and memory count; requests and limits are summed over containers and init
 * containers; Guaranteed needs both limits on every container and requests equal to limits.
 */
import type { Container, Pod } from 'kubernetes-types/core/v1';
import { Quantity } from '../quantity.ts';

type QOSClass = 'Guaranteed' | 'Burstable' | 'BestEffort';

const QOS_RESOURCES = ['cpu', 'memory'];

/** podQOSClass returns the pod's status.qosClass. */
export function podQOSClass(pod: Pod): QOSClass {
  const requests = new Map<string, bigint>();
  const limits = new Map<string, bigint>();
  let guaranteed = true;
  const containers: Container[] = [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])];
  for (const c of containers) {
    for (const [name, q] of Object.entries(c.resources?.requests ?? {})) {
      if (!QOS_RESOURCES.includes(name)) continue;
      const v = quantityValue(q);
      if (v !== 0n) requests.set(name, (requests.get(name) ?? 0n) + v);
    }
    const seen = new Set<string>();
    for (const [name, q] of Object.entries(c.resources?.limits ?? {})) {
      if (!QOS_RESOURCES.includes(name)) continue;
      const v = quantityValue(q);
      if (v !== 0n) {
        seen.add(name);
        limits.set(name, (limits.get(name) ?? 0n) + v);
      }
    }
    if (seen.size !== QOS_RESOURCES.length) guaranteed = false;
  }
  if (requests.size === 0 && limits.size === 0) return 'BestEffort';
  if (guaranteed) {
    for (const [name, req] of requests) {
      const lim = limits.get(name);
      if (lim === undefined || lim !== req) guaranteed = false;
    }
  }
  return guaranteed && requests.size === limits.size ? 'Guaranteed' : 'Burstable';
}

/** quantityValue reads a quantity in nanounits (0 when malformed: decoding rejects those first). */
function quantityValue(q: string | number): bigint {
  try {
    return Quantity.parse(q).nanos;
  } catch {
    return 0n;
  }
}
