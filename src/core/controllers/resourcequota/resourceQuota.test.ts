import { describe, expect, it } from 'vitest';
import { installAdmission } from '../../apiserver/admission/install.ts';
import { CONFIGMAPS, PODS } from '../../client/client.ts';
import { installServiceAccountsController } from '../serviceaccount/serviceAccountsController.ts';
import { newControllerTestCluster } from '../testCluster.ts';
import { installResourceQuotaController, RESOURCEQUOTAS } from './resourceQuotaController.ts';

function setup(hard: Record<string, string>) {
  const c = newControllerTestCluster([installAdmission, installServiceAccountsController, installResourceQuotaController]);
  c.client().create(RESOURCEQUOTAS, 'default', { apiVersion: 'v1', kind: 'ResourceQuota', metadata: { name: 'compute' }, spec: { hard } });
  c.settle();
  return c;
}

const pod = (name: string, resources?: Record<string, unknown>) => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name },
  spec: { containers: [{ name: 'nginx', image: 'nginx', ...(resources ? { resources } : {}) }] },
});

describe('resource quota controller and admission', () => {
  it('tracks usage in status and refuses what goes over', () => {
    const c = setup({ pods: '2', 'requests.cpu': '1', 'limits.memory': '1Gi', configmaps: '3' });
    const status = () => c.client().get(RESOURCEQUOTAS, 'default', 'compute').status as { used?: Record<string, string> } | undefined;
    // kube-root-ca.crt is not there (no publisher in this cluster), so configmaps start at 0.
    expect(status()).toEqual({
      hard: { pods: '2', 'requests.cpu': '1', 'limits.memory': '1Gi', configmaps: '3' },
      used: { configmaps: '0', 'limits.memory': '0', pods: '0', 'requests.cpu': '0' },
    });
    const res = { requests: { cpu: '400m' }, limits: { memory: '256Mi' } };
    c.client().create(PODS, 'default', pod('a', res));
    c.settle();
    expect(status()?.used).toEqual({ configmaps: '0', 'limits.memory': '256Mi', pods: '1', 'requests.cpu': '400m' });
    expect(() => c.client().create(PODS, 'default', pod('b', { requests: { cpu: '700m' }, limits: { memory: '256Mi' } }))).toThrow(
      'pods "b" is forbidden: exceeded quota: compute, requested: requests.cpu=700m, used: requests.cpu=400m, limited: requests.cpu=1',
    );
    expect(() => c.client().create(PODS, 'default', pod('c'))).toThrow(
      'pods "c" is forbidden: failed quota: compute: must specify limits.memory for: nginx; requests.cpu for: nginx',
    );
    const small = { requests: { cpu: '300m' }, limits: { memory: '256Mi' } };
    c.client().create(PODS, 'default', pod('d', small));
    expect(() => c.client().create(PODS, 'default', pod('e', small))).toThrow(
      'pods "e" is forbidden: exceeded quota: compute, requested: pods=1, used: pods=2, limited: pods=2',
    );
    c.client().delete(PODS, 'default', 'a');
    c.settle();
    expect(status()?.used?.pods).toBe('1');
    for (const n of ['x', 'y', 'z']) c.client().create(CONFIGMAPS, 'default', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: n } });
    expect(() => c.client().create(CONFIGMAPS, 'default', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'w' } })).toThrow(
      'configmaps "w" is forbidden: exceeded quota: compute, requested: configmaps=1, used: configmaps=3, limited: configmaps=3',
    );
  });
});
