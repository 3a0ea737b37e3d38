import { describe, expect, it } from 'vitest';
import { builtinResources } from './registry/index.ts';
import { aggregatedDiscovery, apiGroup, apiGroupList, apiResourceList, apiVersions } from './discoveryDocuments.ts';

const pods = builtinResources.find((d) => d.resource === 'pods')!;
const deployments = builtinResources.find((d) => d.resource === 'deployments')!;
const nodes = builtinResources.find((d) => d.resource === 'nodes')!;
const defs = [pods, nodes, deployments];

describe('aggregated discovery', () => {
  it('puts the core group alone under /api with an empty name', () => {
    const doc = aggregatedDiscovery(defs, true) as { kind: string; apiVersion: string; items: Array<{ metadata: { name: string }; versions: unknown[] }> };
    expect(doc.kind).toBe('APIGroupDiscoveryList');
    expect(doc.apiVersion).toBe('apidiscovery.k8s.io/v2');
    expect(doc.items.map((i) => i.metadata.name)).toEqual(['']);
  });

  it('lists resources with scope, verbs, short names, categories and subresource kinds', () => {
    const doc = aggregatedDiscovery(defs, false) as { items: Array<{ metadata: { name: string }; versions: Array<{ version: string; freshness: string; resources: Array<Record<string, unknown>> }> }> };
    expect(doc.items.map((i) => i.metadata.name)).toEqual(['apps']);
    const [v1] = doc.items[0].versions;
    expect(v1.version).toBe('v1');
    expect(v1.freshness).toBe('Current');
    expect(v1.resources[0]).toEqual({
      resource: 'deployments',
      responseKind: { group: 'apps', version: 'v1', kind: 'Deployment' },
      scope: 'Namespaced',
      singularResource: 'deployment',
      verbs: ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'],
      shortNames: ['deploy'],
      categories: ['all'],
      subresources: [
        { subresource: 'scale', responseKind: { group: 'autoscaling', version: 'v1', kind: 'Scale' }, verbs: ['get', 'patch', 'update'] },
        { subresource: 'status', responseKind: { group: 'apps', version: 'v1', kind: 'Deployment' }, verbs: ['get', 'patch', 'update'] },
      ],
    });
  });
});

describe('legacy discovery', () => {
  it('renders APIVersions and APIGroupList', () => {
    expect(apiVersions('127.0.0.1:6443')).toEqual({
      kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress: '127.0.0.1:6443' }],
    });
    expect(apiGroupList(defs)).toEqual({
      kind: 'APIGroupList', apiVersion: 'v1',
      groups: [{ name: 'apps', versions: [{ groupVersion: 'apps/v1', version: 'v1' }], preferredVersion: { groupVersion: 'apps/v1', version: 'v1' } }],
    });
    expect(apiGroup(defs, 'apps')).toMatchObject({ kind: 'APIGroup', name: 'apps' });
    expect(apiGroup(defs, 'batch')).toBeUndefined();
  });

  it('lists pods/eviction as policy/v1 Eviction, which drain looks for', () => {
    const list = apiResourceList(defs, '', 'v1') as { groupVersion: string; resources: Array<Record<string, unknown>> };
    expect(list.groupVersion).toBe('v1');
    expect(list.resources[0]).toEqual({
      name: 'pods', singularName: 'pod', namespaced: true, kind: 'Pod',
      verbs: ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'],
      shortNames: ['po'], categories: ['all'],
    });
    expect(list.resources).toContainEqual({
      name: 'pods/eviction', singularName: '', namespaced: true, group: 'policy', version: 'v1', kind: 'Eviction', verbs: ['create'],
    });
    expect(list.resources).toContainEqual({ name: 'pods/log', singularName: '', namespaced: true, kind: 'Pod', verbs: ['get'] });
    expect(list.resources).toContainEqual(expect.objectContaining({ name: 'nodes', namespaced: false, kind: 'Node' }));
    expect(apiResourceList(defs, 'batch', 'v1')).toBeUndefined();
  });
});
