import { describe, expect, it } from 'vitest';
import type { Pod } from '../../api/types.ts';
import { getPodsToDelete } from './podRanking.ts';

const NOW = Date.UTC(2026, 0, 15, 12, 0, 0);
const ago = (s: number) => new Date(NOW - s * 1000).toISOString().replace('.000Z', 'Z');

function pod(name: string, o: { node?: string; phase?: string; readySince?: number; restarts?: number; created?: number; cost?: string; uid?: string } = {}): Pod {
  return {
    metadata: {
      name,
      uid: o.uid ?? name,
      creationTimestamp: ago(o.created ?? 3600),
      ...(o.cost !== undefined ? { annotations: { 'controller.kubernetes.io/pod-deletion-cost': o.cost } } : {}),
    },
    spec: { containers: [{ name: 'c' }], ...(o.node ? { nodeName: o.node } : {}) },
    status: {
      phase: o.phase ?? 'Pending',
      conditions: o.readySince !== undefined ? [{ type: 'Ready', status: 'True', lastTransitionTime: ago(o.readySince) }] : [],
      containerStatuses: [{ name: 'c', restartCount: o.restarts ?? 0, image: 'x', imageID: '', ready: o.readySince !== undefined }],
    },
  } as Pod;
}

const names = (pods: Pod[]) => pods.map((p) => p.metadata?.name);

describe('getPodsToDelete', () => {
  it('prefers unassigned, then pending, then not-ready pods', () => {
    const pods = [
      pod('ready', { node: 'n1', phase: 'Running', readySince: 600 }),
      pod('running-not-ready', { node: 'n1', phase: 'Running' }),
      pod('pending-on-node', { node: 'n1' }),
      pod('unassigned'),
    ];
    expect(names(getPodsToDelete(pods, pods, 3, NOW))).toEqual(['unassigned', 'pending-on-node', 'running-not-ready']);
  });

  it('honours pod-deletion-cost before co-location and age', () => {
    const pods = [
      pod('cheap', { node: 'n1', phase: 'Running', readySince: 60, cost: '-10' }),
      pod('default', { node: 'n1', phase: 'Running', readySince: 60 }),
    ];
    expect(names(getPodsToDelete(pods, pods, 1, NOW))).toEqual(['cheap']);
  });

  it('deletes doubled-up pods first, then the most recently ready, then crash-loopers, then the youngest', () => {
    const a = pod('alone', { node: 'n2', phase: 'Running', readySince: 600 });
    const b = pod('doubled', { node: 'n1', phase: 'Running', readySince: 600 });
    const c = pod('sibling', { node: 'n1', phase: 'Running', readySince: 600 });
    expect(names(getPodsToDelete([a, b], [a, b, c], 1, NOW))).toEqual(['doubled']);

    const old = pod('long-ready', { node: 'n1', phase: 'Running', readySince: 100_000 });
    const fresh = pod('just-ready', { node: 'n2', phase: 'Running', readySince: 10 });
    expect(names(getPodsToDelete([old, fresh], [], 1, NOW))).toEqual(['just-ready']);

    const crashy = pod('crashy', { node: 'n1', phase: 'Running', readySince: 600, restarts: 5 });
    const calm = pod('calm', { node: 'n2', phase: 'Running', readySince: 600 });
    expect(names(getPodsToDelete([calm, crashy], [], 1, NOW))).toEqual(['crashy']);

    const young = pod('young', { created: 10 });
    const elder = pod('elder', { created: 100_000 });
    expect(names(getPodsToDelete([elder, young], [], 1, NOW))).toEqual(['young']);
  });

  it('treats ages in the same power-of-two bucket as equal and breaks ties by UID', () => {
    const p1 = pod('p1', { created: 3000, uid: 'b' });
    const p2 = pod('p2', { created: 3100, uid: 'a' });
    expect(names(getPodsToDelete([p1, p2], [], 1, NOW))).toEqual(['p2']);
  });
});
