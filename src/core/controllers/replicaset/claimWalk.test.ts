import { describe, expect, it } from 'vitest';
import { selectorFromSet } from '../../api/labels.ts';
import type { KubeObject } from '../../api/types.ts';
import { deepFreeze } from '../../storage/freeze.ts';
import { asPod } from '../../api/podUtil.ts';
import { forgetPodFacts } from './podFacts.ts';
import { ClaimWalker, type WalkOwner } from './claimWalk.ts';

const owner: WalkOwner = { uid: 'u1', selector: selectorFromSet({ app: 'web' }), templateSelector: selectorFromSet({ app: 'web', tier: 'fe' }) };

const pod = (name: string, over: { labels?: Record<string, string>; owner?: string; ready?: boolean; frozen?: boolean } = {}): KubeObject => {
  const obj = {
    metadata: {
      name,
      namespace: 'default',
      labels: over.labels ?? { app: 'web', tier: 'fe' },
      ...(over.owner === undefined ? {} : { ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'rs', uid: over.owner, controller: true }] }),
    },
    status: { phase: 'Running', ...(over.ready ? { conditions: [{ type: 'Ready', status: 'True' }] } : {}) },
  } as unknown as KubeObject;
  return over.frozen === false ? obj : deepFreeze(obj);
};

/** walkBoth walks with a remembering walker and a fresh one: results and claimSlow calls must agree. */
function walkBoth(walker: ClaimWalker, pods: KubeObject[], slow: (o: KubeObject) => KubeObject | undefined) {
  const calls: string[] = [];
  const fresh: string[] = [];
  const got = walker.walk('default/rs', pods, owner, (o) => (calls.push(o.metadata.name!), slow(o)), true);
  const want = new ClaimWalker().walk('default/rs', pods, owner, (o) => (fresh.push(o.metadata.name!), slow(o)), true);
  expect(got).toEqual(want);
  expect(calls).toEqual(fresh);
  return { got, calls };
}

describe('ClaimWalker', () => {
  it('reuses verdicts of unchanged pod objects and reads changed, new and released pods again', () => {
    const walker = new ClaimWalker();
    const a = pod('a', { owner: 'u1', ready: true });
    const b = pod('b', { owner: 'u1' });
    const c = pod('c', { owner: 'other' });
    const d = pod('d', { owner: 'u1', ready: true, labels: { app: 'web' } });
    const e = pod('e', { owner: 'u1' });
    const adopted = pod('o', { owner: 'u1' });
    const slow = (o: KubeObject) => (o.metadata.name === 'o' ? adopted : undefined);
    const first = walkBoth(walker, [a, b, c, d, e], slow);
    expect(first.got.claimed.map((p) => p.metadata?.name)).toEqual(['a', 'b', 'd', 'e']);
    expect(first.got).toMatchObject({ fullyLabeled: 3, ready: 2 });
    expect(first.calls).toEqual([]);

    // b's labels change (released), d is deleted, e turns ready (moved to the end), an orphan is added.
    const b2 = pod('b', { owner: 'u1', labels: { app: 'db' } });
    const e2 = pod('e', { owner: 'u1', ready: true });
    const second = walkBoth(walker, [a, c, b2, e2, pod('o')], slow);
    expect(second.got.claimed.map((p) => p.metadata?.name)).toEqual(['a', 'e', 'o']);
    expect(second.got.claimed[2]).toBe(adopted);
    expect(second.got).toMatchObject({ fullyLabeled: 3, ready: 2 });
    expect(second.calls).toEqual(['b', 'o']);
  });

  it('answers from the previous verdict for the identical object (stored objects never change)', () => {
    const walker = new ClaimWalker();
    const p = pod('p', { owner: 'u1', frozen: false });
    expect(walker.walk('k', [p], owner, () => undefined, true).claimed).toHaveLength(1);
    // Mutating a pod in place is what the memo relies on never happening: the verdict is reused.
    (p.metadata as { labels: Record<string, string> }).labels = { app: 'db' };
    expect(walker.walk('k', [p], owner, () => undefined, true).claimed).toHaveLength(1);
    // A new owner (uid or selectors), forget, or remember=false drop the memo.
    expect(walker.walk('k', [p], { ...owner, uid: 'u1' }, () => undefined, true).claimed).toHaveLength(1);
    expect(walker.walk('k', [p], { ...owner, selector: selectorFromSet({ app: 'web' }) }, () => undefined, true).claimed).toHaveLength(0);
    const q = pod('q', { owner: 'u1', frozen: false });
    walker.walk('k', [q], owner, () => undefined, false);
    (q.metadata as { labels: Record<string, string> }).labels = { app: 'db' };
    forgetPodFacts(asPod(q)); // podFacts has its own per-object memo
    expect(walker.walk('k', [q], owner, () => undefined, true).claimed).toHaveLength(0);
  });

  it('walks a live set like a list, reusing its buffers across walks as the namespace grows and shrinks', () => {
    const walker = new ClaimWalker();
    const a = pod('a', { owner: 'u1', ready: true });
    const b = pod('b', { owner: 'u1' });
    const c = pod('c', { owner: 'other' });
    const lists = [[a, b, c], [a, b, c, pod('d', { owner: 'u1' }), pod('e', { owner: 'u1' })], [b, pod('a', { owner: 'u1' })], [], [c, b], [c, b, a]];
    for (const list of lists) {
      const got = walker.walk('k', new Set(list), owner, () => undefined, true);
      const want = new ClaimWalker().walk('k', list, owner, () => undefined, true);
      expect(got).toEqual(want);
    }
  });

  it('keeps the first error after the pass, calls claimSlow again next time, and remembers nothing', () => {
    const walker = new ClaimWalker();
    const pods = [pod('x'), pod('a', { owner: 'u1' }), pod('y')];
    const seen: string[] = [];
    const failing = (o: KubeObject): KubeObject | undefined => {
      seen.push(o.metadata.name!);
      throw new Error(`no ${o.metadata.name}`);
    };
    expect(() => walker.walk('k', pods, owner, failing, true)).toThrow('no x');
    expect(seen).toEqual(['x', 'y']);
    expect(() => walker.walk('k', pods, owner, failing, true)).toThrow('no x');
    expect(seen).toEqual(['x', 'y', 'x', 'y']);
    expect(walker.walk('k', pods, owner, () => undefined, true).claimed.map((p) => p.metadata?.name)).toEqual(['a']);
  });
});
