import { describe, expect, it } from 'vitest';
import type { Node, PodSpec } from 'kubernetes-types/core/v1';
import { podSpecMatchesNodeSelectorAndAffinity } from './nodeAffinity.ts';

const node: Node = { metadata: { name: 'worker-1', labels: { disk: 'ssd', cores: '8' } } };
const required = (expr: { key: string; operator: string; values?: string[] }, field = false): PodSpec => ({
  containers: [],
  affinity: {
    nodeAffinity: {
      requiredDuringSchedulingIgnoredDuringExecution: {
        nodeSelectorTerms: [field ? { matchFields: [expr] } : { matchExpressions: [expr] }],
      },
    },
  },
});

describe('podSpecMatchesNodeSelectorAndAffinity', () => {
  it('needs every nodeSelector label to be equal', () => {
    expect(podSpecMatchesNodeSelectorAndAffinity({ containers: [], nodeSelector: { disk: 'ssd' } }, node)).toBe(true);
    expect(podSpecMatchesNodeSelectorAndAffinity({ containers: [], nodeSelector: { disk: 'hdd' } }, node)).toBe(false);
    expect(podSpecMatchesNodeSelectorAndAffinity(undefined, node)).toBe(true);
  });

  it('matches required node affinity operators', () => {
    expect(podSpecMatchesNodeSelectorAndAffinity(required({ key: 'disk', operator: 'In', values: ['ssd'] }), node)).toBe(true);
    expect(podSpecMatchesNodeSelectorAndAffinity(required({ key: 'disk', operator: 'NotIn', values: ['ssd'] }), node)).toBe(false);
    expect(podSpecMatchesNodeSelectorAndAffinity(required({ key: 'gpu', operator: 'DoesNotExist' }), node)).toBe(true);
    expect(podSpecMatchesNodeSelectorAndAffinity(required({ key: 'cores', operator: 'Gt', values: ['4'] }), node)).toBe(true);
    expect(podSpecMatchesNodeSelectorAndAffinity(required({ key: 'disk', operator: 'Gt', values: ['4'] }), node)).toBe(false);
  });

  it('matches metadata.name fields, and an empty term matches nothing', () => {
    expect(podSpecMatchesNodeSelectorAndAffinity(required({ key: 'metadata.name', operator: 'In', values: ['worker-1'] }, true), node)).toBe(true);
    const empty: PodSpec = {
      containers: [],
      affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{}] } } },
    };
    expect(podSpecMatchesNodeSelectorAndAffinity(empty, node)).toBe(false);
  });
});
