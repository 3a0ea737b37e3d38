import { describe, expect, it } from 'vitest';
import { watchedResource } from './clusterWatches.ts';

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
