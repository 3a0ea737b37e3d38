import { describe, expect, it } from 'vitest';
import { isStatusError } from '../../api/status.ts';
import type { Pod } from '../../api/types.ts';
import { PODS, SERVICEACCOUNTS } from '../../client/client.ts';
import { bootstrapNamespaces, Cluster, DEFAULT_OPTIONS } from '../../sim/cluster.ts';
import { installAdmission } from './install.ts';

/** cluster is a bare cluster with the admission chain and the `default` ServiceAccount (the controller's job). */
function cluster(): Cluster {
  const c = new Cluster(DEFAULT_OPTIONS);
  installAdmission(c);
  bootstrapNamespaces(c);
  c.client().create(SERVICEACCOUNTS, 'default', { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'default' } });
  return c;
}

const pod = (name: string, extra: Record<string, unknown> = {}) => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name },
  spec: { containers: [{ name: 'web', image: 'nginx' }, { name: 'side', image: 'busybox' }], ...extra },
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

describe('PriorityClass objects', () => {
  const PCS = { group: 'scheduling.k8s.io', resource: 'priorityclasses' };
  it('resolves user classes and globalDefault, and reserves system- names', async () => {
    const { bootstrapSystemPriorityClasses } = await import('./install.ts');
    const c = cluster();
    bootstrapSystemPriorityClasses(c);
    const client = c.client();
    expect(client.get(PCS, '', 'system-node-critical')).toMatchObject({ value: 2000001000, preemptionPolicy: 'PreemptLowerPriority' });
    client.create(PCS, '', { apiVersion: 'scheduling.k8s.io/v1', kind: 'PriorityClass', metadata: { name: 'high' }, value: 1000, preemptionPolicy: 'Never' });
    client.create(PCS, '', { apiVersion: 'scheduling.k8s.io/v1', kind: 'PriorityClass', metadata: { name: 'base' }, value: 10, globalDefault: true });
    const high = client.create(PODS, 'default', pod('h', { priorityClassName: 'high' })) as Pod;
    expect([high.spec?.priority, high.spec?.preemptionPolicy]).toEqual([1000, 'Never']);
    const plain = client.create(PODS, 'default', pod('p')) as Pod;
    expect([plain.spec?.priorityClassName, plain.spec?.priority]).toEqual(['base', 10]);
    expect(() => client.create(PCS, '', { apiVersion: 'scheduling.k8s.io/v1', kind: 'PriorityClass', metadata: { name: 'system-mine' }, value: 5 })).toThrow(
      `PriorityClass.scheduling.k8s.io "system-mine" is invalid: metadata.name: Forbidden: priority class names with 'system-' prefix are reserved for system use only. error: system-mine is not a known system priority class`,
    );
    expect(() => client.create(PCS, '', { apiVersion: 'scheduling.k8s.io/v1', kind: 'PriorityClass', metadata: { name: 'huge' }, value: 2000000000 })).toThrow(
      'PriorityClass.scheduling.k8s.io "huge" is invalid: value: Forbidden: maximum allowed value of a user defined priority is 1000000000',
    );
  });
});

describe('ServiceAccount imagePullSecrets', () => {
  it('copies the account imagePullSecrets to pods that have none', () => {
    const c = cluster();
    c.client().create(SERVICEACCOUNTS, 'default', { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'puller' }, imagePullSecrets: [{ name: 'regcred' }] } as never);
    const p = c.client().create(PODS, 'default', pod('x', { serviceAccountName: 'puller' })) as Pod;
    expect(p.spec?.imagePullSecrets).toEqual([{ name: 'regcred' }]);
    expect(p.spec?.serviceAccount).toBe('puller');
  });
});
