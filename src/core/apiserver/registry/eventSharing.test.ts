import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../api/types.ts';
import { shareEventParts } from './eventSharing.ts';

const event = (source: unknown, involvedObject: unknown) =>
  ({ apiVersion: 'v1', kind: 'Event', metadata: { name: 'e', namespace: 'default' }, source, involvedObject }) as unknown as KubeObject & { source: unknown; involvedObject: unknown };

describe('shareEventParts', () => {
  it('shares equal sources and a repeated involved object, frozen, with the same JSON', () => {
    const ref = () => ({ kind: 'Pod', namespace: 'default', name: 'web', uid: 'u1', apiVersion: 'v1', resourceVersion: '5', fieldPath: 'spec.containers{web}' });
    const a = event({ component: 'kubelet', host: 'node1' }, ref());
    const b = event({ component: 'kubelet', host: 'node1' }, ref());
    const before = JSON.stringify(b);
    shareEventParts(a);
    shareEventParts(b);
    expect(b.source).toBe(a.source);
    expect(b.involvedObject).toBe(a.involvedObject);
    expect(Object.isFrozen(a.source)).toBe(true);
    expect(JSON.stringify(b)).toBe(before);
  });

  it('keeps apart what differs in a value, in field order, or is not all strings', () => {
    const a = event({ component: 'kubelet', host: 'node1' }, { kind: 'Pod', name: 'web', resourceVersion: '5' });
    shareEventParts(a);
    const other = [
      event({ component: 'kubelet', host: 'node2' }, { kind: 'Pod', name: 'web', resourceVersion: '6' }),
      event({ host: 'node1', component: 'kubelet' }, { name: 'web', kind: 'Pod', resourceVersion: '5' }),
    ];
    for (const e of other) {
      const json = JSON.stringify(e);
      shareEventParts(e);
      expect(e.source).not.toBe(a.source);
      expect(JSON.stringify(e)).toBe(json);
    }
    const odd = event({ component: 'x', extra: { nested: true } }, { kind: 'Pod', name: 'web', resourceVersion: '5' });
    const source = odd.source;
    shareEventParts(odd);
    expect(odd.source).toBe(source);
    expect(Object.isFrozen(source)).toBe(false);
  });
});
