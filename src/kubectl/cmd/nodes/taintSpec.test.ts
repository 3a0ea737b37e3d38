import { describe, expect, it } from 'vitest';
import { parseTaints, reorganizeTaints, taintString, taintsAlreadyExisting } from './taintSpec.ts';

describe('parseTaints', () => {
  it('reads additions and removals', () => {
    expect(parseTaints(['app=blue:NoSchedule', 'dedicated:NoExecute', 'gpu-', 'app:NoSchedule-'])).toEqual({
      add: [
        { key: 'app', value: 'blue', effect: 'NoSchedule' },
        { key: 'dedicated', effect: 'NoExecute' },
      ],
      remove: [{ key: 'gpu' }, { key: 'app', effect: 'NoSchedule' }],
    });
  });

  it('removes a taint written with its value, as the docs show (key=value:Effect-)', () => {
    expect(parseTaints(['dedicated=gpu:NoSchedule-']).remove).toEqual([{ key: 'dedicated', effect: 'NoSchedule' }]);
    expect(() => parseTaints(['dedicated=gpu:Bad-'])).toThrow('invalid taint effect: Bad, unsupported taint effect');
  });

  it('fails with kubectl texts', () => {
    expect(() => parseTaints(['a=b:Bad'])).toThrow('invalid taint effect: Bad, unsupported taint effect');
    expect(() => parseTaints(['a=b'])).toThrow('invalid taint spec: a=b');
    expect(() => parseTaints(['a=b=c:NoSchedule'])).toThrow('invalid taint spec: a=b=c:NoSchedule');
    expect(() => parseTaints(['a:NoSchedule', 'a=x:NoSchedule'])).toThrow('duplicated taints with the same key and effect: {a x NoSchedule <nil>}');
  });
});

describe('reorganizeTaints', () => {
  const cp = { key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' };
  it('puts new taints first and names the operation', () => {
    expect(reorganizeTaints([cp], false, [{ key: 'a', effect: 'NoExecute' }], [])).toEqual({
      operation: 'tainted',
      taints: [{ key: 'a', effect: 'NoExecute' }, cp],
      errors: [],
    });
    expect(reorganizeTaints([cp], false, [], [{ key: cp.key }]).operation).toBe('untainted');
    expect(reorganizeTaints([cp], true, [{ ...cp, value: 'x' }], []).operation).toBe('modified');
    expect(reorganizeTaints([cp], false, [], [{ key: 'nope' }]).errors).toEqual(['taint "nope" not found']);
  });

  it('finds taints added again with the same effect', () => {
    expect(taintsAlreadyExisting([cp], [cp, { key: 'x', effect: 'NoSchedule' }])).toBe(cp.key);
    expect(taintString({ key: 'k', value: 'v', effect: 'NoSchedule' })).toBe('k=v:NoSchedule');
    expect(taintString({ key: 'k', effect: 'NoSchedule' })).toBe('k:NoSchedule');
  });
});
