import { describe, expect, it } from 'vitest';
import type { ConfigMap } from '../../api/types.ts';
import { installAdmission } from '../../apiserver/admission/install.ts';
import { CONFIGMAPS, NAMESPACES, SERVICEACCOUNTS } from '../../client/client.ts';
import { newControllerTestCluster } from '../testCluster.ts';
import { CLUSTER_CA_PEM } from './clusterCA.ts';
import { installRootCACertPublisher, ROOT_CA_CONFIGMAP } from './rootCACertPublisher.ts';
import { installServiceAccountsController } from './serviceAccountsController.ts';

function cluster() {
  return newControllerTestCluster([installAdmission, installServiceAccountsController, installRootCACertPublisher]);
}

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

