import { describe, expect, it } from 'vitest';
import type { Namespace } from '../../api/types.ts';
import { installAdmission } from '../../apiserver/admission/install.ts';
import { CONFIGMAPS, NAMESPACES, PODS, SERVICEACCOUNTS } from '../../client/client.ts';
import { newControllerTestCluster } from '../testCluster.ts';
import { installRootCACertPublisher } from '../serviceaccount/rootCACertPublisher.ts';
import { installServiceAccountsController } from '../serviceaccount/serviceAccountsController.ts';
import { installNamespaceController } from './namespaceController.ts';

function setup() {
  const c = newControllerTestCluster([installAdmission, installServiceAccountsController, installRootCACertPublisher, installNamespaceController]);
  const client = c.client();
  client.create(NAMESPACES, '', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'dev' } });
  c.settle();
  client.create(CONFIGMAPS, 'dev', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cfg' }, data: { a: '1' } });
  client.create(PODS, 'dev', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web' }, spec: { nodeName: 'node01', containers: [{ name: 'c', image: 'nginx' }] } });
  c.settle();
  return { c, client };
}

const conditionsOf = (ns: Namespace) => (ns.status?.conditions ?? []).map((x) => `${x.type}=${x.status} ${x.reason}: ${x.message}`);

describe('namespace controller', () => {
  it('deletes the content, waits for pods with upstream conditions, then removes the namespace', () => {
    const { c, client } = setup();
    client.delete(NAMESPACES, '', 'dev');
    c.settle();
    const ns = client.get(NAMESPACES, '', 'dev') as Namespace;
    expect(ns.status?.phase).toBe('Terminating');
    expect(conditionsOf(ns)).toEqual([
      'NamespaceDeletionDiscoveryFailure=False ResourcesDiscovered: All resources successfully discovered',
      'NamespaceDeletionGroupVersionParsingFailure=False ParsedGroupVersions: All legacy kube types successfully parsed',
      'NamespaceDeletionContentFailure=False ContentDeleted: All content successfully deleted, may be waiting on finalization',
      'NamespaceContentRemaining=True SomeResourcesRemain: Some resources are remaining: pods. has 1 resource instances',
      'NamespaceFinalizersRemaining=False ContentHasNoFinalizers: All content-preserving finalizers finished',
    ]);
    expect(client.list(CONFIGMAPS, 'dev').items).toEqual([]);
    expect(client.list(SERVICEACCOUNTS, 'dev').items).toEqual([]);
    // The kubelet's part: the pod's containers stop and it is removed.
    client.delete(PODS, 'dev', 'web', { gracePeriodSeconds: 0 });
    c.settle();
    expect(client.tryGet(NAMESPACES, '', 'dev')).toBeUndefined();
  });

  it('refuses new content while terminating and reports content finalizers', () => {
    const { c, client } = setup();
    const cm = client.get(CONFIGMAPS, 'dev', 'cfg');
    client.update(CONFIGMAPS, { ...cm, metadata: { ...cm.metadata, finalizers: ['example.com/hold'] } });
    client.delete(NAMESPACES, '', 'dev');
    client.delete(PODS, 'dev', 'web', { gracePeriodSeconds: 0 });
    c.settle();
    expect(() => client.create(CONFIGMAPS, 'dev', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x' } })).toThrow(
      'configmaps "x" is forbidden: unable to create new content in namespace dev because it is being terminated',
    );
    const ns = client.get(NAMESPACES, '', 'dev') as Namespace;
    expect(conditionsOf(ns).slice(3)).toEqual([
      'NamespaceContentRemaining=True SomeResourcesRemain: Some resources are remaining: configmaps. has 1 resource instances',
      'NamespaceFinalizersRemaining=True SomeFinalizersRemain: Some content in the namespace has finalizers remaining: example.com/hold in 1 resource instances',
    ]);
    const held = client.get(CONFIGMAPS, 'dev', 'cfg');
    client.update(CONFIGMAPS, { ...held, metadata: { ...held.metadata, finalizers: [] } });
    c.advance(10_000);
    expect(client.tryGet(NAMESPACES, '', 'dev')).toBeUndefined();
  });

  it('the finalize subresource changes only spec.finalizers', () => {
    const { client } = setup();
    const ns = client.get(NAMESPACES, '', 'dev');
    const out = client.server.update(client.def(NAMESPACES), '', 'dev', { ...ns, metadata: { ...ns.metadata, labels: { x: 'y' } }, spec: { finalizers: [] }, status: { phase: 'Terminating' } }, {}, 'finalize') as Namespace;
    expect(out.spec?.finalizers).toEqual([]);
    expect(out.status?.phase).toBe('Active');
    expect(out.metadata?.labels?.x).toBeUndefined();
  });
});
