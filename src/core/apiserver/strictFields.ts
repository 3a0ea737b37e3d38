/**
 * Decoding checks against the v1.32 schema: type errors always fail (as Go's JSON decoder
 * does), unknown fields fail under fieldValidation=Strict — what kubectl sends by default.
 */
import { decodeWithValidation, type ApiSchema } from '../api/schema/index.ts';
import type { KubeObject } from '../api/types.ts';
import type { ResourceDefinition } from './resource.ts';

/** checkDecoding throws the decoder's 400 BadRequest when the body does not fit the schema. */
export function checkDecoding(
  schema: ApiSchema | undefined,
  def: ResourceDefinition,
  body: KubeObject,
  mode: 'Strict' | 'Warn' | 'Ignore',
): string[] {
  if (!schema) return [];
  const result = decodeWithValidation(schema, { group: def.group, version: def.version, kind: def.kind }, body, mode);
  if (result.error) throw result.error;
  return result.warnings;
}
