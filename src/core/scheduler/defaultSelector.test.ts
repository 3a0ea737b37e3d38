import { describe, expect, it } from 'vitest';
import { selectorToString } from '../api/labels.ts';
import type { KubeObject, Pod } from '../api/types.ts';
import { deepFreeze } from '../storage/freeze.ts';
import { defaultSelector, DefaultSelectorMemo, type OwnerLookup } from './defaultSelector.ts';

const svc = (name: string, selector: Record<string, string>, namespace = 'default'): KubeObject => deepFreeze({ metadata: { name, namespace }, spec: { selector } } as unknown as KubeObject);
const rs = (name: string, matchLabels: Record<string, string>): KubeObject => deepFreeze({ metadata: { name, namespace: 'default' }, spec: { selector: { matchLabels } } } as unknown as KubeObject);
const pod = (labels: Record<string, string>, owner?: string, namespace = 'default'): Pod =>
  ({ metadata: { name: 'p', namespace, labels, ...(owner ? { ownerReferences: [{ kind: 'ReplicaSet', name: owner, uid: 'u', controller: true }] } : {}) } }) as unknown as Pod;

describe('defaultSelector', () => {
  it('merges the selecting Services with the controller selector, sorted by key', () => {
    const owners: OwnerLookup = (kind, _ns, name) => (kind === 'ReplicaSet' && name === 'web' ? rs('web', { app: 'web', pod: 'x' }) : undefined);
    const s = defaultSelector(pod({ app: 'web', tier: 'fe' }, 'web'), [svc('a', { tier: 'fe' }), svc('b', { app: 'db' })], owners);
    expect(selectorToString(s)).toBe('app=web,pod=x,tier=fe');
  });

  it('DefaultSelectorMemo answers as defaultSelector while services, owners, labels and namespaces change', () => {
    let seed = 3;
    const rand = (n: number): number => Math.floor(((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32) * n);
    const serviceSets = [[], [svc('a', { app: 'web' })], [svc('a', { app: 'web' }), svc('b', { tier: 'fe' })], [svc('c', { tier: 'fe' }, 'other')]];
    const replicaSets = [rs('web', { app: 'web' }), rs('web', { app: 'web', v: '2' }), rs('db', { app: 'db' })];
    const labelSets: Array<Record<string, string>> = [{ app: 'web' }, { app: 'web', tier: 'fe' }, { tier: 'fe' }];
    const memo = new DefaultSelectorMemo();
    for (let step = 0; step < 500; step++) {
      const current = [replicaSets[rand(2)], replicaSets[2]];
      const owners: OwnerLookup = (kind, _ns, name) => (kind === 'ReplicaSet' ? current.find((o) => o.metadata.name === name) : undefined);
      const services = [...serviceSets[rand(serviceSets.length)]];
      const p = pod({ ...labelSets[rand(labelSets.length)] }, ['web', 'db', 'gone', undefined][rand(4)], rand(4) === 0 ? 'other' : 'default');
      expect(selectorToString(memo.get(p, services, owners))).toBe(selectorToString(defaultSelector(p, services, owners)));
    }
  });
});
