import { describe, expect, it } from 'vitest';
import type { Pod } from '../../api/types.ts';
import { deepFreeze } from '../../storage/freeze.ts';
import { containerNamed } from './podState.ts';
import { newPodRecord } from './podWorker.ts';
import { generatePodStatus } from './podStatus.ts';

const T0 = Date.UTC(2026, 0, 15, 9, 0, 0);

function pod(status: Record<string, unknown>): Pod {
  return deepFreeze({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'web-1', namespace: 'default', uid: 'u1' },
    spec: { nodeName: 'node1', containers: [{ name: 'web', image: 'nginx:1.27' }] },
    status,
  }) as unknown as Pod;
}

describe('generatePodStatus', () => {
  it('returns the stored parts that did not change as the stored objects, and builds what changed', () => {
    const scheduled = { phase: 'Pending', conditions: [{ type: 'PodScheduled', status: 'True', lastProbeTime: null, lastTransitionTime: '2026-01-15T08:59:59Z' }], qosClass: 'BestEffort' };
    const rec = newPodRecord(pod(scheduled), 'default/web-1', T0);
    rec.podIP = '10.244.0.5';
    const first = generatePodStatus(pod(scheduled), rec, '172.30.1.2', T0);
    const stored = pod(JSON.parse(JSON.stringify(first)));
    // Nothing changed: every part is the stored one, and the result equals it.
    const again = generatePodStatus(stored, rec, '172.30.1.2', T0 + 500);
    expect(JSON.stringify(again)).toBe(JSON.stringify(stored.status));
    const st = stored.status as Record<string, unknown>;
    expect(again.conditions).toBe(st.conditions);
    expect(again.hostIPs).toBe(st.hostIPs);
    expect(again.podIPs).toBe(st.podIPs);
    expect(again.containerStatuses).toBe(st.containerStatuses);
    // The sandbox is up and the container started: those conditions transition, the rest stays stored.
    const c = containerNamed(rec, 'web')!;
    c.state = { running: { startedAt: T0 + 1000 } };
    c.ready = true;
    c.started = true;
    c.everStarted = true;
    const running = generatePodStatus(stored, rec, '172.30.1.2', T0 + 1000);
    const conds = running.conditions as { type: string; lastTransitionTime: string }[];
    const storedConds = st.conditions as unknown[];
    expect(running.conditions).not.toBe(st.conditions);
    expect(conds.map((x) => x.type)).toEqual(['PodReadyToStartContainers', 'Initialized', 'Ready', 'ContainersReady', 'PodScheduled']);
    expect(conds[0]).not.toBe(storedConds[0]);
    expect(conds[1]).toBe(storedConds[1]);
    expect(conds[2]).not.toBe(storedConds[2]);
    expect(conds[2]!.lastTransitionTime).toBe('2026-01-15T09:00:01Z');
    expect(conds[4]).toBe(storedConds[4]);
    expect(running.containerStatuses).not.toBe(st.containerStatuses);
    expect(running.hostIPs).toBe(st.hostIPs);
    expect(running.phase).toBe('Running');
  });

  it('does not reuse a stored condition whose fields are in another order (the written JSON keeps ours)', () => {
    const reordered = { phase: 'Pending', conditions: [{ status: 'True', type: 'Initialized', lastProbeTime: null, lastTransitionTime: '2026-01-15T08:59:59Z' }] };
    const p = pod(reordered);
    const rec = newPodRecord(p, 'default/web-1', T0);
    const out = generatePodStatus(p, rec, '172.30.1.2', T0);
    const init = (out.conditions as Record<string, unknown>[]).find((x) => x.type === 'Initialized')!;
    expect(init).not.toBe((p.status!.conditions as unknown[])[0]);
    expect(Object.keys(init)).toEqual(['type', 'status', 'lastProbeTime', 'lastTransitionTime']);
    expect(init.lastTransitionTime).toBe('2026-01-15T08:59:59Z');
  });
});
