import { describe, expect, it } from 'vitest';
import type { ConfigMap, Pod } from '../../api/types.ts';
import { isStatusError } from '../../api/status.ts';
import { installAdmission } from '../../apiserver/admission/install.ts';
import { CONFIGMAPS, NAMESPACES, PODS, SERVICEACCOUNTS } from '../../client/client.ts';
import { newControllerTestCluster } from '../testCluster.ts';
import { CLUSTER_CA_PEM } from './clusterCA.ts';
import { installRootCACertPublisher, ROOT_CA_CONFIGMAP } from './rootCACertPublisher.ts';
import { installServiceAccountsController } from './serviceAccountsController.ts';

function cluster() {
  return newControllerTestCluster([installAdmission, installServiceAccountsController, installRootCACertPublisher]);
}

const pod = (name: string, extra: Record<string, unknown> = {}) => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name },
  spec: { containers: [{ name: 'web', image: 'nginx' }, { name: 'side', image: 'busybox' }], ...extra },
});

describe('serviceaccount controller and root CA publisher', () => {
  it('creates default and kube-root-ca.crt in every namespace, and in new ones', () => {
    const c = cluster();
    const client = c.client();
    for (const ns of ['default', 'kube-system', 'kube-public', 'kube-node-lease']) {
      expect(client.get(SERVICEACCOUNTS, ns, 'default').metadata.name).toBe('default');
      const cm = client.get(CONFIGMAPS, ns, ROOT_CA_CONFIGMAP) as ConfigMap;
      expect(cm.data?.['ca.crt']).toBe(CLUSTER_CA_PEM);
      expect(cm.metadata?.annotations?.['kubernetes.io/description']).toMatch(/^Contains a CA bundle/);
    }
    client.create(NAMESPACES, '', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'dev' } });
    c.settle();
    expect(client.tryGet(SERVICEACCOUNTS, 'dev', 'default')).toBeDefined();
    expect(client.tryGet(CONFIGMAPS, 'dev', ROOT_CA_CONFIGMAP)).toBeDefined();
  });

  it('recreates a deleted default account and restores an edited CA ConfigMap', () => {
    const c = cluster();
    const client = c.client();
    client.delete(SERVICEACCOUNTS, 'default', 'default');
    const cm = client.get(CONFIGMAPS, 'default', ROOT_CA_CONFIGMAP);
    client.update(CONFIGMAPS, { ...cm, data: { 'ca.crt': 'x' } });
    c.settle();
    expect(client.tryGet(SERVICEACCOUNTS, 'default', 'default')).toBeDefined();
    expect((client.get(CONFIGMAPS, 'default', ROOT_CA_CONFIGMAP) as ConfigMap).data?.['ca.crt']).toBe(CLUSTER_CA_PEM);
  });
});

describe('ServiceAccount, Priority and DefaultTolerationSeconds admission', () => {
  it('defaults the account and mounts kube-api-access in every container', () => {
    const c = cluster();
    const p = c.client().create(PODS, 'default', pod('web')) as Pod;
    expect(p.spec?.serviceAccountName).toBe('default');
    expect(p.spec?.serviceAccount).toBe('default');
    const vol = p.spec?.volumes?.[0];
    expect(vol?.name).toMatch(/^kube-api-access-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(vol?.projected?.sources?.[0]).toEqual({ serviceAccountToken: { expirationSeconds: 3607, path: 'token' } });
    for (const ctr of p.spec?.containers ?? []) {
      expect(ctr.volumeMounts).toEqual([{ name: vol?.name, readOnly: true, mountPath: '/var/run/secrets/kubernetes.io/serviceaccount' }]);
    }
    expect(p.spec?.priority).toBe(0);
    expect(p.spec?.tolerations).toEqual([
      { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
      { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
    ]);
  });

  it('refuses a pod whose service account does not exist, naming a generateName pod by its prefix', () => {
    const c = cluster();
    const create = (body: Record<string, unknown>) => {
      try {
        c.client().create(PODS, 'default', body as never);
        return '';
      } catch (err) {
        return isStatusError(err) ? err.message : String(err);
      }
    };
    expect(create(pod('x', { serviceAccountName: 'foo' }))).toBe(
      'pods "x" is forbidden: error looking up service account default/foo: serviceaccount "foo" not found',
    );
    const generated = pod('', { serviceAccountName: 'foo' });
    generated.metadata = { generateName: 'web-7f9c-' } as never;
    expect(create(generated)).toBe('pods "web-7f9c-" is forbidden: error looking up service account default/foo: serviceaccount "foo" not found');
  });

  it('skips the mount when automountServiceAccountToken is false and resolves system priority classes', () => {
    const c = cluster();
    const p = c.client().create(PODS, 'default', pod('web', { automountServiceAccountToken: false, priorityClassName: 'system-node-critical' })) as Pod;
    expect(p.spec?.volumes ?? []).toEqual([]);
    expect(p.spec?.priority).toBe(2000001000);
    expect(p.spec?.preemptionPolicy).toBe('PreemptLowerPriority');
    expect(() => c.client().create(PODS, 'default', pod('y', { priorityClassName: 'nope' }))).toThrow(
      'pods "y" is forbidden: no PriorityClass with name nope was found',
    );
  });
});
