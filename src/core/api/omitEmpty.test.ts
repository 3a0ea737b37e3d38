import { describe, expect, it } from 'vitest';
import { omitEmpty } from './omitEmpty.ts';
import type { KubeObject } from './types.ts';

const deployment = (spec: Record<string, unknown>): KubeObject => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', labels: { app: 'web' } },
  spec: {
    selector: { matchLabels: { app: 'web' } },
    template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx', ports: [{ containerPort: 80, hostPort: 0 }] }] } },
    ...spec,
  },
}) as KubeObject;

describe('omitEmpty', () => {
  it('drops zero omitempty non-pointers and keeps pointers and required fields', () => {
    const d = deployment({ paused: false, minReadySeconds: 0, replicas: 0 });
    d.metadata.annotations = {};
    omitEmpty('apps', 'Deployment', d);
    const spec = d.spec as Record<string, unknown>;
    expect(spec.paused).toBeUndefined();
    expect(spec.minReadySeconds).toBeUndefined();
    expect(spec.replicas).toBe(0);
    expect(d.metadata).toEqual({ name: 'web', labels: { app: 'web' } });
    // Struct-typed fields are always written: resources {} and the template's creationTimestamp null.
    expect(JSON.stringify(spec.template)).toBe(
      '{"metadata":{"labels":{"app":"web"},"creationTimestamp":null},"spec":{"containers":[{"name":"nginx","image":"nginx","ports":[{"containerPort":80}],"resources":{}}]}}',
    );
  });

  it('keeps non-zero values and leaves unlisted kinds alone', () => {
    const d = deployment({ paused: true, minReadySeconds: 5 });
    omitEmpty('apps', 'Deployment', d);
    expect(d.spec).toMatchObject({ paused: true, minReadySeconds: 5 });
    const cr = { apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w', labels: {} }, spec: { paused: false } } as KubeObject;
    omitEmpty('example.com', 'Widget', cr);
    expect(cr).toEqual({ apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w', labels: {} }, spec: { paused: false } });
  });
});
