import { beforeAll, describe, expect, it } from 'vitest';
import { loadApiSchema, type ApiSchema } from '../api/schema/index.ts';
import { StatusError } from '../api/status.ts';
import type { KubeObject } from '../api/types.ts';
import { CONFIGMAPS, DEPLOYMENTS, NAMESPACES, PODS, SERVICEACCOUNTS, type Client } from '../client/client.ts';
import { Cluster, DEFAULT_OPTIONS, bootstrapNamespaces } from '../sim/cluster.ts';
import { installAdmission } from './admission/install.ts';
import type { WatchEvent } from './watch.ts';

let schema: ApiSchema;
beforeAll(async () => {
  schema = await loadApiSchema();
});

function setup(): { cluster: Cluster; client: Client } {
  const cluster = new Cluster(DEFAULT_OPTIONS);
  cluster.server.schema = schema;
  installAdmission(cluster);
  bootstrapNamespaces(cluster);
  const client = cluster.client('test');
  // The serviceaccount controller is not installed here: give pods their default account by hand.
  client.create(SERVICEACCOUNTS, 'default', { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'default' } });
  return { cluster, client };
}

function failure(fn: () => unknown): StatusError {
  try {
    fn();
  } catch (err) {
    if (err instanceof StatusError) return err;
    throw err;
  }
  throw new Error('expected a StatusError');
}

const pod = (name: string, labels: Record<string, string> = {}): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, labels },
  spec: { containers: [{ name: 'web', image: 'nginx' }] },
});

const deployment = (name: string): KubeObject => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name },
  spec: {
    replicas: 2,
    selector: { matchLabels: { app: name } },
    template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'web', image: 'nginx:1.27' }] } },
  },
});

describe('ApiServer create', () => {
  it('fills system fields and defaults, and stores Pending pods', () => {
    const { client } = setup();
    const p = client.create(PODS, 'default', pod('web'));
    expect(p.metadata.uid).toMatch(/^[0-9a-f-]{36}$/);
    expect(p.metadata.creationTimestamp).toBe('2026-01-15T09:00:00Z');
    expect(p.metadata.namespace).toBe('default');
    const spec = p.spec as { containers: Array<{ imagePullPolicy: string }>; restartPolicy: string };
    expect(spec.containers[0].imagePullPolicy).toBe('Always');
    expect(spec.restartPolicy).toBe('Always');
    expect((p.status as { phase: string }).phase).toBe('Pending');
  });

  it('refuses a duplicate with AlreadyExists and an invalid name with Invalid', () => {
    const { client } = setup();
    client.create(PODS, 'default', pod('web'));
    const dup = failure(() => client.create(PODS, 'default', pod('web')));
    expect(dup.status.code).toBe(409);
    expect(dup.message).toBe('pods "web" already exists');
    const bad = failure(() => client.create(PODS, 'default', pod('my - pod')));
    expect(bad.status.reason).toBe('Invalid');
    expect(bad.message).toMatch(/^Pod "my - pod" is invalid: metadata.name: Invalid value: "my - pod": a lowercase RFC 1123 subdomain/);
  });

  it('rejects unknown fields under strict validation with the decoder wording', () => {
    const { client } = setup();
    const d = deployment('web') as KubeObject & { spec: Record<string, unknown> };
    d.spec.replica = 3;
    const err = failure(() => client.create(DEPLOYMENTS, 'default', d));
    expect(err.status.code).toBe(400);
    expect(err.message).toBe('Deployment in version "v1" cannot be handled as a Deployment: strict decoding error: unknown field "spec.replica"');
    expect(client.list(DEPLOYMENTS, 'default').items).toHaveLength(0);
  });

  it('refuses content in a missing or terminating namespace', () => {
    const { client } = setup();
    expect(failure(() => client.create(PODS, 'nope', pod('web'))).message).toBe('namespaces "nope" not found');
    client.create(NAMESPACES, '', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'dev' } });
    client.delete(NAMESPACES, '', 'dev');
    expect(client.get(NAMESPACES, '', 'dev').status).toEqual({ phase: 'Terminating' });
    expect(failure(() => client.create(PODS, 'dev', pod('web'))).message).toBe(
      'pods "web" is forbidden: unable to create new content in namespace dev because it is being terminated',
    );
  });

  it('generates names from generateName and writes nothing on dry run', () => {
    const { client } = setup();
    const p = client.create(PODS, 'default', { ...pod(''), metadata: { generateName: 'web-' } });
    expect(p.metadata.name).toMatch(/^web-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    client.create(PODS, 'default', pod('dry'), { dryRun: true });
    expect(client.tryGet(PODS, 'default', 'dry')).toBeUndefined();
  });
});

describe('ApiServer update and patch', () => {
  it('bumps generation on spec changes only and rejects stale writes', () => {
    const { client } = setup();
    const d = client.create(DEPLOYMENTS, 'default', deployment('web'));
    expect(d.metadata.generation).toBe(1);
    const scaled = client.patch(DEPLOYMENTS, 'default', 'web', 'merge', { spec: { replicas: 5 } });
    expect(scaled.metadata.generation).toBe(2);
    const labelled = client.patch(DEPLOYMENTS, 'default', 'web', 'merge', { metadata: { labels: { a: 'b' } } });
    expect(labelled.metadata.generation).toBe(2);
    const stale = failure(() => client.update(DEPLOYMENTS, d));
    expect(stale.status.code).toBe(409);
    expect(stale.message).toBe(
      'Operation cannot be fulfilled on deployments.apps "web": the object has been modified; please apply your changes to the latest version and try again',
    );
  });

  it('writes nothing when an update changes nothing', () => {
    const { client } = setup();
    const cm = client.create(CONFIGMAPS, 'default', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' }, data: { a: '1' } });
    const same = client.patch(CONFIGMAPS, 'default', 'c', 'merge', { data: { a: '1' } });
    expect(same.metadata.resourceVersion).toBe(cm.metadata.resourceVersion);
  });

  it('keeps status on main-resource updates and spec on status updates', () => {
    const { client } = setup();
    client.create(DEPLOYMENTS, 'default', deployment('web'));
    const withStatus = client.updateStatus(DEPLOYMENTS, { ...client.get(DEPLOYMENTS, 'default', 'web'), status: { replicas: 2 } });
    expect(withStatus.status).toEqual({ replicas: 2 });
    const afterSpec = client.update(DEPLOYMENTS, { ...withStatus, status: {}, spec: { ...(withStatus.spec as object), replicas: 4 } });
    expect(afterSpec.status).toEqual({ replicas: 2 });
    const statusOnly = client.updateStatus(DEPLOYMENTS, { ...afterSpec, spec: { ...(afterSpec.spec as object), replicas: 9 }, status: { replicas: 3 } });
    expect((statusOnly.spec as { replicas: number }).replicas).toBe(4);
  });

  it('applies strategic merge patches by merge key and JSON patches', () => {
    const { client } = setup();
    client.create(DEPLOYMENTS, 'default', deployment('web'));
    const smp = client.patch(DEPLOYMENTS, 'default', 'web', 'strategic', {
      spec: { template: { spec: { containers: [{ name: 'web', image: 'nginx:1.28' }] } } },
    });
    const containers = (smp.spec as { template: { spec: { containers: Array<{ name: string; image: string; imagePullPolicy: string }> } } }).template.spec.containers;
    expect(containers).toHaveLength(1);
    expect(containers[0].image).toBe('nginx:1.28');
    expect(containers[0].imagePullPolicy).toBe('IfNotPresent');
    const jp = client.patch(DEPLOYMENTS, 'default', 'web', 'json', [{ op: 'replace', path: '/spec/replicas', value: 7 }]);
    expect((jp.spec as { replicas: number }).replicas).toBe(7);
  });

  it('serves the scale subresource', () => {
    const { client } = setup();
    client.create(DEPLOYMENTS, 'default', deployment('web'));
    const scale = client.getScale(DEPLOYMENTS, 'default', 'web');
    expect(scale.spec).toEqual({ replicas: 2 });
    expect((scale.status as { selector: string }).selector).toBe('app=web');
    client.patch(DEPLOYMENTS, 'default', 'web', 'merge', { spec: { replicas: 3 } }, {}, 'scale');
    expect((client.get(DEPLOYMENTS, 'default', 'web').spec as { replicas: number }).replicas).toBe(3);
  });
});

describe('ApiServer list, delete and watch', () => {
  it('filters lists by label and field selectors, failing like the real server on bad ones', () => {
    const { client } = setup();
    client.create(PODS, 'default', pod('a', { app: 'web', tier: 'fe' }));
    client.create(PODS, 'default', pod('b', { app: 'web' }));
    client.create(PODS, 'default', pod('c', { app: 'db' }));
    const names = (sel: string, field = '') => client.list(PODS, 'default', { labelSelector: sel, fieldSelector: field }).items.map((p) => p.metadata.name);
    expect(names('app=web')).toEqual(['a', 'b']);
    expect(names('app in (web,db),!tier')).toEqual(['b', 'c']);
    expect(names('', 'metadata.name!=a,status.phase=Pending')).toEqual(['b', 'c']);
    expect(failure(() => names('', 'spec.foo=bar')).message).toBe('field label not supported: spec.foo');
  });

  it('deletes pods on a node gracefully and others at once', () => {
    const { client, cluster } = setup();
    client.create(PODS, 'default', pod('unbound'));
    client.delete(PODS, 'default', 'unbound');
    expect(client.tryGet(PODS, 'default', 'unbound')).toBeUndefined();
    client.create(PODS, 'default', pod('bound'));
    client.bind('default', 'bound', 'node01');
    const marked = client.delete(PODS, 'default', 'bound');
    expect(marked.metadata.deletionTimestamp).toBe('2026-01-15T09:00:30Z');
    expect(marked.metadata.deletionGracePeriodSeconds).toBe(30);
    client.delete(PODS, 'default', 'bound', { gracePeriodSeconds: 0 });
    expect(client.tryGet(PODS, 'default', 'bound')).toBeUndefined();
    void cluster;
  });

  it('keeps objects with finalizers until the last one is removed', () => {
    const { client } = setup();
    client.create(CONFIGMAPS, 'default', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', finalizers: ['example.com/hold'] } });
    client.delete(CONFIGMAPS, 'default', 'c');
    const held = client.get(CONFIGMAPS, 'default', 'c');
    expect(held.metadata.deletionTimestamp).toBeDefined();
    client.patch(CONFIGMAPS, 'default', 'c', 'merge', { metadata: { finalizers: null } });
    expect(client.tryGet(CONFIGMAPS, 'default', 'c')).toBeUndefined();
  });

  it('adds the orphan finalizer for Orphan propagation', () => {
    const { client } = setup();
    client.create(DEPLOYMENTS, 'default', deployment('web'));
    client.delete(DEPLOYMENTS, 'default', 'web', { propagationPolicy: 'Orphan' });
    expect(client.get(DEPLOYMENTS, 'default', 'web').metadata.finalizers).toEqual(['orphan']);
  });

  it('watches with selector transitions and replays from a resourceVersion', () => {
    const { client, cluster } = setup();
    const seen: string[] = [];
    const rv = client.list(PODS, 'default').metadata.resourceVersion;
    client.watch(PODS, 'default', { labelSelector: 'app=web', resourceVersion: rv }, (e: WatchEvent) => seen.push(`${e.type} ${e.object.metadata.name}`));
    client.create(PODS, 'default', pod('a', { app: 'web' }));
    client.create(PODS, 'default', pod('b', { app: 'db' }));
    client.patch(PODS, 'default', 'a', 'merge', { metadata: { labels: { app: 'other' } } });
    client.patch(PODS, 'default', 'b', 'merge', { metadata: { labels: { app: 'web' } } });
    cluster.settle();
    expect(seen).toEqual(['ADDED a', 'DELETED a', 'ADDED b']);
  });
});
