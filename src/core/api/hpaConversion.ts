/**
 * autoscaling/v1 ⇄ autoscaling/v2 HorizontalPodAutoscaler conversion
 * (pkg/apis/autoscaling/v1/conversion.go), for the parts v1 can express: a CPU utilization
 * target (`targetCPUUtilizationPercentage`) and its current value. v1.32's `kubectl autoscale`
 * builds and prints autoscaling/v1 objects; this API server stores and serves v2.
 *
 * NOTE: upstream keeps v2-only data (other metrics, conditions, behavior) in
 * `autoscaling.alpha.kubernetes.io/*` annotations of the v1 object; that is not modelled.
 */
import type { HorizontalPodAutoscaler as HPAv1 } from 'kubernetes-types/autoscaling/v1';
import type { HorizontalPodAutoscaler as HPAv2 } from 'kubernetes-types/autoscaling/v2';

/** hpaV1ToV2 converts a v1 HPA to v2 (no CPU target ⇒ no metrics, which v2 defaulting turns into CPU 80%). */
export function hpaV1ToV2(v1: HPAv1): HPAv2 {
  const spec = v1.spec;
  const out: HPAv2 = {
    apiVersion: 'autoscaling/v2',
    kind: 'HorizontalPodAutoscaler',
    metadata: v1.metadata,
    spec: {
      scaleTargetRef: spec!.scaleTargetRef,
      ...(spec?.minReplicas !== undefined ? { minReplicas: spec.minReplicas } : {}),
      maxReplicas: spec!.maxReplicas,
    },
  };
  if (spec?.targetCPUUtilizationPercentage !== undefined) {
    out.spec!.metrics = [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: spec.targetCPUUtilizationPercentage } } }];
  }
  return out;
}

/** hpaV2ToV1 converts a v2 HPA to what the v1 API shows. */
export function hpaV2ToV1(v2: HPAv2): HPAv1 {
  const spec = v2.spec!;
  const cpu = spec.metrics?.find((m) => m.type === 'Resource' && m.resource?.name === 'cpu' && m.resource.target.type === 'Utilization');
  const current = v2.status?.currentMetrics?.find((m) => m.type === 'Resource' && m.resource?.name === 'cpu')?.resource?.current.averageUtilization;
  const status = v2.status;
  return {
    apiVersion: 'autoscaling/v1',
    kind: 'HorizontalPodAutoscaler',
    metadata: v2.metadata,
    // Go struct order, which `-o json` keeps.
    spec: {
      scaleTargetRef: spec.scaleTargetRef,
      ...(spec.minReplicas !== undefined ? { minReplicas: spec.minReplicas } : {}),
      maxReplicas: spec.maxReplicas,
      ...(cpu?.resource?.target.averageUtilization !== undefined ? { targetCPUUtilizationPercentage: cpu.resource.target.averageUtilization } : {}),
    },
    // currentReplicas and desiredReplicas have no omitempty in v1.
    status: {
      ...(status?.lastScaleTime ? { lastScaleTime: status.lastScaleTime } : {}),
      currentReplicas: status?.currentReplicas ?? 0,
      desiredReplicas: status?.desiredReplicas ?? 0,
      ...(current !== undefined ? { currentCPUUtilizationPercentage: current } : {}),
    },
  };
}
