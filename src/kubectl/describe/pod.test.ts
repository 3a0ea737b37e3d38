import { describe, expect, it } from 'vitest';
import { describePod } from './pod.ts';
import type { KubeObject } from '../../core/api/types.ts';

const now = Date.parse('2026-11-22T05:40:22Z');

describe('describePod status lines', () => {
  it('shows Terminating with how long it has lasted and the grace period', () => {
    const pod = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'p', namespace: 'default', deletionTimestamp: '2026-11-22T05:40:17Z', deletionGracePeriodSeconds: 30 },
      spec: { containers: [{ name: 'c', image: 'nginx' }] },
      status: { phase: 'Running' },
    } as unknown as KubeObject;
    const text = describePod(pod, { now });
    expect(text).toContain('Status:                    Terminating (lasts 5s)\n');
    expect(text).toContain('Termination Grace Period:  30s\n');
    expect(text).not.toContain('Events:');
  });

  it('prints Controlled By from the controller owner reference', () => {
    const pod = {
      metadata: {
        name: 'web-1',
        namespace: 'default',
        ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web-6b8f', uid: 'u', controller: true }],
      },
      spec: { containers: [] },
      status: {},
    } as unknown as KubeObject;
    expect(describePod(pod, { now })).toContain('Controlled By:  ReplicaSet/web-6b8f\n');
  });
});
