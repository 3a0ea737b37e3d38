import { describe, expect, it } from 'vitest';
import { loadApiSchema } from '../core/api/schema/index.ts';
import type { WorkerMessage } from '../protocol/messages.ts';
import { Host } from './host.ts';
import { MemoryStateStore } from './stateStore.ts';

const WALL = Date.UTC(2026, 2, 1, 12, 0, 0);

async function bootedHost() {
  const sent: WorkerMessage[] = [];
  const host = new Host({ post: (m) => sent.push(m), store: new MemoryStateStore(), loadSchema: loadApiSchema, realtime: false, wallNow: () => WALL, saveDelayMs: 0 });
  await host.boot();
  return { host, sent };
}

describe('Host: what the topology, inspector and activity panels receive', () => {
  it('sends each pod with its kubectl STATUS', async () => {
    const { host, sent } = await bootedHost();
    host.flush();
    const deltas = sent.filter((m) => m.type === 'objects.delta');
    const pods = deltas.flatMap((m) => (m.type === 'objects.delta' ? m.delta.added : [])).filter((w) => w.resource === 'pods');
    const coredns = pods.find((w) => w.object.metadata.name?.startsWith('coredns-'));
    expect(coredns?.podStatus).toBe('Running');
    expect(pods.filter((w) => w.object.metadata.namespace === 'kube-system').every((w) => typeof w.podStatus === 'string')).toBe(true);
    host.dispose();
  });

  it('answers inspect with YAML and the scheduler decision of a pod', async () => {
    const { host, sent } = await bootedHost();
    host.flush();
    const pod = sent.flatMap((m) => (m.type === 'objects.delta' ? m.delta.added : [])).find((w) => w.resource === 'pods' && w.object.metadata.name?.startsWith('coredns-'));
    const name = pod?.object.metadata.name ?? '';
    host.handle({ type: 'inspect', id: 7, ref: { group: '', resource: 'pods', namespace: 'kube-system', name } });
    for (let i = 0; i < 100 && !sent.some((m) => m.type === 'inspect.result'); i++) await new Promise((r) => setTimeout(r, 1));
    const res = sent.find((m) => m.type === 'inspect.result');
    if (res?.type !== 'inspect.result') throw new Error('no inspect.result');
    expect(res.yaml?.split('\n')[0]).toBe('apiVersion: v1');
    expect(res.yaml).toContain(`  name: ${name}\n`);
    expect(res.describe).toMatch(new RegExp(`^Name:\\s+${name}$`, 'm'));
    expect(res.scheduling?.result).toBe('Scheduled');
    expect(res.scheduling?.nodes.map((n) => n.node).sort()).toEqual(['controlplane', 'node01', 'node02']);
    host.dispose();
  });

  it('watches what discovery serves (batch Jobs included) and sends objects without managedFields', async () => {
    const { host, sent } = await bootedHost();
    host.flush();
    host.handle({ type: 'objects.ack' });
    host.cluster.client().create({ group: 'batch', resource: 'jobs' }, 'default', {
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: { name: 'hello' },
      spec: { template: { spec: { restartPolicy: 'Never', containers: [{ name: 'c', image: 'busybox', command: ['echo', 'hi'] }] } } },
    } as never);
    host.cluster.settle();
    host.flush();
    const wires = sent.flatMap((m) => (m.type === 'objects.delta' ? [...m.delta.added, ...m.delta.modified] : []));
    expect(wires.some((w) => w.group === 'batch' && w.resource === 'jobs' && w.object.metadata.name === 'hello')).toBe(true);
    expect(wires.filter((w) => w.resource === 'pods').every((w) => w.object.metadata.managedFields === undefined)).toBe(true);
    expect(wires.some((w) => w.resource === 'leases')).toBe(false);
    host.dispose();
  });

  it('reports the activity of controllers with what they wrote', async () => {
    const { host, sent } = await bootedHost();
    host.flush();
    host.handle({ type: 'objects.ack' });
    host.handle({ type: 'cluster.deleteRandomPod' });
    host.cluster.settle();
    host.flush();
    const records = sent.flatMap((m) => (m.type === 'activity' ? m.records : []));
    expect(records.length).toBeGreaterThan(0);
    expect(records.some((r) => (r.wrote ?? []).some((w) => /^ADDED Pod /.test(w)))).toBe(true);
    host.dispose();
  });
});
