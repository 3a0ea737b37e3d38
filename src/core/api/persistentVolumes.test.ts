import { describe, expect, it } from 'vitest';
import { checkVolumeNodeAffinity, claimClass, findMatchingVolume, isVolumeBoundToClaim } from './persistentVolumes.ts';
import type { KubeObject, Node } from './types.ts';

const pv = (name: string, size: string, extra: Record<string, unknown> = {}, phase = 'Available'): KubeObject => ({
  apiVersion: 'v1',
  kind: 'PersistentVolume',
  metadata: { name, labels: { tier: name.includes('fast') ? 'fast' : 'slow' } },
  spec: { capacity: { storage: size }, accessModes: ['ReadWriteOnce'], hostPath: { path: `/mnt/${name}` }, volumeMode: 'Filesystem', ...extra },
  status: { phase },
});

const claim = (spec: Record<string, unknown> = {}): KubeObject => ({
  apiVersion: 'v1',
  kind: 'PersistentVolumeClaim',
  metadata: { name: 'data', namespace: 'default', uid: 'u-1' },
  spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } }, volumeMode: 'Filesystem', ...spec },
});

const node = (name: string): Node => ({ metadata: { name, labels: { 'kubernetes.io/hostname': name } } });
const pinned = (to: string) => ({ nodeAffinity: { required: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'kubernetes.io/hostname', operator: 'In', values: [to] }] }] } } });

describe('findMatchingVolume', () => {
  it('picks the smallest Available volume that is big enough', () => {
    const volumes = [pv('big', '10Gi'), pv('small', '500Mi'), pv('mid', '2Gi')];
    expect(findMatchingVolume(claim(), volumes, undefined, false)?.metadata.name).toBe('mid');
  });

  it('skips volumes of another class, access mode, phase or selector', () => {
    expect(findMatchingVolume(claim(), [pv('a', '2Gi', { storageClassName: 'manual' })], undefined, false)).toBeUndefined();
    expect(findMatchingVolume(claim({ storageClassName: 'manual' }), [pv('a', '2Gi', { storageClassName: 'manual' })], undefined, false)?.metadata.name).toBe('a');
    expect(findMatchingVolume(claim({ accessModes: ['ReadWriteMany'] }), [pv('a', '2Gi')], undefined, false)).toBeUndefined();
    expect(findMatchingVolume(claim(), [pv('a', '2Gi', {}, 'Released')], undefined, false)).toBeUndefined();
    const sel = claim({ selector: { matchLabels: { tier: 'fast' } } });
    expect(findMatchingVolume(sel, [pv('slow', '2Gi'), pv('fast', '5Gi')], undefined, false)?.metadata.name).toBe('fast');
  });

  it('prefers a volume pre-bound to the claim, and leaves WaitForFirstConsumer claims to the scheduler', () => {
    const pre = pv('pre', '5Gi', { claimRef: { namespace: 'default', name: 'data' } }, 'Available');
    expect(findMatchingVolume(claim(), [pv('a', '2Gi'), pre], undefined, false)?.metadata.name).toBe('pre');
    expect(findMatchingVolume(claim(), [pv('a', '2Gi')], undefined, true)).toBeUndefined();
    expect(findMatchingVolume(claim(), [pv('a', '2Gi'), pre], undefined, true)?.metadata.name).toBe('pre');
    expect(findMatchingVolume(claim(), [pv('other', '2Gi', { claimRef: { namespace: 'default', name: 'other' } })], undefined, false)).toBeUndefined();
  });

  it('with a node, only volumes whose node affinity allows it', () => {
    const volumes = [pv('on1', '2Gi', pinned('node01')), pv('on2', '3Gi', pinned('node02'))];
    expect(findMatchingVolume(claim(), volumes, node('node02'), true)?.metadata.name).toBe('on2');
    expect(findMatchingVolume(claim(), volumes, node('node03'), true)).toBeUndefined();
    expect(checkVolumeNodeAffinity(pv('any', '1Gi'), node('node03'))).toBe(true);
  });
});

describe('claim helpers', () => {
  it('reads the class from the beta annotation first', () => {
    expect(claimClass(claim({ storageClassName: 'fast' }))).toBe('fast');
    const c = claim({ storageClassName: 'fast' });
    c.metadata.annotations = { 'volume.beta.kubernetes.io/storage-class': 'old' };
    expect(claimClass(c)).toBe('old');
    expect(claimClass(claim())).toBe('');
  });

  it('matches claimRefs by name, namespace and (when set) uid', () => {
    expect(isVolumeBoundToClaim(pv('a', '1Gi', { claimRef: { namespace: 'default', name: 'data', uid: 'u-1' } }), claim())).toBe(true);
    expect(isVolumeBoundToClaim(pv('a', '1Gi', { claimRef: { namespace: 'default', name: 'data', uid: 'u-2' } }), claim())).toBe(false);
    expect(isVolumeBoundToClaim(pv('a', '1Gi'), claim())).toBe(false);
  });
});
