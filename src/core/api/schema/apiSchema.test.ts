import { beforeAll, describe, expect, it } from 'vitest';
import type { ApiSchema } from './apiSchema.ts';
import { loadApiSchema } from './loadApiSchema.ts';
import { servedKinds } from './servedKinds.ts';

let schema: ApiSchema;
beforeAll(async () => {
  schema = await loadApiSchema();
});

const deployment = { group: 'apps', version: 'v1', kind: 'Deployment' };

describe('ApiSchema', () => {
  it('has a top-level definition for every served kind', () => {
    for (const k of servedKinds) expect(schema.schemaFor(k)?.properties?.metadata, k.kind).toBeDefined();
  });

  it('returns undefined for kinds it does not serve', () => {
    expect(schema.schemaFor({ group: 'apps', version: 'v1beta1', kind: 'Deployment' })).toBeUndefined();
  });

  it('resolves field paths through lists and maps', () => {
    const replicas = schema.resolveField(deployment, ['spec', 'replicas']);
    expect(replicas?.type).toEqual({ kind: 'primitive', type: 'integer', format: 'int32' });
    expect(replicas?.parent.name).toBe('DeploymentSpec');
    const image = schema.resolveField(deployment, ['spec', 'template', 'spec', 'containers', 'image']);
    expect(image?.parent.name).toBe('Container');
    expect(schema.resolveField(deployment, ['spec', 'template', 'spec', 'containers', 'imagee'])).toBeUndefined();
  });

  it('knows which fields are required', () => {
    expect(schema.schemaFor(deployment)?.properties?.spec).toBeDefined();
    expect(schema.resolveField(deployment, ['spec', 'selector'])?.required).toBe(true);
    expect(schema.resolveField(deployment, ['spec', 'replicas'])?.required).toBe(false);
    expect(schema.resolveField({ group: '', version: 'v1', kind: 'Pod' }, ['spec', 'containers'])?.required).toBe(true);
  });

  it('renders type hints the way kubectl explain does', () => {
    const pod = { group: '', version: 'v1', kind: 'Pod' };
    const hint = (path: string) => schema.typeHint(schema.resolveField(pod, path.split('.'))!.type);
    expect(hint('metadata')).toBe('ObjectMeta');
    expect(hint('spec.containers')).toBe('[]Container');
    expect(hint('metadata.labels')).toBe('map[string]string');
    expect(hint('metadata.creationTimestamp')).toBe('string');
    expect(hint('spec.containers.resources.limits')).toBe('map[string]Quantity');
    expect(hint('spec.containers.ports.containerPort')).toBe('integer');
    expect(hint('spec.containers.livenessProbe.httpGet.port')).toBe('IntOrString');
    expect(hint('spec.hostNetwork')).toBe('boolean');
  });

  it('carries v1.32 descriptions, with newlines where upstream has them', () => {
    const d = schema.resolveField(deployment, ['spec', 'selector'])?.field.description;
    expect(d).toBe(
      "Label selector for pods. Existing ReplicaSets whose pods are selected by this will be the ones affected by this deployment. It must match the pod template's labels.",
    );
    expect(schema.definition('Quantity')?.description).toContain('\n');
  });
});
