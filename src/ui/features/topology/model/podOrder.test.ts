import { describe, expect, it } from 'vitest';
import { defaultFilter, deriveTopology } from './deriveTopology.ts';
import { node, owned, pod, store } from './fixtures.test-util.ts';
import { ordinalOf, podOrder } from './podOrder.ts';

describe('podOrder', () => {
  it('orders the pods of one StatefulSet by ordinal, not by string', () => {
    const sts = { kind: 'StatefulSet', name: 'web' };
    const names = ['web-10', 'web-2', 'web-0', 'web-1'];
    const g = deriveTopology(store([node('node01'), owned('StatefulSet', 'web', undefined, { spec: { replicas: 11 } }), ...names.map((n) => pod(n, 'node01', 'Running', sts))]), defaultFilter());
    expect(g.groups[0].members.map((m) => m.split('/').pop())).toEqual(['web-0', 'web-1', 'web-2', 'web-10']);
    expect(g.edges.filter((e) => e.relation === 'owns').map((e) => e.target.split('/').pop())).toEqual(['web-0', 'web-1', 'web-2', 'web-10']);
  });

  it('keeps name order for other pods', () => {
    const rs = 'apps/replicasets/default/web-1';
    expect(podOrder({ namespace: 'default', name: 'web-1-10', ownerId: rs }, { namespace: 'default', name: 'web-1-2', ownerId: rs })).toBeLessThan(0);
    expect(podOrder({ namespace: 'a', name: 'z' }, { namespace: 'b', name: 'a' })).toBeLessThan(0);
  });

  it('reads an ordinal only from `<set>-<n>`', () => {
    expect(ordinalOf('web', 'web-12')).toBe(12);
    expect(ordinalOf('web', 'web-012')).toBeUndefined();
    expect(ordinalOf('web', 'web-x')).toBeUndefined();
    expect(ordinalOf('web', 'webby-1')).toBeUndefined();
  });
});
