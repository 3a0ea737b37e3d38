/**
 * Resource arithmetic for scheduling: what a pod asks for and what a node has left.
 *
 * Models k8s.io/component-helpers/resource (PodRequests) and the scheduler's
 * framework.Resource (pkg/scheduler/framework/types.go): cpu in millicores, memory and
 * ephemeral-storage in bytes, everything else as a scalar (extended resources, hugepages).
 */
import type { Container, Pod } from '../api/types.ts';
import { Quantity } from '../api/quantity.ts';

/** Resources is framework.Resource: the amounts the scheduler adds and compares. */
export interface Resources {
  milliCPU: number;
  memory: number;
  ephemeralStorage: number;
  scalar: Record<string, number>;
}

/** DEFAULT_MILLI_CPU_REQUEST is what scoring assumes for a container without a cpu request (100m). */
export const DEFAULT_MILLI_CPU_REQUEST = 100;
/** DEFAULT_MEMORY_REQUEST is what scoring assumes for a container without a memory request (200Mi). */
export const DEFAULT_MEMORY_REQUEST = 200 * 1024 * 1024;

/** emptyResources returns a zero Resources. */
export function emptyResources(): Resources {
  return { milliCPU: 0, memory: 0, ephemeralStorage: 0, scalar: {} };
}

/** resourcesFromList converts a v1.ResourceList (as on requests or node allocatable). */
export function resourcesFromList(list: Readonly<Record<string, unknown>> | undefined): Resources {
  const r = emptyResources();
  for (const [name, q] of Object.entries(list ?? {})) {
    if (q === undefined || q === null) continue;
    const quantity = parsedQuantity(q as string | number);
    if (!quantity) continue;
    if (name === 'cpu') r.milliCPU = quantity.milli;
    else if (name === 'memory') r.memory = quantity.value;
    else if (name === 'ephemeral-storage') r.ephemeralStorage = quantity.value;
    else if (name !== 'pods') r.scalar[name] = quantity.value;
  }
  return r;
}

/** ParsedQuantity is a quantity's milli-value and value, or null when it does not parse. */
type ParsedQuantity = { milli: number; value: number } | null;

/**
 * parsedQuantities memoises the numbers by the quantity's text: every Node of a big cluster
 * and every replica of a workload repeat the same few strings ("32", "128Gi", "10m"), and
 * milliValue()/value() are bigint arithmetic. A scheduler cold start reads thousands of
 * allocatable lists. Cleared past MAX_PARSED_QUANTITIES so odd values cannot grow it forever.
 */
const parsedQuantities = new Map<string | number, ParsedQuantity>();
const MAX_PARSED_QUANTITIES = 1024;

function parsedQuantity(q: string | number): ParsedQuantity {
  let p = parsedQuantities.get(q);
  if (p !== undefined) return p;
  try {
    const quantity = Quantity.parse(q);
    p = { milli: quantity.milliValue(), value: quantity.value() };
  } catch {
    p = null;
  }
  if (parsedQuantities.size >= MAX_PARSED_QUANTITIES) parsedQuantities.clear();
  parsedQuantities.set(q, p);
  return p;
}

/** addResources returns a + b. */
export function addResources(a: Resources, b: Resources): Resources {
  const scalar = { ...a.scalar };
  for (const [k, v] of Object.entries(b.scalar)) scalar[k] = (scalar[k] ?? 0) + v;
  return { milliCPU: a.milliCPU + b.milliCPU, memory: a.memory + b.memory, ephemeralStorage: a.ephemeralStorage + b.ephemeralStorage, scalar };
}

function maxResources(a: Resources, b: Resources): Resources {
  const scalar = { ...a.scalar };
  for (const [k, v] of Object.entries(b.scalar)) scalar[k] = Math.max(scalar[k] ?? 0, v);
  return {
    milliCPU: Math.max(a.milliCPU, b.milliCPU),
    memory: Math.max(a.memory, b.memory),
    ephemeralStorage: Math.max(a.ephemeralStorage, b.ephemeralStorage),
    scalar,
  };
}

function containerRequests(c: Container, nonMissing: boolean): Resources {
  const requests = (c.resources?.requests ?? {}) as Record<string, unknown>;
  const r = resourcesFromList(requests);
  // NonMissingContainerRequests: scoring pretends a container without a cpu/memory
  // request asks for 100m/200Mi, so best-effort pods still spread (v1.32 resource helpers).
  if (nonMissing) {
    if (requests.cpu === undefined) r.milliCPU = DEFAULT_MILLI_CPU_REQUEST;
    if (requests.memory === undefined) r.memory = DEFAULT_MEMORY_REQUEST;
  }
  return r;
}

/**
 * podRequests is resourcehelper.PodRequests: the sum of the app containers (and restartable
 * init containers, i.e. sidecars, which keep running), or the largest init container step if
 * that is bigger, plus the pod overhead. `nonMissing` applies the scoring defaults.
 */
export function podRequests(pod: Pod, nonMissing = false): Resources {
  let reqs = emptyResources();
  for (const c of pod.spec?.containers ?? []) reqs = addResources(reqs, containerRequests(c, nonMissing));
  let restartableInit = emptyResources();
  let initMax = emptyResources();
  for (const c of pod.spec?.initContainers ?? []) {
    let step = containerRequests(c, nonMissing);
    if (c.restartPolicy === 'Always') {
      reqs = addResources(reqs, step);
      restartableInit = addResources(restartableInit, step);
      step = restartableInit;
    } else {
      step = addResources(step, restartableInit);
    }
    initMax = maxResources(initMax, step);
  }
  reqs = maxResources(reqs, initMax);
  const overhead = pod.spec?.overhead as Record<string, unknown> | undefined;
  if (overhead) reqs = addResources(reqs, resourcesFromList(overhead));
  return reqs;
}

const requestsMemo = new WeakMap<Pod, Resources>();
const nonZeroMemo = new WeakMap<Pod, Resources>();

/**
 * requestsOf is podRequests memoised by pod object. Stored objects are never changed in place
 * (every write makes a new object), so a pod's quantities are parsed once rather than in every
 * scheduling cycle for every pod on every node. Callers must not mutate the result.
 */
export function requestsOf(pod: Pod, nonMissing = false): Resources {
  const memo = nonMissing ? nonZeroMemo : requestsMemo;
  let r = memo.get(pod);
  if (!r) memo.set(pod, (r = podRequests(pod, nonMissing)));
  return r;
}
