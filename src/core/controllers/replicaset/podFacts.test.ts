import { describe, expect, it } from 'vitest';
import { matches, selectorFromSet } from '../../api/labels.ts';
import { isPodActive, isPodAvailable, isPodReady } from '../../api/podUtil.ts';
import type { Pod } from '../../api/types.ts';
import { deepFreeze } from '../../storage/freeze.ts';
import { forgetPodFacts, podAvailable, podFacts, podMatches, readySince, stableSelector, stableSetSelector } from './podFacts.ts';

const pod = (over: { labels?: Record<string, string>; phase?: string; ready?: string; since?: string; deleting?: boolean; owner?: string }): Pod =>
  deepFreeze({
    metadata: {
      name: 'p',
      namespace: 'default',
      labels: over.labels ?? { app: 'web' },
      ...(over.deleting ? { deletionTimestamp: '2026-01-01T00:00:00Z' } : {}),
      ...(over.owner ? { ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'rs', uid: over.owner, controller: true }] } : {}),
    },
    status: {
      phase: over.phase ?? 'Running',
      ...(over.ready ? { conditions: [{ type: 'Ready', status: over.ready, lastTransitionTime: over.since ?? '2026-01-01T00:00:00Z' }] } : {}),
    },
  }) as unknown as Pod;

describe('podFacts', () => {
  const now = Date.parse('2026-01-01T00:00:10Z');
  const cases = [
    pod({}),
    pod({ ready: 'True', owner: 'u1' }),
    pod({ ready: 'False', owner: 'u1' }),
    pod({ phase: 'Succeeded', ready: 'True' }),
    pod({ deleting: true, ready: 'True', since: 'not a time' }),
  ];

  it('answers as controllerOf, isPodActive, isPodReady and isPodAvailable do', () => {
    for (const p of cases) {
      const f = podFacts(p);
      expect(f.active).toBe(isPodActive(p));
      expect(f.ready).toBe(isPodReady(p));
      expect(f.hasController).toBe(!!p.metadata?.ownerReferences);
      expect(f.controllerUid).toBe(p.metadata?.ownerReferences?.[0]?.uid);
      for (const minReady of [0, 5, 10, 20]) expect(podAvailable(p, f, minReady, now)).toBe(isPodAvailable(p, minReady, now));
    }
    expect(Number.isNaN(readySince(cases[4], podFacts(cases[4])))).toBe(true);
  });

  it('remembers facts per pod object, and forgets them when told', () => {
    const p = cases[1];
    expect(podFacts(p)).toBe(podFacts(p));
    const before = podFacts(p);
    forgetPodFacts(p);
    expect(podFacts(p)).not.toBe(before);
    expect(podFacts(p)).toEqual({ ...before, readySinceMs: undefined, selectorA: undefined, matchA: false, selectorB: undefined, matchB: false });
  });

  it('matches selectors as labels.matches does, remembering the last two by identity', () => {
    const p = pod({ labels: { app: 'web', tier: 'front' } });
    const f = podFacts(p);
    const web = selectorFromSet({ app: 'web' });
    const db = selectorFromSet({ app: 'db' });
    const front = selectorFromSet({ tier: 'front' });
    for (let i = 0; i < 2; i++) {
      for (const s of [web, db, front, web, web, db]) expect(podMatches(p, f, s)).toBe(matches(s, p.metadata?.labels as Record<string, string>));
    }
  });
});

describe('stableSelector', () => {
  it('returns one Selector per frozen LabelSelector object and fresh ones otherwise', () => {
    const frozen = deepFreeze({ matchLabels: { app: 'web' } });
    expect(stableSelector(frozen)).toBe(stableSelector(frozen));
    expect(stableSelector(deepFreeze({ matchLabels: { app: 'web' } }))).not.toBe(stableSelector(frozen));
    const open = { matchLabels: { app: 'web' } };
    expect(stableSelector(open)).not.toBe(stableSelector(open));
    expect(stableSelector(open)).toEqual(stableSelector(frozen));
    expect(() => stableSelector(deepFreeze({ matchExpressions: [{ key: 'a', operator: 'Bad' }] }))).toThrow();
    const labels = deepFreeze({ app: 'web' });
    expect(stableSetSelector(labels)).toBe(stableSetSelector(labels));
    expect(stableSetSelector(labels)).toEqual(selectorFromSet(labels));
  });
});
