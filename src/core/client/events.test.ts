import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../api/types.ts';
import { bootstrapNamespaces, Cluster, DEFAULT_OPTIONS } from '../sim/cluster.ts';
import { EVENTS } from './client.ts';

/** setup is a bare cluster (namespaces only) with one recorder, as a kubelet on node1 would have. */
function setup() {
  const cluster = new Cluster({ ...DEFAULT_OPTIONS });
  bootstrapNamespaces(cluster);
  const client = cluster.client('test');
  const recorder = cluster.recorder('kubelet', 'node1');
  const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web', namespace: 'default', uid: 'uid-1', resourceVersion: '7' } } as KubeObject;
  const events = () => client.list(EVENTS, 'default').items as unknown as Array<{ metadata: { name: string }; reason: string; message: string; count: number; involvedObject: Record<string, unknown> }>;
  return { cluster, client, recorder, pod, events };
}

describe('EventRecorder', () => {
  it('writes an Event naming the object, container, source and message', () => {
    const { recorder, pod, events } = setup();
    recorder.normal(pod, 'Started', `Started container ${'web'}`, 'spec.containers{web}');
    expect(events()).toEqual([
      expect.objectContaining({
        involvedObject: { kind: 'Pod', namespace: 'default', name: 'web', uid: 'uid-1', apiVersion: 'v1', resourceVersion: '7', fieldPath: 'spec.containers{web}' },
        reason: 'Started', message: 'Started container web', count: 1, type: 'Normal',
        source: { component: 'kubelet', host: 'node1' }, reportingComponent: 'kubelet', reportingInstance: 'node1',
      }),
    ]);
  });

  it('aggregates a repeat of the same key into a count, and keeps different keys apart', () => {
    const { cluster, recorder, pod, events } = setup();
    recorder.warning(pod, 'BackOff', 'Back-off restarting failed container web', 'spec.containers{web}');
    cluster.advance(10_000);
    recorder.warning(pod, 'BackOff', ['Back-off restarting', 'failed container web'].join(' '), 'spec.containers{web}');
    recorder.warning(pod, 'BackOff', 'Back-off restarting failed container web', 'spec.containers{sidecar}');
    recorder.normal(pod, 'BackOff', 'Back-off restarting failed container web', 'spec.containers{web}');
    expect(events().map((e) => [e.involvedObject.fieldPath, e.count])).toEqual([
      ['spec.containers{web}', 2],
      ['spec.containers{sidecar}', 1],
      ['spec.containers{web}', 1],
    ]);
  });

  it('starts a new Event when the aggregated one is gone', () => {
    const { client, recorder, pod, events } = setup();
    recorder.normal(pod, 'Killing', 'Stopping container web', 'spec.containers{web}');
    const first = events()[0]!.metadata.name;
    client.delete(EVENTS, 'default', first);
    recorder.normal(pod, 'Killing', 'Stopping container web', 'spec.containers{web}');
    recorder.normal(pod, 'Killing', 'Stopping container web', 'spec.containers{web}');
    expect(events().map((e) => [e.metadata.name === first, e.count])).toEqual([[false, 2]]);
  });
});
