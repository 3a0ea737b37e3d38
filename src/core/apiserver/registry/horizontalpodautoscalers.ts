/**
 * horizontalpodautoscalers: autoscaling/v2 HorizontalPodAutoscaler
 * (pkg/registry/autoscaling/horizontalpodautoscaler/strategy.go). Status is the HPA
 * controller's, written through `status`; users cannot set it on create or update. v1.32 has
 * no HPAGeneration gate, so there is no metadata.generation.
 *
 * NOTE: upstream serves autoscaling/v1 (targetCPUUtilizationPercentage) too, by conversion.
 * This API server keeps one version per resource: v1 objects are accepted (converted to v2 on
 * decode, `convertFrom`); reads answer in v2, except over HTTP on a v1 path (`convertTo`).
 */
import type { HorizontalPodAutoscaler as HPAv1 } from 'kubernetes-types/autoscaling/v1';
import { hpaV1ToV2, hpaV2ToV1 } from '../../api/hpaConversion.ts';
import type { KubeObject } from '../../api/types.ts';
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
  convertFrom: { 'autoscaling/v1': (obj) => hpaV1ToV2(obj as unknown as HPAv1) as unknown as KubeObject },
  convertTo: { 'autoscaling/v1': (obj) => hpaV2ToV1(obj as never) as unknown as KubeObject },
});
