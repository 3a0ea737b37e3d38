import { describe, expect, it } from 'vitest';
import { selectorFromSet } from '../../api/labels.ts';
import { asPod } from '../../api/podUtil.ts';
import type { KubeObject } from '../../api/types.ts';
import { deepFreeze } from '../../storage/freeze.ts';
import { ClaimWalker, type WalkOwner } from './claimWalk.ts';
import { OwnedPodIndex } from './ownedPods.ts';
import { forgetPodFacts } from './podFacts.ts';

const owners: Array<WalkOwner & { uid: string }> = [
  { uid: 'u1', selector: selectorFromSet({ app: 'web' }), templateSelector: selectorFromSet({ app: 'web', tier: 'fe' }) },
  { uid: 'u2', selector: selectorFromSet({ app: 'db' }), templateSelector: selectorFromSet({ app: 'db' }) },
];

interface PodSpec {
  name: string;
  namespace: string;
  owner?: string;
  labels: Record<string, string>;
  ready: boolean;
  phase: string;
  deleting: boolean;
}

const build = (p: PodSpec): KubeObject =>
  deepFreeze({
    metadata: {
      name: p.name,
      namespace: p.namespace,
      labels: p.labels,
      ...(p.deleting ? { deletionTimestamp: '2026-01-01T00:00:00Z' } : {}),
      ...(p.owner === undefined ? {} : { ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'rs', uid: p.owner, controller: true }] }),
    },
    status: { phase: p.phase, conditions: [{ type: 'Ready', status: p.ready ? 'True' : 'False' }] },
  } as unknown as KubeObject);

/** walkCounts is what a fresh claim walk of the namespace counts, with the pods it would send to claimObject. */
function walkCounts(owner: WalkOwner, pods: KubeObject[]) {
  let slow = 0;
  const walk = new ClaimWalker().walk('k', pods, owner, () => (slow++, undefined), false);
  return { replicas: walk.replicas, fullyLabeled: walk.fullyLabeled, ready: walk.ready, slow };
}

describe('OwnedPodIndex', () => {
  it('keeps the counts a walk of the current pods gives, through random adds, updates and deletes', () => {
    let state = 7;
    const rand = (n: number) => {
      state = (state * 1103515245 + 12345) % 2 ** 31;
      return (state >>> 8) % n;
    };
    const labelSets: Array<Record<string, string>> = [{ app: 'web', tier: 'fe' }, { app: 'web' }, { app: 'db' }, { app: 'other' }, {}];
    const ownerChoices = [undefined, 'u1', 'u1', 'u2', 'u3'];
    for (let round = 0; round < 10; round++) {
      const index = new OwnedPodIndex();
      // The informer's cache: namespace → (name → object), insertion order, replaced objects move to the end.
      const cache = new Map<string, Map<string, KubeObject>>([
        ['a', new Map()],
        ['b', new Map()],
      ]);
      for (let step = 0; step < 600; step++) {
        const namespace = rand(2) ? 'a' : 'b';
        const ns = cache.get(namespace)!;
        const name = `p${rand(25)}`;
        const old = ns.get(name);
        if (old && rand(4) === 0) {
          ns.delete(name);
          // The DELETED event carries a copy of the last state.
          const gone = deepFreeze(JSON.parse(JSON.stringify(old)) as KubeObject);
          index.changed(asPod(old), undefined);
          forgetPodFacts(asPod(gone));
        } else if (old && rand(3) === 0) {
          // A status write sharing the unchanged parts (as stored versions do), maybe turning ready.
          const status = (old as unknown as { status: { phase: string; conditions: unknown[] } }).status;
          const conditions = rand(2) ? status.conditions : [{ type: 'Ready', status: rand(2) ? 'True' : 'False' }];
          // Sometimes a label change too (a relabel keeping the ownerReferences list)...
          let metadata = rand(3) ? old.metadata : { ...old.metadata, labels: labelSets[rand(labelSets.length)] };
          // ... or the controller releasing it (an orphan now).
          if (rand(6) === 0) metadata = { ...metadata, ownerReferences: undefined };
          const cur = deepFreeze({ ...old, metadata, status: { ...status, conditions, hostIP: `10.0.0.${step}` } } as KubeObject);
          ns.delete(name);
          ns.set(name, cur);
          index.changed(asPod(old), asPod(cur));
          forgetPodFacts(asPod(old));
        } else {
          const cur = build({
            name,
            namespace,
            owner: ownerChoices[rand(ownerChoices.length)],
            labels: labelSets[rand(labelSets.length)],
            ready: rand(2) === 0,
            phase: ['Running', 'Pending', 'Succeeded', 'Failed'][rand(4)],
            deleting: rand(8) === 0,
          });
          ns.delete(name);
          ns.set(name, cur);
          index.changed(old && asPod(old), asPod(cur));
          if (old) forgetPodFacts(asPod(old));
        }
        // Ask about one owner in one namespace now and then: its counts are built on first ask, then kept.
        if (rand(3) === 0) {
          const owner = owners[rand(owners.length)];
          const pods = [...cache.get(namespace)!.values()];
          const want = walkCounts(owner, pods);
          const got = index.countsFor(owner, namespace, pods);
          expect({ replicas: got.replicas, fullyLabeled: got.fullyLabeled, ready: got.ready, slow: got.mismatched + index.orphansIn(namespace) }).toEqual(want);
        }
      }
    }
  });

  it('rebuilds an owner whose selectors changed, and forgets owners', () => {
    const index = new OwnedPodIndex();
    const pods = [build({ name: 'x', namespace: 'a', owner: 'u1', labels: { app: 'web' }, ready: true, phase: 'Running', deleting: false })];
    index.changed(undefined, asPod(pods[0]));
    expect(index.countsFor(owners[0], 'a', pods)).toMatchObject({ replicas: 1, fullyLabeled: 0, ready: 1, mismatched: 0 });
    const widened = { ...owners[0], templateSelector: selectorFromSet({ app: 'web' }) };
    expect(index.countsFor(widened, 'a', pods)).toMatchObject({ replicas: 1, fullyLabeled: 1, ready: 1 });
    const other = { ...owners[0], selector: selectorFromSet({ app: 'db' }) };
    expect(index.countsFor(other, 'a', pods)).toMatchObject({ replicas: 0, mismatched: 1 });
    index.forget('u1');
    expect(index.countsFor(owners[0], 'a', [])).toMatchObject({ replicas: 0, mismatched: 0 });
  });
});
