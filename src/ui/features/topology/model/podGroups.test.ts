import { describe, expect, it } from 'vitest';
import { defaultFilter, deriveTopology } from './deriveTopology.ts';
import { node, owned, pod, store } from './fixtures.test-util.ts';
import { parsePodGroupId, podGroupView } from './podGroups.ts';

const RS = { kind: 'ReplicaSet', name: 'web-5d4f8b7c9' };

function cluster() {
  const pods = Array.from({ length: 12 }, (_, i) => pod(`web-5d4f8b7c9-p${String(i).padStart(2, '0')}`, i < 8 ? 'node01' : i < 11 ? 'node02' : '', i % 4 === 3 ? 'ContainerCreating' : 'Running', RS));
  const loose = pod('loose', 'node01', 'Completed', undefined, {});
  return store([node('node01'), node('node02'), owned('ReplicaSet', 'web-5d4f8b7c9', undefined, { spec: { replicas: 12 } }), ...pods, loose]);
}

describe('podGroupView', () => {
  it('opens the group the topology drew: owner, counts per STATUS, and its pods', () => {
    const objects = cluster();
    const g = deriveTopology(objects, defaultFilter(), 5);
    const group = g.pods.find((p) => p.kind === 'PodGroup' && p.group === '/nodes//node01' && p.ownerId);
    expect(group?.id).toBe('podgroup:/nodes//node01:default:apps/replicasets/default/web-5d4f8b7c9');
    const view = podGroupView(objects.values(), (k) => objects.get(k), group?.id ?? '');
    expect(view?.owner).toEqual({ key: 'apps/replicasets/default/web-5d4f8b7c9', kind: 'ReplicaSet', name: 'web-5d4f8b7c9' });
    expect(view?.nodeName).toBe('node01');
    expect(view?.counts).toEqual([['Running', 6], ['ContainerCreating', 2]]);
    expect(view?.pods.length).toBe(group?.kind === 'PodGroup' ? group.count : -1);
    expect(view?.pods[0]).toEqual({ key: '/pods/default/web-5d4f8b7c9-p00', name: 'web-5d4f8b7c9-p00', namespace: 'default', status: 'Running', ownerId: 'apps/replicasets/default/web-5d4f8b7c9' });
  });

  it('opens groups without an owner and on the Unscheduled shelf', () => {
    const objects = cluster();
    expect(podGroupView(objects.values(), (k) => objects.get(k), 'podgroup:/nodes//node01:default:')?.pods.map((p) => `${p.name} ${p.status}`)).toEqual(['loose Completed']);
    const shelf = podGroupView(objects.values(), (k) => objects.get(k), 'podgroup:unscheduled:default:apps/replicasets/default/web-5d4f8b7c9');
    expect(shelf?.nodeName).toBeUndefined();
    expect(shelf?.pods.map((p) => p.name)).toEqual(['web-5d4f8b7c9-p11']);
  });

  it('rejects ids that are not pod groups', () => {
    expect(parsePodGroupId('/pods/default/web')).toBeUndefined();
    expect(podGroupView([], () => undefined, 'podgroup:bad')).toBeUndefined();
  });
});
