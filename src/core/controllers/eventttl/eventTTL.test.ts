import { describe, expect, it } from 'vitest';
import { CONFIGMAPS, EVENTS } from '../../client/client.ts';
import { newControllerTestCluster } from '../testCluster.ts';
import { installEventTTL } from './eventTTL.ts';

describe('event TTL', () => {
  it('deletes an Event one hour after its last write; a repeat pushes the hour back', () => {
    const c = newControllerTestCluster([installEventTTL]);
    const cm = c.client().create(CONFIGMAPS, 'default', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x' } });
    const rec = c.recorder('test');
    rec.normal(cm, 'Once', 'first');
    rec.normal(cm, 'Twice', 'again');
    c.settle();
    const names = () => c.client().list(EVENTS, 'default').items.map((e) => e.reason).sort();
    expect(names()).toEqual(['Once', 'Twice']);
    c.advance(30 * 60_000);
    rec.normal(cm, 'Twice', 'again');
    c.advance(30 * 60_000 - 1);
    expect(names()).toEqual(['Once', 'Twice']);
    c.advance(1);
    expect(names()).toEqual(['Twice']);
    c.advance(30 * 60_000);
    expect(names()).toEqual([]);
  });
});
