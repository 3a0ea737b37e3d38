import { describe, expect, it } from 'vitest';
import { aggregatedDiscoveryVersion, mediaType, wantsTable } from './negotiation.ts';

const KUBECTL_TABLE = 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json';
const KUBECTL_DISCOVERY = 'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList,application/json';

describe('negotiation', () => {
  it('recognises kubectl table requests and nothing else', () => {
    expect(wantsTable(KUBECTL_TABLE)).toBe(true);
    expect(wantsTable('application/json')).toBe(false);
    expect(wantsTable('application/json, */*;q=0.8')).toBe(false);
    expect(wantsTable('application/vnd.kubernetes.protobuf,application/json')).toBe(false);
    expect(wantsTable(undefined)).toBe(false);
  });

  it('picks the aggregated discovery version the client offers first', () => {
    expect(aggregatedDiscoveryVersion(KUBECTL_DISCOVERY)).toBe('v2');
    expect(aggregatedDiscoveryVersion('application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList,application/json')).toBe('v2beta1');
    expect(aggregatedDiscoveryVersion('application/json, */*')).toBeUndefined();
  });

  it('strips Content-Type parameters', () => {
    expect(mediaType('application/json; charset=utf-8')).toBe('application/json');
    expect(mediaType(undefined)).toBe('');
  });
});
