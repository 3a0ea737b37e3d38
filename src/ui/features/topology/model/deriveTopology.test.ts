import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../../../core/api/types.ts';
import { aggregateThreshold } from './aggregate.ts';
import { defaultFilter, deriveTopology, selectorMatches, UNSCHEDULED_ID } from './deriveTopology.ts';
import { node, owned, pod, store } from './fixtures.test-util.ts';

const RS = { kind: 'ReplicaSet', name: 'web-5d4f8b7c9' };

function cluster(extra: KubeObject[] = []) {
  return store([
    node('controlplane'),
    node('node01'),
    node('node02', false),
    owned('Namespace', 'default', undefined, {}, ''),
    owned('Deployment', 'web', undefined, { spec: { replicas: 3 }, status: { readyReplicas: 2 } }),
    owned('ReplicaSet', 'web-5d4f8b7c9', { kind: 'Deployment', name: 'web' }, { spec: { replicas: 3 }, status: { readyReplicas: 2 } }),
    owned('ReplicaSet', 'web-old', { kind: 'Deployment', name: 'web' }, { spec: { replicas: 0 } }),
    pod('web-5d4f8b7c9-aaaaa', 'node01', 'Running', RS),
    pod('web-5d4f8b7c9-bbbbb', 'node02', 'Running', RS),
    pod('web-5d4f8b7c9-ccccc', '', 'Pending', RS),
    pod('other', 'node01', 'Running', undefined, {}),
    ...extra,
  ]);
}

describe('deriveTopology', () => {
  it('puts pods in the boxes of their nodes and keeps unscheduled pods on a shelf', () => {
    const g = deriveTopology(cluster(), defaultFilter());
    expect(g.groups.map((x) => [x.kind, x.name, x.ready, x.members.map((m) => m.split('/').pop())])).toEqual([
      ['Node', 'controlplane', true, []],
      ['Node', 'node01', true, ['other', 'web-5d4f8b7c9-aaaaa']],
      ['Node', 'node02', false, ['web-5d4f8b7c9-bbbbb']],
      ['Unscheduled', 'Unscheduled', true, ['web-5d4f8b7c9-ccccc']],
    ]);
    expect(g.pods.find((p) => p.name === 'web-5d4f8b7c9-ccccc')).toMatchObject({ kind: 'Pod', status: 'Pending', group: UNSCHEDULED_ID, ready: false });
  });

  it('links Deployment → ReplicaSet → Pod by controller references and hides empty old ReplicaSets', () => {
    const g = deriveTopology(cluster(), defaultFilter());
    expect(g.workloads.map((w) => `${w.kind} ${w.name} ${w.summary}`)).toEqual(['Deployment web 2/3', 'ReplicaSet web-5d4f8b7c9 2/3']);
    expect(g.edges.filter((e) => e.relation === 'owns').map((e) => `${e.source.split('/').pop()}>${e.target.split('/').pop()}`)).toEqual([
      'web>web-5d4f8b7c9',
      'web-5d4f8b7c9>web-5d4f8b7c9-aaaaa',
      'web-5d4f8b7c9>web-5d4f8b7c9-bbbbb',
      'web-5d4f8b7c9>web-5d4f8b7c9-ccccc',
    ]);
  });

  it('links a Service to the pods its selector matches, ready per EndpointSlice, and an Ingress to the Service', () => {
    const svc = owned('Service', 'web', undefined, { spec: { selector: { app: 'web' }, type: 'NodePort' } });
    const slice = owned('EndpointSlice', 'web-abcde', { kind: 'Service', name: 'web' }, {
      endpoints: [
        { targetRef: { kind: 'Pod', name: 'web-5d4f8b7c9-aaaaa' }, conditions: { ready: true } },
        { targetRef: { kind: 'Pod', name: 'web-5d4f8b7c9-bbbbb' }, conditions: { ready: false } },
      ],
    });
    slice.metadata.labels = { 'kubernetes.io/service-name': 'web' };
    const ing = owned('Ingress', 'web', undefined, { spec: { rules: [{ http: { paths: [{ backend: { service: { name: 'web' } } }, { backend: { service: { name: 'missing' } } }] } }] } });
    const g = deriveTopology(cluster([svc, slice, ing]), defaultFilter());
    expect(g.services).toEqual([{ id: '/services/default/web', kind: 'Service', name: 'web', namespace: 'default', type: 'NodePort' }]);
    expect(g.edges.filter((e) => e.relation === 'selects').map((e) => [e.target.split('/').pop(), e.ready])).toEqual([
      ['web-5d4f8b7c9-aaaaa', true],
      ['web-5d4f8b7c9-bbbbb', false],
      ['web-5d4f8b7c9-ccccc', false],
    ]);
    expect(g.edges.filter((e) => e.relation === 'routes')).toEqual([
      { id: 'routes:networking.k8s.io/ingresses/default/web>/services/default/web', source: 'networking.k8s.io/ingresses/default/web', target: '/services/default/web', relation: 'routes' },
    ]);
  });

  it('links CronJob → Job → Pod and shows a finished Job pod as kubectl does (Completed)', () => {
    const cron = owned('CronJob', 'backup', undefined, { spec: { schedule: '*/5 * * * *' } });
    const job = owned('Job', 'backup-29000000', { kind: 'CronJob', name: 'backup' }, { spec: { completions: 1 }, status: { succeeded: 1 } });
    const done = pod('backup-29000000-x7k2p', 'node01', 'Completed', { kind: 'Job', name: 'backup-29000000' }, { 'job-name': 'backup-29000000' });
    const g = deriveTopology(cluster([cron, job, done]), defaultFilter());
    expect(g.workloads.filter((w) => w.kind === 'CronJob' || w.kind === 'Job').map((w) => `${w.kind} ${w.name} ${w.summary}`)).toEqual(['CronJob backup */5 * * * *', 'Job backup-29000000 1/1']);
    expect(g.edges.filter((e) => e.id.includes('backup')).map((e) => e.id)).toEqual([
      'owns:batch/cronjobs/default/backup>batch/jobs/default/backup-29000000',
      'owns:batch/jobs/default/backup-29000000>/pods/default/backup-29000000-x7k2p',
    ]);
    expect(g.pods.find((p) => p.name === 'backup-29000000-x7k2p')).toMatchObject({ status: 'Completed', ready: false });
  });

  it('filters by namespace and hides kinds', () => {
    const sys = pod('coredns-1', 'node01', 'Running', undefined, {});
    sys.metadata.namespace = 'kube-system';
    const all = deriveTopology(cluster([sys]), { namespace: '', hiddenKinds: new Set() });
    expect(all.pods.map((p) => p.name)).toContain('coredns-1');
    const def = deriveTopology(cluster([sys]), defaultFilter());
    expect(def.pods.map((p) => p.name)).not.toContain('coredns-1');
    const noRs = deriveTopology(cluster(), { namespace: 'default', hiddenKinds: new Set(['ReplicaSet']) });
    expect(noRs.workloads.map((w) => w.kind)).toEqual(['Deployment']);
    expect(noRs.edges.filter((e) => e.relation === 'owns')).toEqual([]);
  });

  it('aggregates pods past the threshold into one box per owner and node', () => {
    const many = Array.from({ length: 6 }, (_, i) => pod(`web-5d4f8b7c9-x${i}`, i % 2 ? 'node01' : 'node02', i < 4 ? 'Running' : 'ContainerCreating', RS));
    const g = deriveTopology(cluster(many), defaultFilter(), 5);
    expect(g.aggregated).toBe(true);
    expect(g.podCount).toBe(10);
    const n1 = g.pods.find((p) => p.kind === 'PodGroup' && p.group === '/nodes//node01' && p.ownerId?.endsWith('web-5d4f8b7c9'));
    expect(n1).toMatchObject({ kind: 'PodGroup', name: 'web-5d4f8b7c9', count: 4, label: 'ReplicaSet web-5d4f8… ×4', statuses: [['Running', 3], ['ContainerCreating', 1]] });
  });

  it('matches Service selectors like the endpoints controller (all labels, empty selects nothing)', () => {
    expect(selectorMatches({ app: 'web' }, { app: 'web', tier: 'fe' })).toBe(true);
    expect(selectorMatches({ app: 'web', tier: 'be' }, { app: 'web', tier: 'fe' })).toBe(false);
    expect(selectorMatches({}, { app: 'web' })).toBe(false);
    expect(selectorMatches(undefined, { app: 'web' })).toBe(false);
  });
});

describe('aggregation threshold', () => {
  it('aggregates past 200 pods and goes back to single pods only below 160', () => {
    expect(aggregateThreshold(false)).toBe(200);
    expect(aggregateThreshold(true)).toBe(160);
    const many = (n: number) => cluster(Array.from({ length: n }, (_, i) => pod(`web-5d4f8b7c9-y${i}`, 'node01', 'Running', RS)));
    // 180 pods (+4 from the fixture): single pods on the way up, still grouped on the way down.
    expect(deriveTopology(many(180), defaultFilter(), aggregateThreshold(false)).aggregated).toBe(false);
    expect(deriveTopology(many(180), defaultFilter(), aggregateThreshold(true)).aggregated).toBe(true);
    expect(deriveTopology(many(150), defaultFilter(), aggregateThreshold(true)).aggregated).toBe(false);
  });
});
