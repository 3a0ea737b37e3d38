import { describe, expect, it } from 'vitest';
import { generatorFlagDefs, klogPrefix } from './generatorFlags.ts';

const def = (path: string, name: string) => generatorFlagDefs(path).find((d) => d.name === name);

describe('generatorFlagDefs', () => {
  it('takes the pflag types the generators need, which the help text alone cannot show', () => {
    expect(def('run', 'image')).toMatchObject({ type: 'string', default: '' });
    expect(def('create role', 'resource-name')).toMatchObject({ type: 'stringArray', default: [] });
    expect(def('create token', 'audience')).toMatchObject({ type: 'stringArray' });
    expect(def('create clusterrole', 'aggregation-rule')).toMatchObject({ type: 'string', default: '' });
    expect(def('create deployment', 'replicas')).toMatchObject({ type: 'int', shorthand: 'r', default: 1 });
    expect(def('create deployment', 'dry-run')).toMatchObject({ noOptDefault: 'unchanged' });
  });
});

describe('klogPrefix', () => {
  it('renders the klog header from the virtual clock', () => {
    expect(klogPrefix(Date.UTC(2026, 10, 22, 5, 34, 2, 227))).toBe('E1122 05:34:02.227000    4519 ');
    expect(klogPrefix(0, 'W').startsWith('W0101 00:00:00.000000')).toBe(true);
  });
});
