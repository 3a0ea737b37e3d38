import { describe, expect, it } from 'vitest';
import { deepFreeze } from '../../storage/freeze.ts';
import { reuseUnchanged } from './statusReuse.ts';

describe('reuseUnchanged', () => {
  const stored = deepFreeze({
    phase: 'Pending',
    conditions: [
      { type: 'Ready', status: 'False', lastProbeTime: null, lastTransitionTime: 't1', reason: 'ContainersNotReady' },
      { type: 'PodScheduled', status: 'True', lastProbeTime: null, lastTransitionTime: 't0' },
    ],
    hostIPs: [{ ip: '172.30.1.2' }],
    containerStatuses: [{ name: 'web', ready: false, state: { waiting: { reason: 'ContainerCreating' } }, lastState: {} }],
  });

  it('keeps the stored parts that did not change and leaves the changed ones new', () => {
    const next = {
      phase: 'Running',
      conditions: [
        { type: 'Ready', status: 'True', lastProbeTime: null, lastTransitionTime: 't2' },
        { type: 'PodScheduled', status: 'True', lastProbeTime: null, lastTransitionTime: 't0' },
      ],
      hostIPs: [{ ip: '172.30.1.2' }],
      containerStatuses: [{ name: 'web', ready: true, state: { running: { startedAt: 't2' } }, lastState: {} }],
    };
    const copy = JSON.parse(JSON.stringify(next));
    const out = reuseUnchanged(next, stored) as typeof next;
    expect(out).toBe(next);
    expect(JSON.stringify(out)).toBe(JSON.stringify(copy));
    expect(out.conditions).not.toBe(stored.conditions);
    expect(out.conditions[0]).not.toBe(stored.conditions[0]);
    expect(out.conditions[1]).toBe(stored.conditions[1]);
    expect(out.hostIPs).toBe(stored.hostIPs);
    expect(out.containerStatuses[0]!.lastState).toBe(stored.containerStatuses[0]!.lastState);
    expect(out.containerStatuses[0]!.state).not.toBe(stored.containerStatuses[0]!.state);
  });

  it('returns the stored status when everything is the same, and only then', () => {
    const same = JSON.parse(JSON.stringify(stored));
    expect(reuseUnchanged(same, stored)).toBe(stored);
    // Same values in another field order: the stored JSON would change order, so it is not reused.
    const reordered = { ...JSON.parse(JSON.stringify(stored)), phase: 'Pending' };
    delete reordered.phase;
    reordered.phase = 'Pending';
    const out = reuseUnchanged(reordered, stored) as typeof reordered;
    expect(out).toBe(reordered);
    expect(Object.keys(out)).toEqual(['conditions', 'hostIPs', 'containerStatuses', 'phase']);
    expect(out.conditions).toBe(stored.conditions);
    // An undefined field is a difference of shape, not reused.
    const extra = { ...JSON.parse(JSON.stringify(stored.conditions[1])), reason: undefined };
    expect(reuseUnchanged(extra, stored.conditions[1])).toBe(extra);
  });

  it('never changes a frozen part of the new status, nor reuses a mutable stored one', () => {
    const carried = stored.conditions[1];
    const next = { conditions: [carried, { type: 'X' }] };
    const out = reuseUnchanged(next, stored) as typeof next;
    expect(out.conditions[0]).toBe(carried);
    const mutablePrev = { a: { b: 1 } };
    const n2 = { a: { b: 1 } };
    expect(reuseUnchanged(n2, mutablePrev)).toBe(n2);
    expect(n2.a).not.toBe(mutablePrev.a);
  });
});
