import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../core/api/types.ts';
import { createCluster } from '../core/sim/createCluster.ts';
import { ActivityTap, type ActivityLoop } from './activityTap.ts';

function obj(kind: string, namespace: string, name: string): KubeObject {
  return { apiVersion: 'v1', kind, metadata: { namespace, name } } as KubeObject;
}

describe('ActivityTap', () => {
  it('attributes the watch events between onActivity and onActivityDone to that reconcile', () => {
    const loop: ActivityLoop = {};
    const tap = new ActivityTap(() => 42);
    tap.attach(loop);
    tap.observe('MODIFIED', obj('Deployment', 'default', 'web'));
    loop.onActivity?.('deployment-controller', 'default/web');
    tap.observe('ADDED', obj('ReplicaSet', 'default', 'web-5d4f'));
    loop.onActivityDone?.('deployment-controller', 'default/web');
    tap.observe('MODIFIED', obj('Pod', 'default', 'web-5d4f-abcde'));
    expect(tap.flush()).toEqual([
      { at: 42, component: 'deployment-controller', verb: 'reconcile', summary: 'default/web', key: 'default/web', woke: 'MODIFIED Deployment default/web', wrote: ['ADDED ReplicaSet default/web-5d4f'] },
    ]);
    expect(tap.flush()).toEqual([]);
  });

  it('sees a real cluster create a ReplicaSet and its pods', () => {
    const cluster = createCluster({ seed: 1, startTime: Date.UTC(2026, 0, 1), settleMs: 0 });
    const tap = new ActivityTap(() => cluster.now());
    tap.attach(cluster.loop);
    const client = cluster.client();
    const watch = client.watch({ group: 'apps', resource: 'replicasets' }, undefined, {}, (ev) => tap.observe(ev.type, ev.object));
    const pods = client.watch({ group: '', resource: 'pods' }, undefined, {}, (ev) => tap.observe(ev.type, ev.object));
    cluster.settle();
    tap.flush();
    client.create({ group: 'apps', resource: 'deployments' }, 'default', {
      apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' },
      spec: { replicas: 2, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx' }] } } },
    } as KubeObject);
    cluster.settle();
    const records = tap.flush();
    const dep = records.find((r) => r.component === 'deployment-controller' && r.wrote?.some((w) => w.startsWith('ADDED ReplicaSet default/web-')));
    expect(dep?.key).toBe('default/web');
    const rs = records.find((r) => r.component === 'replicaset-controller' && (r.wrote?.length ?? 0) > 0);
    expect(rs?.wrote?.filter((w) => w.startsWith('ADDED Pod default/web-'))).toHaveLength(2);
    watch.stop();
    pods.stop();
  });
});
