/**
 * The HorizontalPodAutoscaler controller (pkg/controller/podautoscaler/horizontal.go,
 * reconcileAutoscaler). Every 15 s (--horizontal-pod-autoscaler-sync-period) each HPA:
 *
 * 1. reads its target's `scale` subresource (AbleToScale=False/FailedGetScale when it cannot),
 * 2. clamps to min/max, or asks each metric for a replica count (metricReplicas.ts),
 * 3. stabilizes and rate-limits that count (normalize.ts),
 * 4. writes `scale.spec.replicas` when it differs (event SuccessfulRescale), and
 * 5. writes status: current/desired replicas, current metrics, conditions, lastScaleTime.
 *
 * Recommendations and scale events are in memory, as upstream (a restarted controller forgets).
 */
import type { HorizontalPodAutoscaler, HorizontalPodAutoscalerCondition, HorizontalPodAutoscalerStatus } from 'kubernetes-types/autoscaling/v2';
import { deepEqual } from '../../api/equality.ts';
import { parseSelector } from '../../api/labelSelectorParser.ts';
import { matches } from '../../api/labels.ts';
import { rfc3339 } from '../../api/time.ts';
import type { KubeObject, Pod } from '../../api/types.ts';
import { PODS, type Client, type ResourceRef } from '../../client/client.ts';
import type { EventRecorder } from '../../client/events.ts';
import { keyOf, splitKey, type Informer } from '../../client/informer.ts';
import { WorkQueue } from '../../client/workqueue.ts';
import type { Cluster } from '../../sim/cluster.ts';
import type { Result } from '../../sim/loop.ts';
import { thaw } from '../../storage/freeze.ts';
import { computeReplicasForMetrics } from './metricReplicas.ts';
import { longestPeriodSeconds, normalizeDesiredReplicas, normalizeDesiredReplicasWithBehaviors, type BehaviorState, type Outcome } from './normalize.ts';

/** HPAS is the autoscaling HorizontalPodAutoscaler resource. */
export const HPAS: ResourceRef = { group: 'autoscaling', resource: 'horizontalpodautoscalers' };
const POD_METRICS: ResourceRef = { group: 'metrics.k8s.io', resource: 'pods' };

/** SYNC_PERIOD_MS is --horizontal-pod-autoscaler-sync-period. */
export const SYNC_PERIOD_MS = 15_000;

const HPA_USER = {
  username: 'system:serviceaccount:kube-system:horizontal-pod-autoscaler',
  groups: ['system:serviceaccounts', 'system:serviceaccounts:kube-system', 'system:authenticated'],
};

type Hpa = HorizontalPodAutoscaler & KubeObject;
type ConditionType = 'AbleToScale' | 'ScalingActive' | 'ScalingLimited';

/** HorizontalController reconciles HorizontalPodAutoscalers. */
export class HorizontalController {
  readonly name = 'horizontal-pod-autoscaler';
  readonly queue: WorkQueue;
  private readonly client: Client;
  private readonly recorder: EventRecorder;
  private readonly hpaInformer: Informer;
  private readonly podInformer: Informer;
  private readonly state = new Map<string, BehaviorState>();

  constructor(private readonly cluster: Cluster) {
    this.queue = new WorkQueue('horizontalpodautoscaler', cluster.clock);
    this.client = cluster.client('kube-controller-manager', HPA_USER);
    this.recorder = cluster.recorder('horizontal-pod-autoscaler');
    this.hpaInformer = cluster.informers.forResource(HPAS);
    this.podInformer = cluster.informers.forResource(PODS);
    this.hpaInformer.addHandler({
      add: (hpa) => this.queue.add(keyOf(hpa)),
      // Status writes are our own; only spec changes need a sync before the next period.
      update: (old, cur) => {
        if (!deepEqual(old.spec, cur.spec)) this.queue.add(keyOf(cur));
      },
      delete: (hpa) => this.queue.add(keyOf(hpa)),
    });
  }

  reconcile(key: string): Result {
    const { namespace, name } = splitKey(key);
    const cached = this.hpaInformer.get(namespace, name);
    if (!cached) {
      this.state.delete(key);
      return {};
    }
    const hpa = thaw(cached) as Hpa;
    const original = thaw(cached.status ?? {}) as HorizontalPodAutoscalerStatus;
    this.reconcileAutoscaler(key, hpa);
    if (!deepEqual(original, hpa.status)) this.writeStatus(hpa);
    return { requeueAfter: SYNC_PERIOD_MS };
  }

  private reconcileAutoscaler(key: string, hpa: Hpa): void {
    const spec = hpa.spec!;
    const now = this.cluster.clock.now();
    const ref = spec.scaleTargetRef;
    const target = this.scaleTarget(ref.apiVersion ?? '', ref.kind);
    if (typeof target === 'string') return this.failedGetScale(hpa, target);
    let scale: KubeObject;
    try {
      scale = this.client.getScale(target, hpa.metadata.namespace ?? '', ref.name);
    } catch (err) {
      return this.failedGetScale(hpa, (err as Error).message);
    }
    setCondition(hpa, 'AbleToScale', 'True', 'SucceededGetScale', "the HPA controller was able to get the target's current scale", now);
    const current = (scale.spec as { replicas?: number } | undefined)?.replicas ?? 0;
    const selectorText = (scale.status as { selector?: string } | undefined)?.selector ?? '';
    const min = spec.minReplicas ?? 1;
    let desired: number;
    let rescale = true;
    let rescaleReason = '';
    // Only a metric computation fills currentMetrics; clamping to min/max clears it, as upstream.
    let statuses: HorizontalPodAutoscalerStatus['currentMetrics'];

    if (current === 0 && min !== 0) {
      desired = 0;
      rescale = false;
      setCondition(hpa, 'ScalingActive', 'False', 'ScalingDisabled', 'scaling is disabled since the replica count of the target is zero', now);
    } else if (current > spec.maxReplicas) {
      rescaleReason = 'Current number of replicas above Spec.MaxReplicas';
      desired = spec.maxReplicas;
    } else if (current < min) {
      rescaleReason = 'Current number of replicas below Spec.MinReplicas';
      desired = min;
    } else {
      if (selectorText === '') {
        this.recorder.warning(hpa, 'SelectorRequired', 'selector is required');
        setCondition(hpa, 'ScalingActive', 'False', 'InvalidSelector', "the HPA target's scale is missing a selector", now);
        this.setStatus(hpa, current, hpa.status?.desiredReplicas ?? 0, statuses, false);
        return;
      }
      const selector = parseSelector(selectorText);
      const ns = hpa.metadata.namespace ?? '';
      const pods = this.podInformer.list(ns).filter((p) => matches(selector, p.metadata.labels)) as unknown as Pod[];
      const result = computeReplicasForMetrics({
        hpa,
        specReplicas: current,
        pods,
        podMetrics: () => this.client.list(POD_METRICS, ns, { labelSelector: selectorText }).items,
        now,
      });
      statuses = result.statuses;
      for (const f of result.failures) this.recorder.warning(hpa, f.reason, f.message);
      if (result.replicas === -1) {
        const f = result.failures[0];
        setCondition(hpa, 'ScalingActive', 'False', f.reason, `the HPA was unable to compute the replica count: ${f.message}`, now);
        this.setStatus(hpa, current, hpa.status?.desiredReplicas ?? 0, statuses, false);
        this.recorder.warning(hpa, 'FailedComputeMetricsReplicas', result.firstError ?? '');
        return;
      }
      setCondition(hpa, 'ScalingActive', 'True', 'ValidMetricFound', `the HPA was able to successfully calculate a replica count from ${result.metricName}`, now);
      const outcome = this.normalize(key, hpa, current, result.replicas, min, now);
      setCondition(hpa, 'AbleToScale', 'True', outcome.ableToScale.reason, outcome.ableToScale.message, now);
      setCondition(hpa, 'ScalingLimited', outcome.scalingLimited.status, outcome.scalingLimited.reason, outcome.scalingLimited.message, now);
      desired = outcome.replicas;
      rescale = desired !== current;
      if (desired > current) rescaleReason = `${result.metricName} above target`;
      if (desired < current) rescaleReason = 'All metrics below target';
    }

    if (rescale) {
      try {
        const next = thaw(scale);
        (next.spec as { replicas: number }).replicas = desired;
        this.client.updateScale(target, hpa.metadata.namespace ?? '', ref.name, next);
      } catch (err) {
        this.recorder.warning(hpa, 'FailedRescale', `New size: ${desired}; reason: ${rescaleReason}; error: ${(err as Error).message}`);
        setCondition(hpa, 'AbleToScale', 'False', 'FailedUpdateScale', `the HPA controller was unable to update the target scale: ${(err as Error).message}`, now);
        this.setStatus(hpa, current, hpa.status?.desiredReplicas ?? 0, statuses, false);
        return;
      }
      setCondition(hpa, 'AbleToScale', 'True', 'SucceededRescale', `the HPA controller was able to update the target scale to ${desired}`, now);
      this.recorder.normal(hpa, 'SuccessfulRescale', `New size: ${desired}; reason: ${rescaleReason}`);
      this.storeScaleEvent(key, hpa, current, desired, now);
    }
    this.setStatus(hpa, current, desired, statuses, rescale);
  }

  /** scaleTarget maps scaleTargetRef to a served resource with a scale subresource, or an error message. */
  private scaleTarget(apiVersion: string, kind: string): ResourceRef | string {
    const group = apiVersion.includes('/') ? apiVersion.split('/')[0] : '';
    const def = this.client.discovery().find((d) => d.group === group && d.kind === kind);
    if (!def) return `no matches for kind "${kind}" in group "${group}"`;
    return { group: def.group, resource: def.resource };
  }

  private failedGetScale(hpa: Hpa, message: string): void {
    this.recorder.warning(hpa, 'FailedGetScale', message);
    setCondition(hpa, 'AbleToScale', 'False', 'FailedGetScale', `the HPA controller was unable to get the target's current scale: ${message}`, this.cluster.clock.now());
  }

  private normalize(key: string, hpa: Hpa, current: number, desired: number, min: number, now: number): Outcome {
    let st = this.state.get(key);
    if (!st) this.state.set(key, (st = { recommendations: [], scaleUpEvents: [], scaleDownEvents: [] }));
    const behavior = hpa.spec?.behavior;
    if (!behavior) return normalizeDesiredReplicas(st.recommendations, now, current, desired, min, hpa.spec!.maxReplicas);
    return normalizeDesiredReplicasWithBehaviors(st, now, current, desired, min, hpa.spec!.maxReplicas, behavior.scaleUp ?? {}, behavior.scaleDown ?? {});
  }

  /** storeScaleEvent keeps scale events for behavior policies, dropping those older than the longest period. */
  private storeScaleEvent(key: string, hpa: Hpa, prev: number, next: number, now: number): void {
    const behavior = hpa.spec?.behavior;
    const st = this.state.get(key);
    if (!behavior || !st) return;
    if (next > prev) {
      const keep = longestPeriodSeconds(behavior.scaleUp) * 1000;
      st.scaleUpEvents = [...st.scaleUpEvents.filter((e) => e.at > now - keep), { change: next - prev, at: now }];
    } else {
      const keep = longestPeriodSeconds(behavior.scaleDown) * 1000;
      st.scaleDownEvents = [...st.scaleDownEvents.filter((e) => e.at > now - keep), { change: prev - next, at: now }];
    }
  }

  /** setStatus is setStatus: replica counts, metrics, conditions kept, lastScaleTime on rescale. */
  private setStatus(hpa: Hpa, current: number, desired: number, metrics: HorizontalPodAutoscalerStatus['currentMetrics'], rescale: boolean): void {
    const old = hpa.status ?? { desiredReplicas: 0 };
    const status: HorizontalPodAutoscalerStatus = { desiredReplicas: desired };
    if (current !== 0) status.currentReplicas = current;
    if (metrics && metrics.length > 0) status.currentMetrics = metrics;
    if (old.conditions) status.conditions = old.conditions;
    const lastScaleTime = rescale ? rfc3339(this.cluster.clock.now()) : old.lastScaleTime;
    if (lastScaleTime) status.lastScaleTime = lastScaleTime;
    hpa.status = status;
  }

  private writeStatus(hpa: Hpa): void {
    try {
      this.client.updateStatus(HPAS, hpa);
    } catch (err) {
      // A conflict means someone changed the HPA; the next sync (or the spec change) retries.
      if ((err as { code?: number }).code !== 409) throw err;
    }
  }
}

/** setCondition updates one condition, moving lastTransitionTime only when the status changes. */
function setCondition(hpa: Hpa, type: ConditionType, status: 'True' | 'False', reason: string, message: string, now: number): void {
  const st = (hpa.status ??= { desiredReplicas: 0 });
  const conditions: HorizontalPodAutoscalerCondition[] = st.conditions ? [...st.conditions] : [];
  const i = conditions.findIndex((c) => c.type === type);
  const old = i >= 0 ? conditions[i] : undefined;
  const next: HorizontalPodAutoscalerCondition = {
    type,
    status,
    lastTransitionTime: old && old.status === status ? old.lastTransitionTime : rfc3339(now),
    reason,
    message,
  };
  if (i >= 0) conditions[i] = next;
  else conditions.push(next);
  st.conditions = conditions;
}

/** installHorizontalPodAutoscalerController registers the HPA controller. */
export function installHorizontalPodAutoscalerController(cluster: Cluster): HorizontalController {
  const controller = new HorizontalController(cluster);
  cluster.addReconciler(controller);
  return controller;
}
