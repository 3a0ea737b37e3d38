import { describe, expect, it } from 'vitest';
import type { Job } from 'kubernetes-types/batch/v1';
import type { KubeObject } from '../../api/types.ts';
import { JOBS } from '../../client/client.ts';
import type { Cluster } from '../../sim/cluster.ts';
import { thaw } from '../../storage/freeze.ts';
import { installGarbageCollector } from '../garbagecollector/garbageCollector.ts';
import { list, newTestCluster } from '../replicaset/testUtils.ts';
import { installTTLAfterFinishedController } from './ttlAfterFinishedController.ts';

function job(name: string, ttl?: number): KubeObject {
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name },
    spec: { ...(ttl === undefined ? {} : { ttlSecondsAfterFinished: ttl }), template: { spec: { containers: [{ name: 'c', image: 'busybox' }], restartPolicy: 'Never' } } },
  };
}

function finish(cluster: Cluster, name: string): void {
  const j = thaw(cluster.client().get(JOBS, 'default', name)) as Job & KubeObject;
  const now = new Date(cluster.now()).toISOString().replace('.000Z', 'Z');
  j.status = { conditions: [{ type: 'Complete', status: 'True', lastTransitionTime: now, lastProbeTime: now }] };
  cluster.client().updateStatus(JOBS, j);
  cluster.settle();
}

describe('TTL-after-finished controller', () => {
  // Foreground deletion: the garbage collector removes the Job once its dependents are gone.
  it('deletes a finished Job ttlSecondsAfterFinished after it finished, and leaves others', () => {
    const cluster = newTestCluster(installTTLAfterFinishedController, installGarbageCollector);
    cluster.client().create(JOBS, 'default', job('short', 30));
    cluster.client().create(JOBS, 'default', job('keep'));
    cluster.client().create(JOBS, 'default', job('running', 0));
    cluster.settle();
    finish(cluster, 'short');
    finish(cluster, 'keep');
    cluster.advance(29_000);
    expect(list(cluster, JOBS).map((j) => j.metadata.name)).toEqual(['keep', 'running', 'short']);
    cluster.advance(1_000);
    expect(list(cluster, JOBS).map((j) => j.metadata.name)).toEqual(['keep', 'running']);
  });
});
