/**
 * autoscaling/v2 HorizontalPodAutoscaler defaults (pkg/apis/autoscaling/v2/defaults.go):
 * minReplicas 1; no metrics means CPU at 80% utilization; a behavior that is given gets every
 * missing rule filled: scale up at most 4 pods or 100% per 15 s with no stabilization, scale
 * down at most 100% per 15 s after a 300 s stabilization window, both choosing the Max policy.
 */
import type { HPAScalingRules, HorizontalPodAutoscaler } from 'kubernetes-types/autoscaling/v2';

/** DEFAULT_CPU_UTILIZATION is autoscaling.DefaultCPUUtilization. */
export const DEFAULT_CPU_UTILIZATION = 80;

/** defaultScaleUpRules are the scale-up rules an HPA without behavior follows. */
export function defaultScaleUpRules(): HPAScalingRules {
  return {
    stabilizationWindowSeconds: 0,
    selectPolicy: 'Max',
    policies: [
      { type: 'Pods', value: 4, periodSeconds: 15 },
      { type: 'Percent', value: 100, periodSeconds: 15 },
    ],
  };
}

/** defaultScaleDownRules are the scale-down rules an HPA without behavior follows. */
export function defaultScaleDownRules(): HPAScalingRules {
  return {
    stabilizationWindowSeconds: 300,
    selectPolicy: 'Max',
    policies: [{ type: 'Percent', value: 100, periodSeconds: 15 }],
  };
}

/** fillRules is copyHPAScalingRules: the given fields win, the rest come from the defaults. */
function fillRules(given: HPAScalingRules | undefined, defaults: HPAScalingRules): HPAScalingRules {
  if (!given) return defaults;
  return {
    ...given,
    stabilizationWindowSeconds: given.stabilizationWindowSeconds ?? defaults.stabilizationWindowSeconds,
    selectPolicy: given.selectPolicy ?? defaults.selectPolicy,
    policies: given.policies ?? defaults.policies,
  };
}

/** defaultHorizontalPodAutoscaler fills an autoscaling/v2 HPA in place. */
export function defaultHorizontalPodAutoscaler(hpa: HorizontalPodAutoscaler): void {
  const spec = (hpa.spec ??= { maxReplicas: 0, scaleTargetRef: { kind: '', name: '' } });
  spec.minReplicas ??= 1;
  if (!spec.metrics || spec.metrics.length === 0) {
    spec.metrics = [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: DEFAULT_CPU_UTILIZATION } } }];
  }
  if (spec.behavior) {
    spec.behavior = { scaleUp: fillRules(spec.behavior.scaleUp, defaultScaleUpRules()), scaleDown: fillRules(spec.behavior.scaleDown, defaultScaleDownRules()) };
  }
}
