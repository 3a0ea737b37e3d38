/**
 * One stored resource served through two group-versions (ResourceDefinition.storedAs):
 * core/v1 and events.k8s.io/v1 Events are the same objects, converted both ways.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadApiSchema, type ApiSchema } from '../api/schema/index.ts';
import { StatusError } from '../api/status.ts';
import type { KubeObject } from '../api/types.ts';
import { EVENTS, type ResourceRef } from '../client/client.ts';
import { Cluster, DEFAULT_OPTIONS, bootstrapNamespaces } from '../sim/cluster.ts';
import type { WatchEvent } from './watch.ts';

const EVENTS_V1: ResourceRef = { group: 'events.k8s.io', resource: 'events' };

let schema: ApiSchema;
beforeAll(async () => {
  schema = await loadApiSchema();
});

function setup() {
  const cluster = new Cluster(DEFAULT_OPTIONS);
  cluster.server.schema = schema;
  bootstrapNamespaces(cluster);
  return { cluster, client: cluster.client('test') };
}

const coreEvent: KubeObject = {
  apiVersion: 'v1',
  kind: 'Event',
  metadata: { name: 'web.1', namespace: 'default' },
  involvedObject: { kind: 'Pod', namespace: 'default', name: 'web', uid: 'u1', apiVersion: 'v1' },
  reason: 'Pulled',
  message: 'Successfully pulled image "nginx"',
  source: { component: 'kubelet', host: 'node-1' },
  firstTimestamp: '2026-11-22T05:30:00Z',
  lastTimestamp: '2026-11-22T05:31:00Z',
  count: 2,
  type: 'Normal',
  eventTime: null,
  reportingComponent: 'kubelet',
  reportingInstance: 'node-1',
} as unknown as KubeObject;

const v1Event: KubeObject = {
  apiVersion: 'events.k8s.io/v1',
  kind: 'Event',
  metadata: { name: 'web.2', namespace: 'default' },
  eventTime: '2026-11-22T05:30:00.123456Z',
  reportingController: 'default-scheduler',
  reportingInstance: 'default-scheduler-control-plane',
  action: 'Binding',
  reason: 'Scheduled',
  regarding: { kind: 'Pod', namespace: 'default', name: 'web', uid: 'u1', apiVersion: 'v1' },
  note: 'Successfully assigned default/web to node-1',
  type: 'Normal',
} as unknown as KubeObject;

describe('Events through core/v1 and events.k8s.io/v1', () => {
  it('serves an Event created through core/v1 converted through events.k8s.io/v1', () => {
    const { client } = setup();
    const created = client.create(EVENTS, 'default', coreEvent);
    const got = client.get(EVENTS_V1, 'default', 'web.1') as unknown as Record<string, unknown>;
    const { metadata, ...rest } = got;
    expect(rest).toEqual({
      apiVersion: 'events.k8s.io/v1',
      kind: 'Event',
      eventTime: null,
      reportingController: 'kubelet',
      reportingInstance: 'node-1',
      reason: 'Pulled',
      regarding: { kind: 'Pod', namespace: 'default', name: 'web', uid: 'u1', apiVersion: 'v1' },
      note: 'Successfully pulled image "nginx"',
      type: 'Normal',
      deprecatedSource: { component: 'kubelet', host: 'node-1' },
      deprecatedFirstTimestamp: '2026-11-22T05:30:00Z',
      deprecatedLastTimestamp: '2026-11-22T05:31:00Z',
      deprecatedCount: 2,
    });
    // The same object: same uid and resourceVersion in both views.
    expect((metadata as KubeObject['metadata']).uid).toBe(created.metadata.uid);
    expect((metadata as KubeObject['metadata']).resourceVersion).toBe(created.metadata.resourceVersion);
    expect(client.list(EVENTS_V1, 'default').items.map((e) => e.metadata.name)).toEqual(['web.1']);
  });

  it('stores an Event created through events.k8s.io/v1 as the core/v1 Event', () => {
    const { client } = setup();
    const created = client.create(EVENTS_V1, 'default', v1Event);
    expect(created.apiVersion).toBe('events.k8s.io/v1');
    expect((created as unknown as { note: string }).note).toBe('Successfully assigned default/web to node-1');
    const { metadata: _m, ...core } = client.get(EVENTS, 'default', 'web.2') as unknown as Record<string, unknown>;
    expect(core).toEqual({
      apiVersion: 'v1',
      kind: 'Event',
      involvedObject: { kind: 'Pod', namespace: 'default', name: 'web', uid: 'u1', apiVersion: 'v1' },
      reason: 'Scheduled',
      message: 'Successfully assigned default/web to node-1',
      source: {},
      firstTimestamp: null,
      lastTimestamp: null,
      type: 'Normal',
      eventTime: '2026-11-22T05:30:00.123456Z',
      action: 'Binding',
      reportingComponent: 'default-scheduler',
      reportingInstance: 'default-scheduler-control-plane',
    });
    // Field selectors of core/v1 see it; deleting through either API removes the one object.
    expect(client.list(EVENTS, 'default', { fieldSelector: 'involvedObject.name=web,reason=Scheduled' }).items).toHaveLength(1);
    client.delete(EVENTS, 'default', 'web.2');
    expect(client.list(EVENTS_V1, 'default').items).toEqual([]);
  });

  it('updates through one API are seen by the other, and a name exists once', () => {
    const { client } = setup();
    client.create(EVENTS, 'default', coreEvent);
    const v1 = client.get(EVENTS_V1, 'default', 'web.1');
    client.update(EVENTS_V1, { ...v1, note: 'changed' } as KubeObject);
    expect((client.get(EVENTS, 'default', 'web.1') as unknown as { message: string }).message).toBe('changed');
    let err: unknown;
    try {
      client.create(EVENTS_V1, 'default', { ...v1Event, metadata: { name: 'web.1' } });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(StatusError);
    expect((err as StatusError).message).toBe('events.events.k8s.io "web.1" already exists');
  });

  it('keeps each API field selectors under its own names', () => {
    const { client } = setup();
    client.create(EVENTS, 'default', coreEvent);
    expect(client.list(EVENTS_V1, 'default', { fieldSelector: 'metadata.name=web.1' }).items).toHaveLength(1);
    expect(client.list(EVENTS_V1, 'default', { fieldSelector: 'regarding.name=web,reportingController=kubelet' }).items).toHaveLength(1);
    expect(client.list(EVENTS_V1, 'default', { fieldSelector: 'regarding.kind=Node' }).items).toHaveLength(0);
    expect(() => client.list(EVENTS, 'default', { fieldSelector: 'regarding.name=web' })).toThrow(/field label not supported: regarding.name/);
    expect(() => client.list(EVENTS_V1, 'default', { fieldSelector: 'involvedObject.name=web' })).toThrow(
      /field label not supported: involvedObject.name/,
    );
  });

  it('watches through events.k8s.io/v1 deliver converted objects', () => {
    const { cluster, client } = setup();
    const seen: WatchEvent[] = [];
    client.watch(EVENTS_V1, 'default', {}, (ev) => seen.push(ev));
    client.create(EVENTS, 'default', coreEvent);
    client.delete(EVENTS, 'default', 'web.1');
    cluster.settle();
    expect(seen.map((e) => [e.type, e.object.apiVersion, (e.object as unknown as { note: string }).note])).toEqual([
      ['ADDED', 'events.k8s.io/v1', 'Successfully pulled image "nginx"'],
      ['DELETED', 'events.k8s.io/v1', 'Successfully pulled image "nginx"'],
    ]);
  });
});
