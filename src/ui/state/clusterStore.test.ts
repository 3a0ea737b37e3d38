import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../core/api/types.ts';
import type { WireObject } from '../../protocol/objects.ts';
import { applyDeltaByResource, getObject, objectsOf, resourceOfKey } from './clusterStore.ts';

const wire = (resource: string, name: string, rv = '1', namespace = 'default'): WireObject => ({
  key: `/${resource}/${namespace}/${name}`,
  group: '',
  resource,
  object: { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace, resourceVersion: rv } } as KubeObject,
});

describe('objectsOf', () => {
  it('lists one resource sorted by namespace and name', () => {
    const m = applyDeltaByResource(new Map(), { added: [wire('pods', 'b'), wire('pods', 'a', '1', 'kube-system'), wire('services', 'a')], modified: [], deleted: [] });
    expect(getObject({ byResource: m }, '/services/default/a')?.object.metadata.name).toBe('a');
    expect(getObject({ byResource: m }, '/services/default/zz')).toBeUndefined();
    expect(objectsOf(m.get('/pods') ?? new Map(), '', 'pods').map((o) => `${o.metadata.namespace}/${o.metadata.name}`)).toEqual(['default/b', 'kube-system/a']);
  });
});

describe('applyDeltaByResource', () => {
  it('replaces only the maps of the resources a delta touches', () => {
    const before = applyDeltaByResource(new Map(), { added: [wire('pods', 'a'), wire('events', 'e1')], modified: [], deleted: [] });
    const after = applyDeltaByResource(before, { added: [wire('pods', 'b')], modified: [], deleted: ['/pods/default/a', '/services/default/none'] });
    expect(after.get('/events')).toBe(before.get('/events'));
    expect(after.get('/pods')).not.toBe(before.get('/pods'));
    expect([...(after.get('/pods')?.keys() ?? [])]).toEqual(['/pods/default/b']);
    expect([...(before.get('/pods')?.keys() ?? [])]).toEqual(['/pods/default/a']);
    expect(after.has('/services')).toBe(false);
  });

  it('reads the resource of a key, core group included', () => {
    expect(resourceOfKey('/pods/default/a')).toBe('/pods');
    expect(resourceOfKey('apps/deployments/default/web')).toBe('apps/deployments');
    expect(resourceOfKey('/nodes//node01')).toBe('/nodes');
  });
});
