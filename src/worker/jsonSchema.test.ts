import { describe, expect, it } from 'vitest';
import { loadApiSchema } from '../core/api/schema/index.ts';
import { fieldSchema, toJsonSchema } from './jsonSchema.ts';

describe('toJsonSchema', () => {
  it('reads the field type grammar', () => {
    expect(fieldSchema('[]@V1Container')).toEqual({ type: 'array', items: { $ref: '#/definitions/V1Container' } });
    expect(fieldSchema('{}string')).toEqual({ type: 'object', additionalProperties: { type: 'string' } });
    expect(fieldSchema('integer:int32')).toEqual({ type: 'integer' });
  });

  it('selects the Deployment definition by apiVersion and kind', async () => {
    const s = toJsonSchema((await loadApiSchema()).data);
    const branch = s.allOf!.find((b) => b.if?.properties?.kind.const === 'Deployment')!;
    expect(branch.if?.properties?.apiVersion.const).toBe('apps/v1');
    const id = branch.then!.$ref!.replace('#/definitions/', '');
    const spec = s.definitions![id].properties!.spec.$ref!.replace('#/definitions/', '');
    expect(s.definitions![spec].required).toEqual(['selector', 'template']);
    expect(s.definitions![spec].properties!.replicas).toMatchObject({ type: 'integer' });
    expect(s.definitions![spec].additionalProperties).toBe(false);
  });
});
