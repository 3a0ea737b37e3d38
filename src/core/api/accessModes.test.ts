import { describe, expect, it } from 'vitest';
import { accessModesString } from './accessModes.ts';

describe('accessModesString (GetAccessModesAsString)', () => {
  it('abbreviates in the fixed order, whatever the input order', () => {
    expect(accessModesString(['ReadWriteOncePod', 'ReadWriteMany', 'ReadWriteOnce'])).toBe('RWO,RWX,RWOP');
    expect(accessModesString(['ReadOnlyMany'])).toBe('ROX');
    expect(accessModesString(undefined)).toBe('');
  });
});
