import { describe, expect, it } from 'vitest';
import { applyJsonPatch } from './index.ts';
import { PatchError } from './json.ts';

const deploy = () => ({ metadata: { name: 'web', labels: { app: 'web' } }, spec: { replicas: 1, template: { spec: { containers: [{ name: 'web', image: 'nginx' }] } } } });

function errorOf(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    return `${(err as PatchError).kind}: ${(err as Error).message}`;
  }
  return '(no error)';
}

describe('applyJsonPatch', () => {
  it('applies add, replace, remove, copy, move and test', () => {
    const out = applyJsonPatch(deploy(), [
      { op: 'test', path: '/spec/replicas', value: 1 },
      { op: 'replace', path: '/spec/replicas', value: 3 },
      { op: 'add', path: '/metadata/labels/tier', value: 'fe' },
      { op: 'add', path: '/spec/template/spec/containers/-', value: { name: 'side', image: 'busybox' } },
      { op: 'copy', from: '/metadata/labels/app', path: '/metadata/labels/copy' },
      { op: 'move', from: '/metadata/labels/copy', path: '/metadata/labels/moved' },
      { op: 'remove', path: '/spec/template/spec/containers/0' },
      { op: 'add', path: '/metadata/annotations', value: { 'a~b/c': 'x' } },
      { op: 'replace', path: '/metadata/annotations/a~0b~1c', value: 'y' },
    ]);
    expect(out).toEqual({
      metadata: { name: 'web', labels: { app: 'web', tier: 'fe', moved: 'web' }, annotations: { 'a~b/c': 'y' } },
      spec: { replicas: 3, template: { spec: { containers: [{ name: 'side', image: 'busybox' }] } } },
    });
  });

  it('does not modify its input', () => {
    const doc = deploy();
    applyJsonPatch(doc, [{ op: 'replace', path: '/spec/replicas', value: 5 }]);
    expect(doc.spec.replicas).toBe(1);
  });

  it('fails in evanphx/json-patch words', () => {
    expect(errorOf(() => applyJsonPatch(deploy(), [{ op: 'test', path: '/spec/replicas', value: 5 }]))).toBe(
      'Invalid: testing value /spec/replicas failed: test failed',
    );
    expect(errorOf(() => applyJsonPatch(deploy(), [{ op: 'replace', path: '/spec/paused', value: true }]))).toBe(
      'Invalid: replace operation does not apply: doc is missing key: /spec/paused: missing value',
    );
    expect(errorOf(() => applyJsonPatch(deploy(), [{ op: 'add', path: '/spec/x/y', value: 1 }]))).toBe(
      'Invalid: add operation does not apply: doc is missing path: "/spec/x/y": missing value',
    );
    expect(errorOf(() => applyJsonPatch(deploy(), [{ op: 'remove', path: '/metadata/labels/nope' }]))).toBe(
      'Invalid: error in remove for path: "/metadata/labels/nope": Unable to remove nonexistent key: nope: missing value',
    );
    expect(errorOf(() => applyJsonPatch(deploy(), [{ op: 'frob', path: '/x' }]))).toBe('Invalid: Unexpected kind: frob');
    expect(errorOf(() => applyJsonPatch(deploy(), { op: 'add' }))).toMatch(/^BadRequest: /);
  });
});
