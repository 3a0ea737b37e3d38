import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../api/types.ts';
import { recordUpdate, type Write } from './fieldManager.ts';

const w: Write = { kind: 'Pod', manager: 'kube-controller-manager', apiVersion: 'v1', time: '2026-01-15T09:10:00Z', subresource: '' };
const projected = { sources: [{ serviceAccountToken: { expirationSeconds: 3607, path: 'token' } }], defaultMode: 420 };
const pod = (token: string, uid = 'rs-1'): KubeObject =>
  ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { generateName: 'web-', name: `web-${token}`, namespace: 'default', labels: { app: 'web' }, ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web', uid, controller: true }] },
    spec: {
      containers: [{ name: 'web', image: 'nginx', volumeMounts: [{ name: token, mountPath: '/var/run/secrets/kubernetes.io/serviceaccount', readOnly: true }] }],
      volumes: [{ name: 'data', emptyDir: {} }, { name: token, projected }, { name: 'cache', emptyDir: {} }],
    },
    status: { phase: 'Pending' },
  }) as unknown as KubeObject;
const fieldsOf = (o: KubeObject) => {
  recordUpdate(o, undefined, w);
  return JSON.stringify(o.metadata.managedFields?.[0]?.fieldsV1);
};

describe('created pods with random service-account volume names', () => {
  it('get the set an uncached create computes, the real names in their places', () => {
    // A name without the admission's prefix is never cached: the reference.
    const reference = fieldsOf(pod('sa-token-aaaaa')).replaceAll('sa-token-aaaaa', 'kube-api-access-aaaaa');
    expect(fieldsOf(pod('kube-api-access-zzzzz'))).toBe(reference.replaceAll('kube-api-access-aaaaa', 'kube-api-access-zzzzz'));
    // Second pod of the template: served from the cache, still its own name.
    expect(fieldsOf(pod('kube-api-access-aaaaa'))).toBe(reference);
    expect(reference).toContain('"f:volumes":{".":{},"k:{\\"name\\":\\"data\\"}"');
    expect(reference.indexOf('data')).toBeLessThan(reference.indexOf('kube-api-access-aaaaa'));
    expect(reference.indexOf('kube-api-access-aaaaa')).toBeLessThan(reference.indexOf('cache'));
  });

  it('another template (another owner) is another shape', () => {
    const a = fieldsOf(pod('kube-api-access-bbbbb', 'rs-2'));
    expect(a).toContain('k:{\\"uid\\":\\"rs-2\\"}');
    expect(a).toContain('kube-api-access-bbbbb');
    expect(a).not.toContain('\\u0000');
  });
});
