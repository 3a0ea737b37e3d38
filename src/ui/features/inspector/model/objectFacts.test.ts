import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../../../core/api/types.ts';
import type { WireObject } from '../../../../protocol/objects.ts';
import { allEvents, conditionsOf, eventsFor } from './objectFacts.ts';

function event(name: string, involved: { kind: string; name: string; uid?: string }, reason: string, last: string, count = 1): WireObject {
  const object = { apiVersion: 'v1', kind: 'Event', metadata: { name, namespace: 'default' }, involvedObject: { ...involved, namespace: 'default' }, reason, message: `${reason} msg`, type: reason === 'BackOff' ? 'Warning' : 'Normal', count, lastTimestamp: last, source: { component: 'kubelet' } } as KubeObject;
  return { key: `/events/default/${name}`, group: '', resource: 'events', object };
}

const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web-1', namespace: 'default', uid: 'u1' }, status: { conditions: [{ type: 'Ready', status: 'False', reason: 'ContainersNotReady', message: 'containers with unready status: [nginx]' }, { type: 'PodScheduled', status: 'True' }] } } as KubeObject;

describe('inspector facts', () => {
  it('lists conditions as the object has them', () => {
    expect(conditionsOf(pod)).toEqual([
      { type: 'Ready', status: 'False', reason: 'ContainersNotReady', message: 'containers with unready status: [nginx]' },
      { type: 'PodScheduled', status: 'True' },
    ]);
  });

  it('finds the events about an object, newest first, by uid', () => {
    const store = new Map([
      event('a', { kind: 'Pod', name: 'web-1', uid: 'u1' }, 'Scheduled', '2026-01-01T00:00:01Z'),
      event('b', { kind: 'Pod', name: 'web-1', uid: 'u1' }, 'BackOff', '2026-01-01T00:00:09Z', 4),
      event('c', { kind: 'Pod', name: 'web-1', uid: 'old' }, 'Killing', '2026-01-01T00:00:05Z'),
      event('d', { kind: 'ReplicaSet', name: 'web' }, 'SuccessfulCreate', '2026-01-01T00:00:00Z'),
    ].map((w) => [w.key, w]));
    expect(eventsFor(store, pod).map((e) => `${e.type} ${e.reason} x${e.count}`)).toEqual(['Warning BackOff x4', 'Normal Scheduled x1']);
    expect(allEvents(store).map((e) => e.reason)).toEqual(['BackOff', 'Killing', 'Scheduled', 'SuccessfulCreate']);
  });
});
