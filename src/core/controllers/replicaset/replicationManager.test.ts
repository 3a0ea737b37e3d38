import { describe, expect, it } from 'vitest';
import { EVENTS, PODS } from '../../client/client.ts';
import { markPodsReady, newTestCluster, podsMatching } from './testUtils.ts';
import { installReplicationManager, REPLICATION_CONTROLLER_KIND } from './replicationManager.ts';

const RCS = REPLICATION_CONTROLLER_KIND.ref;

describe('replication manager', () => {
  it('keeps an RC at its replicas, owning pods as v1 ReplicationController', () => {
    const c = newTestCluster(installReplicationManager);
    c.client().create(RCS, 'default', {
      apiVersion: 'v1',
      kind: 'ReplicationController',
      metadata: { name: 'nginx' },
      spec: { replicas: 2, selector: { app: 'nginx' }, template: { metadata: { labels: { app: 'nginx' } }, spec: { containers: [{ name: 'nginx', image: 'nginx' }] } } },
    });
    c.settle();
    const pods = podsMatching(c, 'app=nginx');
    expect(pods).toHaveLength(2);
    expect(pods[0].metadata?.ownerReferences).toEqual([
      { apiVersion: 'v1', kind: 'ReplicationController', name: 'nginx', uid: expect.any(String), controller: true, blockOwnerDeletion: true },
    ]);
    expect(pods[0].metadata?.name).toMatch(/^nginx-[a-z0-9]{5}$/);
    markPodsReady(c, 'app=nginx');
    c.settle();
    expect(c.client().get(RCS, 'default', 'nginx').status).toMatchObject({ replicas: 2, readyReplicas: 2, availableReplicas: 2, observedGeneration: 1 });
    const events = c.client().list(EVENTS, 'default').items.filter((e) => e.reason === 'SuccessfulCreate');
    expect(events.map((e) => (e.source as { component?: string }).component)).toEqual(['replication-controller', 'replication-controller']);

    // A pod deleted by hand is replaced.
    c.client().delete(PODS, 'default', pods[0].metadata!.name!, { gracePeriodSeconds: 0 });
    c.settle();
    expect(podsMatching(c, 'app=nginx').filter((p) => !p.metadata?.deletionTimestamp)).toHaveLength(2);
  });
});
