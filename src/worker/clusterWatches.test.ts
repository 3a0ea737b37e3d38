import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../core/api/types.ts';
import { watchedResource, withoutManagedFields } from './clusterWatches.ts';

describe('watchedResource', () => {
  it('watches every watchable resource but Leases and events.k8s.io duplicates', () => {
    const verbs = ['get', 'list', 'watch'];
    expect(watchedResource({ group: '', resource: 'pods', verbs })).toBe(true);
    expect(watchedResource({ group: 'batch', resource: 'jobs', verbs })).toBe(true);
    expect(watchedResource({ group: 'coordination.k8s.io', resource: 'leases', verbs })).toBe(false);
    expect(watchedResource({ group: 'events.k8s.io', resource: 'events', verbs })).toBe(false);
    expect(watchedResource({ group: 'authorization.k8s.io', resource: 'selfsubjectaccessreviews', verbs: ['create'] })).toBe(false);
  });
});

describe('withoutManagedFields', () => {
  it('drops metadata.managedFields and leaves the rest (and the original) alone', () => {
    const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', managedFields: [{ manager: 'kubectl' }] }, spec: { containers: [] } } as unknown as KubeObject;
    const sent = withoutManagedFields(pod);
    expect(sent).toEqual({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [] } });
    expect('managedFields' in sent.metadata).toBe(false);
    expect(pod.metadata.managedFields).toHaveLength(1);
    const plain = { apiVersion: 'v1', kind: 'Node', metadata: { name: 'n' } } as KubeObject;
    expect(withoutManagedFields(plain)).toBe(plain);
  });
});
