import { describe, expect, it } from 'vitest';
import { PatchError } from './json.ts';
import { applyStrategicMergePatch } from './strategicMergePatch.ts';

const pod = () => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'web', labels: { app: 'web' }, finalizers: ['a'] },
  spec: {
    containers: [
      {
        name: 'web',
        image: 'nginx:1.24',
        ports: [{ containerPort: 80 }],
        env: [{ name: 'A', value: '1' }, { name: 'B', value: '2' }],
      },
      { name: 'side', image: 'busybox' },
    ],
    tolerations: [{ key: 'x', operator: 'Exists' }],
    volumes: [{ name: 'data', emptyDir: {} }],
  },
});

function errorOf(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    return `${(err as PatchError).kind}: ${(err as Error).message}`;
  }
  return '(no error)';
}

describe('applyStrategicMergePatch', () => {
  it('merges containers by name and keeps the other fields', () => {
    const out = applyStrategicMergePatch(pod(), { spec: { containers: [{ name: 'web', image: 'nginx:1.25' }] } }, 'Pod');
    expect(out.spec).toEqual({ ...pod().spec, containers: [{ ...pod().spec.containers[0], image: 'nginx:1.25' }, pod().spec.containers[1]] });
  });

  it('appends new list elements and merges env and ports by their keys', () => {
    const out = applyStrategicMergePatch(
      pod(),
      { spec: { containers: [{ name: 'web', env: [{ name: 'B', value: '3' }, { name: 'C', value: '4' }], ports: [{ containerPort: 443 }] }] } },
      'Pod',
    ) as ReturnType<typeof pod>;
    expect(out.spec.containers[0]!.env).toEqual([
      { name: 'A', value: '1' },
      { name: 'B', value: '3' },
      { name: 'C', value: '4' },
    ]);
    // NOTE: upstream's mergeSortedSlice puts patch items not found in the live list *before* the
    // server-only ones, so a new port lands first. Real `kubectl patch` shows the same order.
    expect(out.spec.containers[0]!.ports).toEqual([{ containerPort: 443 }, { containerPort: 80 }]);
  });

  it('replaces lists without a patch strategy (tolerations)', () => {
    const out = applyStrategicMergePatch(pod(), { spec: { tolerations: [{ key: 'y', operator: 'Exists' }] } }, 'Pod');
    expect((out.spec as Record<string, unknown>).tolerations).toEqual([{ key: 'y', operator: 'Exists' }]);
  });

  it('deletes with null and with $patch: delete', () => {
    const out = applyStrategicMergePatch(
      pod(),
      { metadata: { labels: { app: null, tier: 'fe' } }, spec: { containers: [{ $patch: 'delete', name: 'side' }] } },
      'Pod',
    ) as ReturnType<typeof pod>;
    expect(out.metadata.labels).toEqual({ tier: 'fe' });
    expect(out.spec.containers.map((c) => c.name)).toEqual(['web']);
  });

  it('honours $patch: replace on lists and maps', () => {
    const list = applyStrategicMergePatch(pod(), { spec: { containers: [{ name: 'only', image: 'x' }, { $patch: 'replace' }] } }, 'Pod');
    expect((list.spec as { containers: unknown[] }).containers).toEqual([{ name: 'only', image: 'x' }]);
    const map = applyStrategicMergePatch(pod(), { metadata: { labels: { $patch: 'replace', b: '1' } } }, 'Pod');
    expect((map.metadata as { labels: unknown }).labels).toEqual({ b: '1' });
  });

  it('merges finalizers as a set and honours $deleteFromPrimitiveList', () => {
    const added = applyStrategicMergePatch(pod(), { metadata: { finalizers: ['b', 'a'] } }, 'Pod');
    expect((added.metadata as { finalizers: string[] }).finalizers).toEqual(['b', 'a']);
    const removed = applyStrategicMergePatch(pod(), { metadata: { '$deleteFromPrimitiveList/finalizers': ['a'] } }, 'Pod');
    expect((removed.metadata as { finalizers: string[] }).finalizers).toEqual([]);
  });

  it('reorders with $setElementOrder, server-only items kept in place', () => {
    const out = applyStrategicMergePatch(
      pod(),
      { spec: { '$setElementOrder/containers': [{ name: 'side' }, { name: 'web' }], containers: [{ name: 'side', image: 'busybox:2' }] } },
      'Pod',
    ) as ReturnType<typeof pod>;
    expect(out.spec.containers.map((c) => `${c.name}=${c.image}`)).toEqual(['side=busybox:2', 'web=nginx:1.24']);
  });

  it('applies $retainKeys on volumes to switch volume source', () => {
    const out = applyStrategicMergePatch(
      pod(),
      { spec: { volumes: [{ name: 'data', $retainKeys: ['configMap', 'name'], configMap: { name: 'cfg' } }] } },
      'Pod',
    ) as ReturnType<typeof pod>;
    expect(out.spec.volumes).toEqual([{ name: 'data', configMap: { name: 'cfg' } }]);
  });

  it('merges status conditions by type', () => {
    const node = { status: { conditions: [{ type: 'Ready', status: 'True' }, { type: 'MemoryPressure', status: 'False' }] } };
    const out = applyStrategicMergePatch(node, { status: { conditions: [{ type: 'Ready', status: 'False', reason: 'KubeletNotReady' }] } }, 'Node');
    expect(out.status).toEqual({
      conditions: [{ type: 'Ready', status: 'False', reason: 'KubeletNotReady' }, { type: 'MemoryPressure', status: 'False' }],
    });
  });

  it('falls back to JSON merge semantics for kinds without metadata', () => {
    const out = applyStrategicMergePatch({ spec: { items: [{ name: 'a' }] } }, { spec: { items: [{ name: 'b' }] } }, 'Widget');
    expect(out).toEqual({ spec: { items: [{ name: 'b' }] } });
  });

  it('accepts a whole object as the patch (client-node KubernetesObjectApi)', () => {
    const out = applyStrategicMergePatch(pod(), pod(), 'Pod');
    expect(out).toEqual(pod());
  });

  it('reports bad directives and missing merge keys', () => {
    expect(errorOf(() => applyStrategicMergePatch(pod(), { spec: { containers: [{ image: 'x' }] } }, 'Pod'))).toBe(
      'Internal: map: {"image":"x"} does not contain declared merge key: name',
    );
    expect(errorOf(() => applyStrategicMergePatch(pod(), { metadata: { $patch: 'bogus' } }, 'Pod'))).toBe(
      'Internal: unknown patch type: bogus in map: {"$patch":"bogus"}',
    );
    expect(errorOf(() => applyStrategicMergePatch(pod(), { spec: { volumes: [{ name: 'data', $retainKeys: ['name'], hostPath: {} }] } }, 'Pod'))).toBe(
      'BadRequest: invalid patch format of retainKeys',
    );
  });
});
