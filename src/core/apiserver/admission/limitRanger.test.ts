import { describe, expect, it } from 'vitest';
import type { Pod } from '../../api/types.ts';
import { PODS, SERVICEACCOUNTS } from '../../client/client.ts';
import { bootstrapNamespaces, Cluster, DEFAULT_OPTIONS } from '../../sim/cluster.ts';
import { installAdmission } from './install.ts';

const LIMITRANGES = { group: '', resource: 'limitranges' };

function cluster(limits: unknown[]): Cluster {
  const c = new Cluster(DEFAULT_OPTIONS);
  installAdmission(c);
  bootstrapNamespaces(c);
  c.client().create(SERVICEACCOUNTS, 'default', { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'default' } });
  c.client().create(LIMITRANGES, 'default', { apiVersion: 'v1', kind: 'LimitRange', metadata: { name: 'limits' }, spec: { limits } });
  return c;
}

const pod = (name: string, resources?: Record<string, unknown>) => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name },
  spec: { containers: [{ name: 'nginx', image: 'nginx', ...(resources ? { resources } : {}) }] },
});

describe('LimitRanger admission', () => {
  it('defaults the LimitRange itself and fills container requests and limits, with the annotation', () => {
    const c = cluster([{ type: 'Container', default: { cpu: '500m', memory: '256Mi' }, defaultRequest: { cpu: '100m' } }]);
    expect(c.client().get(LIMITRANGES, 'default', 'limits').spec).toEqual({
      limits: [{ type: 'Container', default: { cpu: '500m', memory: '256Mi' }, defaultRequest: { cpu: '100m', memory: '256Mi' } }],
    });
    const p = c.client().create(PODS, 'default', pod('web')) as Pod;
    expect(p.spec?.containers[0].resources).toEqual({ requests: { cpu: '100m', memory: '256Mi' }, limits: { cpu: '500m', memory: '256Mi' } });
    expect(p.metadata?.annotations?.['kubernetes.io/limit-ranger']).toBe('LimitRanger plugin set: cpu, memory request for container nginx; cpu, memory limit for container nginx');
    expect(p.status?.qosClass).toBe('Burstable');
  });

  it('refuses containers outside min and max with upstream messages', () => {
    const c = cluster([{ type: 'Container', min: { cpu: '100m' }, max: { cpu: '1', memory: '1Gi' } }]);
    expect(() => c.client().create(PODS, 'default', pod('big', { limits: { cpu: '2', memory: '512Mi' } }))).toThrow(
      'pods "big" is forbidden: maximum cpu usage per Container is 1, but limit is 2',
    );
    expect(() => c.client().create(PODS, 'default', pod('small', { requests: { cpu: '50m' }, limits: { cpu: '200m', memory: '2Gi' } }))).toThrow(
      'pods "small" is forbidden: [minimum cpu usage per Container is 100m, but request is 50m, maximum memory usage per Container is 1Gi, but limit is 2Gi]',
    );
    // Defaults from max make an unconstrained pod fit.
    const ok = c.client().create(PODS, 'default', pod('ok')) as Pod;
    expect(ok.spec?.containers[0].resources?.limits).toEqual({ cpu: '1', memory: '1Gi' });
  });
});
