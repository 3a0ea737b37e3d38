/**
 * horizontalpodautoscalers: autoscaling/v2 HorizontalPodAutoscaler
 * (pkg/registry/autoscaling/horizontalpodautoscaler/strategy.go). Status is the HPA
 * controller's, written through `status`; users cannot set it on create or update. v1.32 has
 * no HPAGeneration gate, so there is no metadata.generation.
 *
 * NOTE: upstream also serves autoscaling/v1 (targetCPUUtilizationPercentage) by conversion;
 * this API server keeps one version per resource, so only v2 is served.
 */
import { clearStatus, define } from './define.ts';

export const horizontalpodautoscalers = define({
  group: 'autoscaling',
  version: 'v2',
  resource: 'horizontalpodautoscalers',
  kind: 'HorizontalPodAutoscaler',
  namespaced: true,
  shortNames: ['hpa'],
  categories: ['all'],
  subresources: ['status'],
  hasStatus: true,
  // desiredReplicas has no omitempty upstream, so a new HPA shows `status: {desiredReplicas: 0}`.
  prepareForCreate: clearStatus({ desiredReplicas: 0 }),
});
