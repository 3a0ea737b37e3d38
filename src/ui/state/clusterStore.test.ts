import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../core/api/types.ts';
import type { WireObject } from '../../protocol/objects.ts';
import { applyDelta, objectsOf } from './clusterStore.ts';

const wire = (resource: string, name: string, rv = '1', namespace = 'default'): WireObject => ({
  key: `/${resource}/${namespace}/${name}`,
  group: '',
  resource,
  object: { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace, resourceVersion: rv } } as KubeObject,
});

describe('applyDelta', () => {
  it('adds, replaces and deletes without touching the previous map', () => {
    const before = applyDelta(new Map(), { added: [wire('pods', 'a'), wire('pods', 'b')], modified: [], deleted: [] });
    const after = applyDelta(before, { added: [], modified: [wire('pods', 'a', '2')], deleted: ['/pods/default/b'] });
    expect([...before.keys()]).toEqual(['/pods/default/a', '/pods/default/b']);
    expect([...after.values()].map((w) => `${w.object.metadata.name}@${w.object.metadata.resourceVersion}`)).toEqual(['a@2']);
  });
});

describe('objectsOf', () => {
  it('lists one resource sorted by namespace and name', () => {
    const m = applyDelta(new Map(), { added: [wire('pods', 'b'), wire('pods', 'a', '1', 'kube-system'), wire('services', 'a')], modified: [], deleted: [] });
    expect(objectsOf(m, '', 'pods').map((o) => `${o.metadata.namespace}/${o.metadata.name}`)).toEqual(['default/b', 'kube-system/a']);
  });
});
