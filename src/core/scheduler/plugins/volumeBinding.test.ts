import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../api/types.ts';
import { ctx, nodeInfo, pod } from './testNodes.ts';
import { volumeBinding, volumeChoiceFor, type VolumeListers } from './volumeBinding.ts';
import { volumeRestrictions } from './volumeRestrictions.ts';

type Dict = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const claim = (name: string, spec: Dict = {}, annotations?: Record<string, string>): KubeObject => ({
  apiVersion: 'v1',
  kind: 'PersistentVolumeClaim',
  metadata: { name, namespace: 'default', uid: `uid-${name}`, annotations },
  spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } }, ...spec },
});

const pinnedVolume = (name: string, node: string, extra: Dict = {}): KubeObject => ({
  apiVersion: 'v1',
  kind: 'PersistentVolume',
  metadata: { name },
  spec: {
    capacity: { storage: '1Gi' },
    accessModes: ['ReadWriteOnce'],
    local: { path: '/mnt/disk' },
    nodeAffinity: { required: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'kubernetes.io/hostname', operator: 'In', values: [node] }] }] } },
    ...extra,
  },
  status: { phase: 'Available' },
});

const classes: Record<string, Dict> = {
  wait: { metadata: { name: 'wait' }, provisioner: 'kubernetes.io/no-provisioner', volumeBindingMode: 'WaitForFirstConsumer' },
  'local-path': { metadata: { name: 'local-path' }, provisioner: 'rancher.io/local-path', volumeBindingMode: 'WaitForFirstConsumer' },
  now: { metadata: { name: 'now' }, provisioner: 'example.com/nfs', volumeBindingMode: 'Immediate' },
};

function listers(claims: KubeObject[], volumes: KubeObject[]): VolumeListers {
  return {
    claim: (_ns, name) => claims.find((c) => c.metadata.name === name),
    volume: (name) => volumes.find((v) => v.metadata.name === name),
    volumes: () => volumes,
    storageClass: (name) => classes[name] as KubeObject | undefined,
  };
}

const usingClaim = (name: string) => pod('p', { volumes: [{ name: 'd', persistentVolumeClaim: { claimName: name } }] });
const nodes = [nodeInfo('node01'), nodeInfo('node02')];

describe('VolumeBinding', () => {
  it('skips pods without claims', () => {
    expect(volumeBinding(listers([], [])).preFilter!(ctx(nodes), pod('p'))?.code).toBe('Skip');
  });

  it('rejects everywhere a missing, deleting or unbound Immediate claim', () => {
    const plugin = volumeBinding(listers([claim('now', { storageClassName: 'now' }), { ...claim('gone'), metadata: { ...claim('gone').metadata, deletionTimestamp: 'x' } }], []));
    expect(plugin.preFilter!(ctx(nodes), usingClaim('data'))).toEqual({ code: 'UnschedulableAndUnresolvable', reasons: ['persistentvolumeclaim "data" not found'] });
    expect(plugin.preFilter!(ctx(nodes), usingClaim('gone'))?.reasons).toEqual(['persistentvolumeclaim "gone" is being deleted']);
    expect(plugin.preFilter!(ctx(nodes), usingClaim('now'))?.reasons).toEqual(['pod has unbound immediate PersistentVolumeClaims']);
  });

  it('keeps a pod on the node its bound volume is pinned to', () => {
    const plugin = volumeBinding(listers([claim('data', { volumeName: 'pv1' })], [pinnedVolume('pv1', 'node02')]));
    const c = ctx(nodes);
    expect(plugin.preFilter!(c, usingClaim('data'))).toBeUndefined();
    expect(plugin.filter(c, usingClaim('data'), nodes[0])).toEqual({ code: 'UnschedulableAndUnresolvable', reasons: ['node(s) had volume node affinity conflict'] });
    expect(plugin.filter(c, usingClaim('data'), nodes[1])).toBeUndefined();
  });

  it('finds a static volume per node for a WaitForFirstConsumer claim, or none', () => {
    const plugin = volumeBinding(listers([claim('data', { storageClassName: 'wait' })], [pinnedVolume('local1', 'node01', { storageClassName: 'wait' })]));
    const c = ctx(nodes);
    plugin.preFilter!(c, usingClaim('data'));
    expect(plugin.filter(c, usingClaim('data'), nodes[0])).toBeUndefined();
    expect(volumeChoiceFor(c, 'node01')?.bindings.map((b) => b.pv.metadata.name)).toEqual(['local1']);
    expect(plugin.filter(c, usingClaim('data'), nodes[1])?.reasons).toEqual(["node(s) didn't find available persistent volumes to bind"]);
  });

  it('lets a provisioning class go anywhere until a node is selected', () => {
    const fresh = volumeBinding(listers([claim('data', { storageClassName: 'local-path' })], []));
    const c = ctx(nodes);
    fresh.preFilter!(c, usingClaim('data'));
    expect(nodes.map((n) => fresh.filter(c, usingClaim('data'), n))).toEqual([undefined, undefined]);
    expect(volumeChoiceFor(c, 'node02')?.provisions.map((p) => p.metadata.name)).toEqual(['data']);
    const selected = volumeBinding(listers([claim('data', { storageClassName: 'local-path' }, { 'volume.kubernetes.io/selected-node': 'node02' })], []));
    const c2 = ctx(nodes);
    selected.preFilter!(c2, usingClaim('data'));
    expect(selected.filter(c2, usingClaim('data'), nodes[0])?.reasons).toEqual(["node(s) didn't find available persistent volumes to bind"]);
    expect(selected.filter(c2, usingClaim('data'), nodes[1])).toBeUndefined();
  });
});

describe('VolumeRestrictions (ReadWriteOncePod)', () => {
  it('rejects a second user of a ReadWriteOncePod claim on every node', () => {
    const solo = claim('solo', { accessModes: ['ReadWriteOncePod'], volumeName: 'pv1' });
    const plugin = volumeRestrictions(listers([solo, claim('shared', { volumeName: 'pv2' })], []));
    const holder = { ...usingClaim('solo'), metadata: { name: 'holder', namespace: 'default', uid: 'h' } } as typeof nodes[0]['pods'][0];
    const busy = [nodeInfo('node01', { podsOn: [holder] }), nodeInfo('node02')];
    const c = ctx(busy);
    expect(plugin.preFilter!(c, usingClaim('solo'))).toBeUndefined();
    expect(busy.map((n) => plugin.filter(c, usingClaim('solo'), n))).toEqual([
      { code: 'Unschedulable', reasons: ['node has pod using PersistentVolumeClaim with the same name and ReadWriteOncePod access mode'] },
      { code: 'Unschedulable', reasons: ['node has pod using PersistentVolumeClaim with the same name and ReadWriteOncePod access mode'] },
    ]);
    expect(plugin.preFilter!(ctx(busy), usingClaim('shared'))?.code).toBe('Skip');
    expect(plugin.preFilter!(ctx(nodes), usingClaim('solo'))).toBeUndefined();
  });
});
