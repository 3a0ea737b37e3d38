import { describe, expect, it } from 'vitest';
import type { KubeObject, OwnerReference } from '../../api/types.ts';
import { deepFreeze } from '../../storage/freeze.ts';
import { OwnershipGraph } from './ownershipGraph.ts';

const ref = (uid: string): OwnerReference => ({ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: uid, uid });
const obj = (uid: string, refs?: OwnerReference[], status = 'a'): KubeObject =>
  deepFreeze({ metadata: { name: 'p', namespace: 'default', uid, ...(refs ? { ownerReferences: refs } : {}) }, status: { phase: status } }) as unknown as KubeObject;

describe('OwnershipGraph', () => {
  it('follows owner changes, including versions that share an unchanged ownerReferences list', () => {
    const g = new OwnershipGraph();
    const refs = deepFreeze([ref('rs1')]);
    const v1 = obj('p1', refs);
    g.observe('pods|default/p', v1);
    // A status write: a new object sharing the frozen list.
    g.observe('pods|default/p', { ...v1, status: { phase: 'Running' } } as KubeObject);
    expect(g.dependents('rs1')).toEqual(['pods|default/p']);
    // Same content, a new list: still the same owners.
    g.observe('pods|default/p', obj('p1', [ref('rs1')]));
    expect(g.dependents('rs1')).toEqual(['pods|default/p']);
    // Adopted by another owner, then released.
    g.observe('pods|default/p', obj('p1', [ref('rs2')]));
    expect(g.dependents('rs1')).toEqual([]);
    expect(g.dependents('rs2')).toEqual(['pods|default/p']);
    g.observe('pods|default/p', obj('p1'));
    g.observe('pods|default/p', obj('p1'));
    expect(g.dependents('rs2')).toEqual([]);
    // Deleted, then created again with the first list object.
    g.observe('pods|default/p', v1);
    g.forget('pods|default/p', v1);
    expect(g.dependents('rs1')).toEqual([]);
    expect(g.keyOfUID('p1')).toBeUndefined();
    g.observe('pods|default/p', v1);
    expect(g.dependents('rs1')).toEqual(['pods|default/p']);
    expect(g.keyOfUID('p1')).toBe('pods|default/p');
  });
});
