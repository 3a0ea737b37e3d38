import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../core/api/types.ts';
import { inTypedOrder } from './typedOrder.ts';

describe('inTypedOrder', () => {
  it('puts fields in Go struct order and sorts map keys', () => {
    const dep = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { labels: { z: '1', a: '2' }, name: 'web', creationTimestamp: null },
      spec: {
        strategy: {},
        template: { spec: { containers: [{ resources: { limits: { memory: '1Gi', cpu: '1' } }, image: 'nginx', name: 'c' }] } },
        replicas: 1,
      },
      status: {},
    } as unknown as KubeObject;
    const out = inTypedOrder(dep) as unknown as Record<string, unknown>;
    expect(JSON.stringify(out)).toBe(
      '{"kind":"Deployment","apiVersion":"apps/v1","metadata":{"name":"web","creationTimestamp":null,"labels":{"a":"2","z":"1"}},' +
        '"spec":{"replicas":1,"template":{"spec":{"containers":[{"name":"c","image":"nginx","resources":{"limits":{"cpu":"1","memory":"1Gi"}}}]}},"strategy":{}},"status":{}}',
    );
  });

  it('keeps fields it does not know after the known ones, and leaves unknown kinds alone', () => {
    const svc = { kind: 'Service', apiVersion: 'v1', metadata: { name: 's' }, spec: { zzz: 1, selector: { b: '1', a: '2' }, ports: [] } } as unknown as KubeObject;
    expect(Object.keys((inTypedOrder(svc) as unknown as { spec: object }).spec)).toEqual(['ports', 'selector', 'zzz']);
    const cm = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' } } as KubeObject;
    expect(inTypedOrder(cm)).toBe(cm);
  });
});
