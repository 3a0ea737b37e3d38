import { describe, expect, it } from 'vitest';
import { camelCaseSplit, smartLabelFor } from './generic.ts';

describe('smartLabelFor (v1.32 generic describer field labels)', () => {
  it.each([
    ['apiVersion', 'API Version'],
    ['creationTimestamp', 'Creation Timestamp'],
    ['uid', 'UID'],
    ['imageURL', 'Image URL'],
    ['podCIDR', 'Pod CIDR'],
    ['kube-proxy', 'Kube - Proxy'],
    ['x509Cert', 'x509Cert'],
  ])('%s → %s', (field, label) => expect(smartLabelFor(field)).toBe(label));

  it('splits like fatih/camelcase', () => {
    expect(camelCaseSplit('IPAddress')).toEqual(['IP', 'Address']);
    expect(camelCaseSplit('maxSkew2')).toEqual(['max', 'Skew', '2']);
  });
});
