import { describe, expect, it } from 'vitest';
import { maxSurge, maxUnavailable, resolveFenceposts, scaledValue } from './fenceposts.ts';
import type { DeploymentObj } from './types.ts';

const d = (replicas: number, rollingUpdate?: Record<string, unknown>, type = 'RollingUpdate') =>
  ({ metadata: {}, spec: { replicas, selector: {}, template: {}, strategy: { type, rollingUpdate } } }) as DeploymentObj;

describe('fenceposts', () => {
  it('rounds percentages up for surge and down for unavailable', () => {
    expect(scaledValue('25%', 10, true)).toBe(3);
    expect(scaledValue('25%', 10, false)).toBe(2);
    expect(scaledValue(2, 10, true)).toBe(2);
    expect(() => scaledValue('abc', 10, true)).toThrow();
  });

  it('forces maxUnavailable to 1 when both resolve to zero', () => {
    expect(resolveFenceposts('10%', '10%', 1)).toEqual([1, 0]);
    expect(resolveFenceposts(0, '10%', 5)).toEqual([0, 1]);
  });

  it('is zero for Recreate and caps maxUnavailable at replicas', () => {
    expect(maxSurge(d(3, undefined, 'Recreate'))).toBe(0);
    expect(maxUnavailable(d(3, undefined, 'Recreate'))).toBe(0);
    expect(maxUnavailable(d(2, { maxSurge: 0, maxUnavailable: 5 }))).toBe(2);
    expect(maxSurge(d(3, { maxSurge: '25%', maxUnavailable: '25%' }))).toBe(1);
    expect(maxUnavailable(d(3, { maxSurge: '25%', maxUnavailable: '25%' }))).toBe(0);
  });
});
