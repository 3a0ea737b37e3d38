import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../../core/api/types.ts';
import { rolloutStatus } from './statusViewer.ts';

function deployment(spec: object, status: object, generation = 1): KubeObject {
  return { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', generation }, spec, status } as KubeObject;
}

describe('rolloutStatus (rollout_status.go)', () => {
  it('waits for the controller to observe the spec', () => {
    expect(rolloutStatus('Deployment', deployment({ replicas: 3 }, { observedGeneration: 1 }, 2))).toEqual({
      message: 'Waiting for deployment spec update to be observed...\n',
      done: false,
    });
  });

  it('walks through kubectl progress messages in order', () => {
    const base = { observedGeneration: 1 };
    expect(rolloutStatus('Deployment', deployment({ replicas: 3 }, { ...base, updatedReplicas: 1, replicas: 4 })).message).toBe(
      'Waiting for deployment "web" rollout to finish: 1 out of 3 new replicas have been updated...\n',
    );
    expect(rolloutStatus('Deployment', deployment({ replicas: 3 }, { ...base, updatedReplicas: 3, replicas: 4 })).message).toBe(
      'Waiting for deployment "web" rollout to finish: 1 old replicas are pending termination...\n',
    );
    expect(rolloutStatus('Deployment', deployment({ replicas: 3 }, { ...base, updatedReplicas: 3, replicas: 3, availableReplicas: 1 })).message).toBe(
      'Waiting for deployment "web" rollout to finish: 1 of 3 updated replicas are available...\n',
    );
    expect(rolloutStatus('Deployment', deployment({ replicas: 3 }, { ...base, updatedReplicas: 3, replicas: 3, availableReplicas: 3 }))).toEqual({
      message: 'deployment "web" successfully rolled out\n',
      done: true,
    });
  });

  it('fails when the progress deadline passed', () => {
    const status = { observedGeneration: 1, conditions: [{ type: 'Progressing', status: 'False', reason: 'ProgressDeadlineExceeded' }] };
    expect(() => rolloutStatus('Deployment', deployment({ replicas: 1 }, status))).toThrow('error: deployment "web" exceeded its progress deadline');
  });

  it('knows daemon sets and stateful sets, and refuses other kinds', () => {
    const ds = { kind: 'DaemonSet', metadata: { name: 'proxy', generation: 1 }, spec: {}, status: { observedGeneration: 1, desiredNumberScheduled: 3, updatedNumberScheduled: 3, numberAvailable: 2 } };
    expect(rolloutStatus('DaemonSet', ds as KubeObject).message).toBe('Waiting for daemon set "proxy" rollout to finish: 2 of 3 updated pods are available...\n');
    const sts = { kind: 'StatefulSet', metadata: { name: 'db', generation: 1 }, spec: { replicas: 3, updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 0 } } }, status: { observedGeneration: 1, readyReplicas: 3, updatedReplicas: 3 } };
    expect(rolloutStatus('StatefulSet', sts as KubeObject)).toEqual({ message: 'partitioned roll out complete: 3 new pods have been updated...\n', done: true });
    expect(() => rolloutStatus('Pod', { metadata: {} } as KubeObject)).toThrow('error: no status viewer has been implemented for Pod');
  });
});
