/**
 * computeReplicasForMetrics (pkg/controller/podautoscaler/horizontal.go): one replica proposal
 * per metric of `spec.metrics`, the largest wins. Resource and ContainerResource metrics read the
 * Metrics API (metrics.k8s.io PodMetrics); Pods, Object and External metrics need a custom or
 * external metrics adapter, which this cluster does not run, so they fail with upstream's words.
 */
import type { HorizontalPodAutoscaler, MetricSpec, MetricStatus, MetricValueStatus } from 'kubernetes-types/autoscaling/v2';
import { Quantity } from '../../api/quantity.ts';
import type { KubeObject, Pod } from '../../api/types.ts';
import { getRawResourceReplicas, getResourceReplicas, type ResourceReplicas } from './replicaCalculator.ts';

/** MetricInputs are what a metric computation reads from the cluster. */
export interface MetricInputs {
  hpa: HorizontalPodAutoscaler;
  specReplicas: number;
  /** pods are the target's pods (selected by the Scale's selector). */
  pods: readonly Pod[];
  /** podMetrics lists the PodMetrics of the selector, or throws the Metrics API's error. */
  podMetrics: () => readonly KubeObject[];
  now: number;
}

/** MetricFailure is a metric that could not be computed: the condition it sets and the error. */
export interface MetricFailure {
  reason: string;
  /** message is the Warning event (getUnableComputeReplicaCountCondition). */
  message: string;
  /** error is the wrapped error for FailedComputeMetricsReplicas. */
  error: string;
}

/** MetricsResult is the combined proposal. */
export interface MetricsResult {
  /** replicas is -1 when every metric failed (or some failed and the rest would scale down). */
  replicas: number;
  metricName: string;
  statuses: MetricStatus[];
  failures: MetricFailure[];
  /** firstError is `invalid metrics (N invalid out of M), first error is: ...`. */
  firstError?: string;
}

type Proposal = { replicas: number; metricName: string; status: MetricStatus } | { failure: MetricFailure };

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** resourceProposal is computeStatusForResourceMetricGeneric for Resource and ContainerResource sources. */
function resourceProposal(spec: MetricSpec, inputs: MetricInputs): Proposal {
  const container = spec.type === 'ContainerResource';
  const src = container ? spec.containerResource! : spec.resource!;
  const name = src.name;
  const containerName = container ? (spec.containerResource?.container ?? '') : '';
  const reason = container ? 'FailedGetContainerResourceMetric' : 'FailedGetResourceMetric';
  const wrap = container ? `failed to get ${name} container resource metric value` : `failed to get ${name} resource metric value`;
  const fail = (detail: string): Proposal => ({ failure: { reason, message: detail, error: `${wrap}: ${detail}` } });
  const items = (): readonly KubeObject[] => {
    try {
      return inputs.podMetrics();
    } catch (err) {
      throw new Error(`unable to fetch metrics from resource metrics API: ${errorText(err)}`, { cause: err });
    }
  };
  const target = src.target;
  if (target.averageValue !== undefined) {
    let r: ResourceReplicas;
    try {
      const targetMilli = Quantity.parse(target.averageValue).milliValue();
      r = getRawResourceReplicas(inputs.specReplicas, targetMilli, name, inputs.pods, safeItems(items), inputs.now, containerName);
    } catch (err) {
      return fail(`failed to get ${name} usage: ${usageError(name, err)}`);
    }
    const current = { averageValue: Quantity.fromMilli(r.rawAverageMilli).toString() };
    return { replicas: r.replicas, metricName: `${name} resource`, status: statusOf(spec, name, containerName, current) };
  }
  if (target.averageUtilization === undefined) {
    return fail('invalid resource metric source: neither an average utilization target nor an average value (usage) target was set');
  }
  let r: ResourceReplicas;
  try {
    r = getResourceReplicas(inputs.specReplicas, target.averageUtilization, name, inputs.pods, safeItems(items), inputs.now, containerName);
  } catch (err) {
    return fail(`failed to get ${name} utilization: ${usageError(name, err)}`);
  }
  const current = { averageUtilization: r.utilization, averageValue: Quantity.fromMilli(r.rawAverageMilli).toString() };
  const metricName = container ? `${name} container resource utilization (percentage of request)` : `${name} resource utilization (percentage of request)`;
  return { replicas: r.replicas, metricName, status: statusOf(spec, name, containerName, current) };
}

/** MetricsFetchError marks a failure to list metrics (wrapped in "unable to get metrics for resource ..."). */
class MetricsFetchError extends Error {}

function safeItems(items: () => readonly KubeObject[]): readonly KubeObject[] {
  try {
    return items();
  } catch (err) {
    throw new MetricsFetchError(errorText(err));
  }
}

/** usageError words a calculator error: fetch failures and empty metrics are "unable to get metrics for resource X". */
function usageError(name: string, err: unknown): string {
  const text = errorText(err);
  if (err instanceof MetricsFetchError || text === 'no metrics returned from resource metrics API') return `unable to get metrics for resource ${name}: ${text}`;
  return text;
}

function statusOf(spec: MetricSpec, name: string, container: string, current: MetricValueStatus): MetricStatus {
  if (spec.type === 'ContainerResource') return { type: 'ContainerResource', containerResource: { name, container, current } };
  return { type: 'Resource', resource: { name, current } };
}

/** adapterProposal is the failure of a metric that needs a custom or external metrics adapter. */
function adapterProposal(spec: MetricSpec): Proposal {
  switch (spec.type) {
    case 'Pods': {
      const detail = `unable to get metric ${spec.pods?.metric?.name ?? ''}: unable to fetch metrics from custom metrics API: no custom metrics API (custom.metrics.k8s.io) registered`;
      return { failure: { reason: 'FailedGetPodsMetric', message: detail, error: `failed to get pods metric value: ${detail}` } };
    }
    case 'Object': {
      const d = spec.object?.describedObject;
      const detail = `unable to get metric ${spec.object?.metric?.name ?? ''}: ${d?.kind ?? ''} on ${d?.name ?? ''}/unable to fetch metrics from custom metrics API: no custom metrics API (custom.metrics.k8s.io) registered`;
      return { failure: { reason: 'FailedGetObjectMetric', message: detail, error: `failed to get object metric value: ${detail}` } };
    }
    case 'External': {
      const detail = `unable to get external metric ${spec.external?.metric?.name ?? ''}: unable to fetch metrics from external metrics API: no external metrics API (external.metrics.k8s.io) registered`;
      return { failure: { reason: 'FailedGetExternalMetric', message: detail, error: `failed to get external metric value: ${detail}` } };
    }
    default: {
      const detail = `unknown metric source type "${spec.type}"`;
      return { failure: { reason: 'InvalidMetricSourceType', message: detail, error: detail } };
    }
  }
}

/** computeReplicasForMetrics combines every metric's proposal as upstream does. */
export function computeReplicasForMetrics(inputs: MetricInputs): MetricsResult {
  const specs = inputs.hpa.spec?.metrics ?? [];
  const statuses: MetricStatus[] = specs.map(() => ({ type: '' }));
  const failures: MetricFailure[] = [];
  let replicas = 0;
  let metricName = '';
  specs.forEach((spec, i) => {
    const p = spec.type === 'Resource' || spec.type === 'ContainerResource' ? resourceProposal(spec, inputs) : adapterProposal(spec);
    if ('failure' in p) {
      failures.push(p.failure);
      return;
    }
    statuses[i] = p.status;
    if (replicas === 0 || p.replicas > replicas) {
      replicas = p.replicas;
      metricName = p.metricName;
    }
  });
  const firstError = failures.length > 0 ? `invalid metrics (${failures.length} invalid out of ${specs.length}), first error is: ${failures[0].error}` : undefined;
  // Every metric failed, or some failed and the rest would scale down: do not act on partial data.
  if (failures.length >= specs.length || (failures.length > 0 && replicas < inputs.specReplicas)) {
    return { replicas: -1, metricName: '', statuses, failures, firstError };
  }
  return { replicas, metricName, statuses, failures, firstError };
}
