/**
 * The HPA's replica arithmetic for resource metrics (pkg/controller/podautoscaler/
 * replica_calculator.go GetResourceReplicas / GetRawResourceReplicas, and metrics/utilization.go).
 * Pure functions of pods, their PodMetrics and the target, so they are tested without a cluster.
 *
 *   desired = ceil(currentUtilization / targetUtilization × readyPods)
 *
 * unless the ratio is within the 10% tolerance. Pods still starting (no Ready condition, or
 * within the CPU initialization period and not ready), pending pods and pods without metrics
 * are set aside and then counted pessimistically in the direction that dampens the change.
 */
import { Quantity } from '../../api/quantity.ts';
import { parseTime } from '../../api/time.ts';
import type { KubeObject, Pod } from '../../api/types.ts';

/** TOLERANCE is --horizontal-pod-autoscaler-tolerance. */
export const TOLERANCE = 0.1;
/** CPU_INITIALIZATION_PERIOD_MS is --horizontal-pod-autoscaler-cpu-initialization-period (5 min). */
export const CPU_INITIALIZATION_PERIOD_MS = 5 * 60_000;
/** INITIAL_READINESS_DELAY_MS is --horizontal-pod-autoscaler-initial-readiness-delay (30 s). */
export const INITIAL_READINESS_DELAY_MS = 30_000;

/** PodMetric is one pod's usage of a resource (milli-units) and when it was measured. */
export interface PodMetric {
  value: number;
  timestamp: number;
  windowMs: number;
}

/** ResourceReplicas is a proposal: replica count, utilization % (Utilization targets) and the raw average (milli). */
export interface ResourceReplicas {
  replicas: number;
  utilization?: number;
  rawAverageMilli: number;
  timestamp: number;
}

/** Failure is an error message in upstream's words. */
export class ReplicaCalculationError extends Error {}

function milli(q: string | number | undefined): number {
  return Quantity.parse(q ?? '0').milliValue();
}

/**
 * podMetricsByName is MetricsClient.GetResourceMetric: each PodMetrics summed over its containers
 * (or one container); a pod lacking the container is left out.
 */
export function podMetricsByName(items: readonly KubeObject[], resource: string, container = ''): Map<string, PodMetric> {
  if (items.length === 0) throw new ReplicaCalculationError('no metrics returned from resource metrics API');
  const out = new Map<string, PodMetric>();
  for (const m of items) {
    const containers = (m as unknown as { containers?: { name: string; usage?: Record<string, string> }[] }).containers ?? [];
    let sum = 0;
    let found = container === '';
    for (const c of containers) {
      if (container !== '' && c.name !== container) continue;
      found = true;
      if (c.usage?.[resource] === undefined) {
        found = false;
        break;
      }
      sum += milli(c.usage[resource]);
    }
    if (!found || containers.length === 0) continue;
    const meta = m as unknown as { timestamp?: string; window?: string };
    out.set(m.metadata.name ?? '', { value: sum, timestamp: parseTime(meta.timestamp), windowMs: parseFloat(meta.window ?? '0') * 1000 });
  }
  return out;
}

/** calculatePodRequests sums each pod's requests (regular and sidecar containers); a missing request is an error. */
export function calculatePodRequests(pods: readonly Pod[], resource: string, container = ''): Map<string, number> {
  const out = new Map<string, number>();
  for (const pod of pods) {
    const containers = [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? []).filter((c) => c.restartPolicy === 'Always')];
    let sum = 0;
    for (const c of containers) {
      if (container !== '' && c.name !== container) continue;
      const req = c.resources?.requests?.[resource];
      if (req === undefined) throw new ReplicaCalculationError(`missing request for ${resource} in container ${c.name} of Pod ${pod.metadata?.name}`);
      sum += milli(req);
    }
    out.set(pod.metadata?.name ?? '', sum);
  }
  return out;
}

/** PodGroups is groupPods' result. */
interface PodGroups {
  ready: number;
  unready: Set<string>;
  missing: Set<string>;
  ignored: Set<string>;
}

/** groupPods sorts pods into ready, unready (pending or starting), missing metrics and ignored (deleting or failed). */
function groupPods(pods: readonly Pod[], metrics: ReadonlyMap<string, PodMetric>, resource: string, now: number): PodGroups {
  const g: PodGroups = { ready: 0, unready: new Set(), missing: new Set(), ignored: new Set() };
  for (const pod of pods) {
    const name = pod.metadata?.name ?? '';
    if (pod.metadata?.deletionTimestamp || pod.status?.phase === 'Failed') {
      g.ignored.add(name);
      continue;
    }
    if (pod.status?.phase === 'Pending') {
      g.unready.add(name);
      continue;
    }
    const metric = metrics.get(name);
    if (!metric) {
      g.missing.add(name);
      continue;
    }
    if (resource === 'cpu') {
      const cond = pod.status?.conditions?.find((c) => c.type === 'Ready');
      const start = parseTime(pod.status?.startTime);
      let unready: boolean;
      if (!cond || Number.isNaN(start)) unready = true;
      else if (start + CPU_INITIALIZATION_PERIOD_MS > now) {
        // Within the initialization period: ignore an unready pod, or a sample older than one window after it became ready.
        unready = cond.status === 'False' || metric.timestamp < parseTime(cond.lastTransitionTime) + metric.windowMs;
      } else {
        // Afterwards: ignore a pod that is unready and has never been ready.
        unready = cond.status === 'False' && start + INITIAL_READINESS_DELAY_MS > parseTime(cond.lastTransitionTime);
      }
      if (unready) {
        g.unready.add(name);
        continue;
      }
    }
    g.ready++;
  }
  return g;
}

/** utilizationRatio is GetResourceUtilizationRatio: usage over requests of the pods that have both. */
function utilizationRatio(metrics: ReadonlyMap<string, PodMetric>, requests: ReadonlyMap<string, number>, target: number) {
  let used = 0;
  let requested = 0;
  let entries = 0;
  for (const [name, m] of metrics) {
    const req = requests.get(name);
    if (req === undefined) continue;
    used += m.value;
    requested += req;
    entries++;
  }
  if (requested === 0) throw new ReplicaCalculationError('no metrics returned matched known pods');
  const utilization = Math.trunc((used * 100) / requested);
  return { ratio: utilization / target, utilization, rawAverage: Math.trunc(used / entries) };
}

function newestTimestamp(metrics: ReadonlyMap<string, PodMetric>): number {
  let t = 0;
  for (const m of metrics.values()) t = Math.max(t, m.timestamp);
  return t;
}

/** Sample is the metrics of the pods that count, with how the pods were grouped. */
interface Sample {
  metrics: Map<string, PodMetric>;
  groups: PodGroups;
  timestamp: number;
}

/** sample reads the pods' metrics and sets aside ignored and unready pods (the shared prologue). */
function sample(resource: string, pods: readonly Pod[], metricItems: readonly KubeObject[], now: number, container: string): Sample {
  const metrics = podMetricsByName(metricItems, resource, container);
  if (pods.length === 0) throw new ReplicaCalculationError('no pods returned by selector while calculating replica count');
  const groups = groupPods(pods, metrics, resource, now);
  for (const n of [...groups.ignored, ...groups.unready]) metrics.delete(n);
  if (metrics.size === 0) throw new ReplicaCalculationError('did not receive metrics for targeted pods (pods might be unready)');
  return { metrics, groups, timestamp: newestTimestamp(metrics) };
}

/**
 * propose is the shared tail: scale by the ratio unless within tolerance; with unready or
 * missing pods, recompute the ratio counting them pessimistically (`missingValue` on scale
 * down, 0 on scale up) and keep the current count when that flips or dampens the direction.
 */
function propose(current: number, s: Sample, ratio: number, ratioOf: (m: Map<string, PodMetric>) => number, missingValue: (pod: string) => number): number {
  const { metrics, groups, timestamp } = s;
  const scaleUpWithUnready = groups.unready.size > 0 && ratio > 1;
  if (!scaleUpWithUnready && groups.missing.size === 0) {
    return Math.abs(1 - ratio) <= TOLERANCE ? current : Math.ceil(ratio * groups.ready);
  }
  if (ratio !== 1) for (const n of groups.missing) metrics.set(n, { value: ratio < 1 ? missingValue(n) : 0, timestamp, windowMs: 0 });
  if (scaleUpWithUnready) for (const n of groups.unready) metrics.set(n, { value: 0, timestamp, windowMs: 0 });
  const next = ratioOf(metrics);
  if (Math.abs(1 - next) <= TOLERANCE || (ratio < 1 && next > 1) || (ratio > 1 && next < 1)) return current;
  const replicas = Math.ceil(next * metrics.size);
  if ((next < 1 && replicas > current) || (next > 1 && replicas < current)) return current;
  return replicas;
}

/**
 * getResourceReplicas is GetResourceReplicas for an Utilization target (percent of request).
 * `metricItems` are the PodMetrics of the target's pods (already selected by label).
 */
export function getResourceReplicas(
  currentReplicas: number,
  targetUtilization: number,
  resource: string,
  pods: readonly Pod[],
  metricItems: readonly KubeObject[],
  now: number,
  container = '',
): ResourceReplicas {
  const s = sample(resource, pods, metricItems, now, container);
  const requests = calculatePodRequests(pods, resource, container);
  const { ratio, utilization, rawAverage } = utilizationRatio(s.metrics, requests, targetUtilization);
  // On a scale down a pod without metrics counts as using 100% of its request (or the target if higher).
  const missing = (n: string) => Math.trunc(((requests.get(n) ?? 0) * Math.max(100, targetUtilization)) / 100);
  const replicas = propose(currentReplicas, s, ratio, (m) => utilizationRatio(m, requests, targetUtilization).ratio, missing);
  return { replicas, utilization, rawAverageMilli: rawAverage, timestamp: s.timestamp };
}

/** averageMilli is GetMetricUsageRatio's average: the metrics' mean, truncated. */
function averageMilli(metrics: Map<string, PodMetric>): number {
  let total = 0;
  for (const m of metrics.values()) total += m.value;
  return Math.trunc(total / metrics.size);
}

/** getRawResourceReplicas is GetRawResourceReplicas for an AverageValue target (milli-units per pod). */
export function getRawResourceReplicas(
  currentReplicas: number,
  targetAverageMilli: number,
  resource: string,
  pods: readonly Pod[],
  metricItems: readonly KubeObject[],
  now: number,
  container = '',
): ResourceReplicas {
  const s = sample(resource, pods, metricItems, now, container);
  const rawAverageMilli = averageMilli(s.metrics);
  const ratioOf = (m: Map<string, PodMetric>) => averageMilli(m) / targetAverageMilli;
  const replicas = propose(currentReplicas, s, rawAverageMilli / targetAverageMilli, ratioOf, () => targetAverageMilli);
  return { replicas, rawAverageMilli, timestamp: s.timestamp };
}
