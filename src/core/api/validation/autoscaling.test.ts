import { describe, expect, it } from 'vitest';
import type { HorizontalPodAutoscaler } from 'kubernetes-types/autoscaling/v2';
import { defaultHorizontalPodAutoscaler } from '../defaults/autoscaling.ts';
import { hpaV1ToV2, hpaV2ToV1 } from '../hpaConversion.ts';
import { validateHorizontalPodAutoscaler } from './autoscaling.ts';

const base = (): HorizontalPodAutoscaler => ({
  apiVersion: 'autoscaling/v2',
  kind: 'HorizontalPodAutoscaler',
  metadata: { name: 'web', namespace: 'default' },
  spec: { scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' }, maxReplicas: 5 },
});

const messages = (hpa: HorizontalPodAutoscaler) => validateHorizontalPodAutoscaler(hpa).map((e) => `${e.field}: ${e.type}: ${e.detail ?? ''}`);

describe('HorizontalPodAutoscaler defaults', () => {
  it('fills minReplicas 1 and a CPU 80% metric, and no behavior unless one is given', () => {
    const hpa = base();
    defaultHorizontalPodAutoscaler(hpa);
    expect(hpa.spec).toEqual({
      scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' },
      maxReplicas: 5,
      minReplicas: 1,
      metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 80 } } }],
    });
  });

  it('completes a partial behavior with the default rules', () => {
    const hpa = base();
    hpa.spec!.behavior = { scaleDown: { stabilizationWindowSeconds: 60 } };
    defaultHorizontalPodAutoscaler(hpa);
    expect(hpa.spec!.behavior).toEqual({
      scaleUp: { stabilizationWindowSeconds: 0, selectPolicy: 'Max', policies: [{ type: 'Pods', value: 4, periodSeconds: 15 }, { type: 'Percent', value: 100, periodSeconds: 15 }] },
      scaleDown: { stabilizationWindowSeconds: 60, selectPolicy: 'Max', policies: [{ type: 'Percent', value: 100, periodSeconds: 15 }] },
    });
  });
});

describe('HorizontalPodAutoscaler validation', () => {
  it('accepts a defaulted HPA', () => {
    const hpa = base();
    defaultHorizontalPodAutoscaler(hpa);
    expect(messages(hpa)).toEqual([]);
  });

  it('checks replica bounds, the target and metric targets in upstream order and words', () => {
    const hpa = base();
    hpa.spec = {
      scaleTargetRef: { kind: 'Deployment/x', name: '' },
      minReplicas: 0,
      maxReplicas: -1,
      metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 50, averageValue: '100m' } } }, { type: 'Pods' }],
      behavior: { scaleUp: { policies: [{ type: 'Pods', value: 0, periodSeconds: 1801 }] } },
    };
    expect(messages(hpa)).toEqual([
      'spec.minReplicas: FieldValueInvalid: must be greater than or equal to 1',
      'spec.maxReplicas: FieldValueInvalid: must be greater than 0',
      'spec.maxReplicas: FieldValueInvalid: must be greater than or equal to `minReplicas`',
      "spec.scaleTargetRef.kind: FieldValueInvalid: may not contain '/'",
      'spec.scaleTargetRef.name: FieldValueRequired: ',
      'spec.metrics[0].resource.target.averageValue: FieldValueForbidden: may not set both a target raw value and a target utilization',
      'spec.metrics[1].pods: FieldValueRequired: must populate information for the given metric source',
      'spec.behavior.scaleUp.policies[0].value: FieldValueInvalid: must be greater than zero',
      'spec.behavior.scaleUp.policies[0].periodSeconds: FieldValueInvalid: must be less than or equal to 1800',
    ]);
  });
});

describe('autoscaling/v1 conversion', () => {
  it('round-trips the CPU target and shows current utilization in v1', () => {
    const v2 = hpaV1ToV2({ metadata: { name: 'web' }, spec: { scaleTargetRef: { kind: 'Deployment', name: 'web', apiVersion: 'apps/v1' }, maxReplicas: 4, targetCPUUtilizationPercentage: 50 } });
    expect(v2.spec!.metrics).toEqual([{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 50 } } }]);
    v2.status = { currentReplicas: 2, desiredReplicas: 3, currentMetrics: [{ type: 'Resource', resource: { name: 'cpu', current: { averageUtilization: 75, averageValue: '150m' } } }] };
    expect(hpaV2ToV1(v2)).toMatchObject({
      apiVersion: 'autoscaling/v1',
      spec: { maxReplicas: 4, targetCPUUtilizationPercentage: 50 },
      status: { currentReplicas: 2, desiredReplicas: 3, currentCPUUtilizationPercentage: 75 },
    });
  });
});
