import { beforeAll, describe, expect, it } from 'vitest';
import { loadApiSchema, type ApiSchema } from '../../core/api/schema/index.ts';
import { builtinResources } from '../../core/apiserver/registry/index.ts';
import { openAPIGroupVersion, openAPIIndex, schemaKey } from './openapi.ts';

let schema: ApiSchema;
beforeAll(async () => {
  schema = await loadApiSchema();
});

type Doc = { paths: Record<string, Record<string, Record<string, unknown>>>; components: { schemas: Record<string, Record<string, unknown>> } };

describe('OpenAPI v3', () => {
  it('indexes every served group-version with a hash URL', () => {
    const index = openAPIIndex(builtinResources, (g, v) => `H-${g}-${v}`) as { paths: Record<string, { serverRelativeURL: string }> };
    expect(index.paths['api/v1']).toEqual({ serverRelativeURL: '/openapi/v3/api/v1?hash=H--v1' });
    expect(index.paths['apis/apps/v1']).toEqual({ serverRelativeURL: '/openapi/v3/apis/apps/v1?hash=H-apps-v1' });
  });

  it('gives each kind a PATCH operation with its GVK and the fieldValidation parameter (what create/apply look for)', () => {
    const doc = openAPIGroupVersion(schema, builtinResources, 'apps', 'v1') as unknown as Doc;
    const patch = doc.paths['/apis/apps/v1/namespaces/{namespace}/deployments/{name}'].patch;
    expect(patch['x-kubernetes-group-version-kind']).toEqual({ group: 'apps', version: 'v1', kind: 'Deployment' });
    expect((patch.parameters as Array<{ name: string }>).map((p) => p.name)).toEqual(['dryRun', 'fieldManager', 'fieldValidation', 'force']);
    // No strategic merge patch advertised: kubectl keeps its compiled-in merge keys.
    expect(Object.keys((patch.requestBody as { content: object }).content)).not.toContain('application/strategic-merge-patch+json');
    const nodes = openAPIGroupVersion(schema, builtinResources, '', 'v1') as unknown as Doc;
    expect(nodes.paths['/api/v1/nodes/{name}'].patch['x-kubernetes-group-version-kind']).toEqual({ group: '', version: 'v1', kind: 'Node' });
  });

  it('carries component schemas with descriptions, refs and x-kubernetes-group-version-kind (for explain)', () => {
    const doc = openAPIGroupVersion(schema, builtinResources, 'apps', 'v1') as unknown as Doc;
    const key = schemaKey(schema, schema.definitionId({ group: 'apps', version: 'v1', kind: 'Deployment' })!);
    expect(key).toBe('io.k8s.kubeplay.v1.Deployment');
    const deployment = doc.components.schemas[key];
    expect(deployment.description).toBe('Deployment enables declarative updates for Pods and ReplicaSets.');
    expect(deployment['x-kubernetes-group-version-kind']).toEqual([{ group: 'apps', version: 'v1', kind: 'Deployment' }]);
    const props = deployment.properties as Record<string, Record<string, unknown>>;
    expect(props.spec.allOf).toEqual([{ $ref: '#/components/schemas/io.k8s.kubeplay.v1.DeploymentSpec' }]);
    const spec = doc.components.schemas['io.k8s.kubeplay.v1.DeploymentSpec'].properties as Record<string, Record<string, unknown>>;
    expect(spec.replicas).toMatchObject({ type: 'integer', format: 'int32' });
    // Every reference resolves inside the document.
    const refs = JSON.stringify(doc).match(/#\/components\/schemas\/[^"]+/g) ?? [];
    for (const ref of refs) expect(doc.components.schemas[ref.slice('#/components/schemas/'.length)]).toBeDefined();
  });

  it('is undefined for a group-version that is not served', () => {
    expect(openAPIGroupVersion(schema, builtinResources, 'batch', 'v2')).toBeUndefined();
  });
});
