import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../api/types.ts';
import { humanDuration } from '../../api/humanDuration.ts';
import { tableDefinitionFor, toTable } from './index.ts';

const NOW = Date.parse('2024-05-01T12:00:00Z');
const T = '2024-04-21T12:00:00Z'; // 10d before NOW
const row = (group: string, resource: string, obj: object): unknown[] =>
  toTable(tableDefinitionFor(group, resource), [{ metadata: { name: 'x', creationTimestamp: T }, ...obj } as KubeObject], NOW).rows[0].cells;

describe('humanDuration', () => {
  it('follows duration.HumanDuration thresholds', () => {
    const s = 1000;
    expect([0, 59, 119, 120, 200, 600, 3 * 3600 - 60, 5 * 3600, 5 * 3600 + 60 * 7, 47 * 3600, 51 * 3600, 8 * 86400, 800 * 86400, 3 * 365 * 86400].map((x) => humanDuration(x * s))).toEqual(
      ['0s', '59s', '119s', '2m', '3m20s', '10m', '179m', '5h', '5h7m', '47h', '2d3h', '8d', '2y70d', '3y'],
    );
    expect(humanDuration(-1500)).toBe('0s');
    expect(humanDuration(-3000)).toBe('<invalid>');
  });
});

describe('table rows', () => {
  it('deployments', () => {
    expect(row('apps', 'deployments', {
      spec: { replicas: 3, selector: { matchLabels: { app: 'web' } }, template: { spec: { containers: [{ name: 'nginx', image: 'nginx:1.25' }] } } },
      status: { readyReplicas: 2, updatedReplicas: 3, availableReplicas: 2 },
    })).toEqual(['x', '2/3', 3, 2, '10d', 'nginx', 'nginx:1.25', 'app=web']);
  });
  it('services', () => {
    expect(row('', 'services', { spec: { type: 'ClusterIP', clusterIPs: ['10.96.0.1'], ports: [{ port: 443, protocol: 'TCP' }] } })).toEqual(['x', 'ClusterIP', '10.96.0.1', '<none>', '443/TCP', '10d', '<none>']);
    expect(row('', 'services', { spec: { type: 'NodePort', clusterIPs: ['10.96.5.5'], ports: [{ port: 80, nodePort: 30080, protocol: 'TCP' }], selector: { app: 'web' } } })[4]).toBe('80:30080/TCP');
    expect(row('', 'services', { spec: { type: 'LoadBalancer', ports: [] } })[3]).toBe('<pending>');
    expect(row('', 'services', { spec: { type: 'LoadBalancer' }, status: { loadBalancer: { ingress: [{ ip: '172.18.0.10' }] } } })[3]).toBe('172.18.0.10');
    expect(row('', 'services', { spec: { type: 'ExternalName', externalName: 'example.com' } })[3]).toBe('example.com');
  });
  it('nodes', () => {
    expect(row('', 'nodes', {
      metadata: { name: 'controlplane', creationTimestamp: T, labels: { 'node-role.kubernetes.io/control-plane': '' } },
      spec: { unschedulable: true },
      status: { conditions: [{ type: 'Ready', status: 'True' }], nodeInfo: { kubeletVersion: 'v1.32.0' }, addresses: [{ type: 'InternalIP', address: '172.18.0.2' }] },
    })).toEqual(['controlplane', 'Ready,SchedulingDisabled', 'control-plane', '10d', 'v1.32.0', '172.18.0.2', '<none>', '<unknown>', '<unknown>', '<unknown>']);
    expect(row('', 'nodes', { status: { conditions: [{ type: 'Ready', status: 'Unknown' }] } }).slice(1, 3)).toEqual(['NotReady', '<none>']);
  });
  it('endpoints and endpointslices', () => {
    const subsets = [{ addresses: ['10.244.1.2', '10.244.2.3', '10.244.1.4', '10.244.2.5'].map((ip) => ({ ip })), ports: [{ port: 80 }] }];
    expect(row('', 'endpoints', { subsets })[1]).toBe('10.244.1.2:80,10.244.2.3:80,10.244.1.4:80 + 1 more...');
    expect(row('', 'endpoints', {})[1]).toBe('<none>');
    expect(row('discovery.k8s.io', 'endpointslices', { addressType: 'IPv4', ports: [{ port: 80 }], endpoints: [{ addresses: ['10.244.1.2'] }] })).toEqual(['x', 'IPv4', '80', '10.244.1.2', '10d']);
    expect(row('discovery.k8s.io', 'endpointslices', { addressType: 'IPv4', ports: null, endpoints: [] }).slice(2, 4)).toEqual(['<unset>', '<unset>']);
  });
  it('events', () => {
    expect(row('', 'events', {
      type: 'Normal', reason: 'Scheduled', message: 'Successfully assigned default/web to node01 ',
      involvedObject: { kind: 'Pod', name: 'web' }, source: { component: 'default-scheduler' },
      firstTimestamp: '2024-05-01T11:59:00Z', lastTimestamp: '2024-05-01T11:59:30Z', count: 2,
    })).toEqual(['30s', 'Normal', 'Scheduled', 'pod/web', '', 'default-scheduler', 'Successfully assigned default/web to node01', '60s', 2, 'x']);
  });
  it('jobs, cronjobs and configmaps', () => {
    expect(row('batch', 'jobs', { spec: { completions: 1 }, status: { succeeded: 1, startTime: '2024-05-01T11:59:00Z', completionTime: '2024-05-01T11:59:05Z', conditions: [{ type: 'Complete', status: 'True' }] } }).slice(1, 4)).toEqual(['Complete', '1/1', '5s']);
    expect(row('batch', 'cronjobs', { spec: { schedule: '*/1 * * * *', suspend: false, jobTemplate: { spec: {} } } }).slice(1, 6)).toEqual(['*/1 * * * *', '<none>', 'False', 0, '<none>']);
    expect(row('', 'configmaps', { data: { a: '1', b: '2' } })).toEqual(['x', 2, '10d']);
  });
  it('storage and rbac', () => {
    expect(row('', 'persistentvolumeclaims', { spec: { volumeName: 'pv1', storageClassName: 'standard' }, status: { phase: 'Bound', capacity: { storage: '1Gi' }, accessModes: ['ReadWriteOnce'] } })).toEqual(['x', 'Bound', 'pv1', '1Gi', 'RWO', 'standard', '<unset>', '10d', '<unset>']);
    expect(row('storage.k8s.io', 'storageclasses', { metadata: { name: 'standard', creationTimestamp: T, annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' } }, provisioner: 'rancher.io/local-path', volumeBindingMode: 'WaitForFirstConsumer' })).toEqual(['standard (default)', 'rancher.io/local-path', 'Delete', 'WaitForFirstConsumer', false, '10d']);
    expect(row('rbac.authorization.k8s.io', 'clusterroles', {})).toEqual(['x', T]);
  });
  it('falls back to NAME, AGE', () => {
    expect(tableDefinitionFor('example.com', 'widgets').columns.map((c) => c.name)).toEqual(['Name', 'Age']);
  });
});
