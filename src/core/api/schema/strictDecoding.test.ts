import { beforeAll, describe, expect, it } from 'vitest';
import type { ApiSchema } from './apiSchema.ts';
import { loadApiSchema } from './loadApiSchema.ts';
import { decodeWithValidation, strictDecodeError } from './strictDecoding.ts';
import { base64ErrorOffset, findTypeErrors } from './typeErrors.ts';
import { findUnknownFields } from './unknownFields.ts';

let schema: ApiSchema;
beforeAll(async () => {
  schema = await loadApiSchema();
});

const deployment = { group: 'apps', version: 'v1', kind: 'Deployment' };
const secret = { group: '', version: 'v1', kind: 'Secret' };

function deploy(spec: Record<string, unknown>) {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', labels: { app: 'web' } },
    spec: {
      selector: { matchLabels: { app: 'web' } },
      template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx' }] } },
      ...spec,
    },
  };
}

describe('findUnknownFields', () => {
  it('accepts a valid object', () => {
    expect(findUnknownFields(schema, deployment, deploy({ replicas: 3 }))).toEqual([]);
  });

  it('reports unknown fields with dotted paths and list indexes, in document order', () => {
    const obj = deploy({ replica: 3, foo: true });
    (obj.spec.template.spec.containers[0] as Record<string, unknown>).imagee = 'x';
    (obj.metadata as Record<string, unknown>).lables = {};
    expect(findUnknownFields(schema, deployment, obj)).toEqual([
      'metadata.lables',
      'spec.template.spec.containers[0].imagee',
      'spec.replica',
      'spec.foo',
    ]);
  });

  it('does not look inside maps of strings or free-form fields', () => {
    expect(findUnknownFields(schema, { group: '', version: 'v1', kind: 'ConfigMap' }, { data: { anything: 'x' } })).toEqual([]);
  });
});

describe('findTypeErrors', () => {
  it('reports a string where an int32 is expected in upstream words', () => {
    expect(findTypeErrors(schema, deployment, deploy({ replicas: '3' }))).toEqual([
      'json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32',
    ]);
  });

  it('reports non-integers and wrong containers', () => {
    expect(findTypeErrors(schema, deployment, deploy({ replicas: 1.5 }))[0]).toBe(
      'json: cannot unmarshal number 1.5 into Go struct field DeploymentSpec.spec.replicas of type int32',
    );
    expect(findTypeErrors(schema, deployment, deploy({ template: 'x' }))[0]).toBe(
      'json: cannot unmarshal string into Go struct field DeploymentSpec.spec.template of type v1.PodTemplateSpec',
    );
    const obj = deploy({});
    (obj.spec.template.spec as Record<string, unknown>).containers = { name: 'x' };
    expect(findTypeErrors(schema, deployment, obj)[0]).toBe(
      'json: cannot unmarshal object into Go struct field PodSpec.spec.template.spec.containers of type []v1.Container',
    );
    const labels = deploy({});
    labels.metadata.labels = { app: 1 } as never;
    expect(findTypeErrors(schema, deployment, labels)[0]).toBe(
      'json: cannot unmarshal number into Go struct field ObjectMeta.metadata.labels of type string',
    );
  });

  it('checks Quantity and base64 data', () => {
    const obj = deploy({});
    obj.spec.template.spec.containers[0] = { name: 'n', image: 'i', resources: { limits: { memory: '1Gb', cpu: '1Kk' } } } as never;
    expect(findTypeErrors(schema, deployment, obj)).toEqual([
      "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'",
      "unable to parse quantity's suffix",
    ]);
    expect(findTypeErrors(schema, secret, { data: { password: 'not base64!' } })).toEqual([
      'illegal base64 data at input byte 3',
    ]);
    expect(findTypeErrors(schema, secret, { data: { password: 'cGFzcw==' } })).toEqual([]);
  });

  it('finds base64 errors where Go does', () => {
    expect(base64ErrorOffset('YWRtaW4=')).toBeUndefined();
    expect(base64ErrorOffset('abc')).toBe(0);
    expect(base64ErrorOffset('abcde')).toBe(4);
    expect(base64ErrorOffset('ab=c')).toBe(2);
  });
});

describe('decodeWithValidation', () => {
  it('builds the BadRequest the API server returns for unknown fields', () => {
    const err = strictDecodeError(schema, deployment, deploy({ replica: 3, foo: 1 }));
    expect(err?.status.code).toBe(400);
    expect(err?.status.reason).toBe('BadRequest');
    expect(err?.message).toBe(
      'Deployment in version "v1" cannot be handled as a Deployment: strict decoding error: unknown field "spec.replica", unknown field "spec.foo"',
    );
  });

  it('lets a type error win over unknown fields', () => {
    expect(strictDecodeError(schema, deployment, deploy({ replicas: 'x', foo: 1 }))?.message).toBe(
      'Deployment in version "v1" cannot be handled as a Deployment: json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32',
    );
  });

  it('turns unknown fields into warnings with Warn and drops them with Ignore', () => {
    expect(decodeWithValidation(schema, deployment, deploy({ replica: 3 }), 'Warn')).toEqual({
      warnings: ['unknown field "spec.replica"'],
    });
    expect(decodeWithValidation(schema, deployment, deploy({ replica: 3 }), 'Ignore')).toEqual({ warnings: [] });
  });
});
