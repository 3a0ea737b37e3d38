/**
 * toJsonSchema turns the derived Kubernetes v1.32 schema (the same data `kubectl explain` and
 * strict decoding use) into a JSON Schema for the editor's YAML language service: per-kind
 * validation, completion and hover docs. A document picks its definition by apiVersion and
 * kind (`if`/`then`), as the Kubernetes schema store does for VS Code.
 */
import type { SchemaData, SchemaDefinition } from '../core/api/schema/schemaData.ts';

/** JsonSchema is the subset of JSON Schema draft-07 we emit. */
export interface JsonSchema {
  $schema?: string;
  type?: string | string[];
  description?: string;
  properties?: Record<string, JsonSchema>;
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  required?: string[];
  enum?: string[];
  const?: string;
  format?: string;
  $ref?: string;
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  if?: JsonSchema;
  then?: JsonSchema;
  definitions?: Record<string, JsonSchema>;
}

/** toJsonSchema converts the whole schema document. */
export function toJsonSchema(data: SchemaData): JsonSchema {
  const definitions: Record<string, JsonSchema> = {};
  for (const [id, def] of Object.entries(data.definitions)) definitions[id] = definitionSchema(def);
  const apiVersion = (k: SchemaData['kinds'][number]) => (k.group ? `${k.group}/${k.version}` : k.version);
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    type: 'object',
    properties: {
      apiVersion: { type: 'string', enum: [...new Set(data.kinds.map(apiVersion))].sort(), description: 'APIVersion defines the versioned schema of this representation of an object.' },
      kind: { type: 'string', enum: [...new Set(data.kinds.map((k) => k.kind))].sort(), description: 'Kind is a string value representing the REST resource this object represents.' },
    },
    required: ['apiVersion', 'kind'],
    allOf: data.kinds.map((k) => ({
      if: { properties: { apiVersion: { const: apiVersion(k) }, kind: { const: k.kind } }, required: ['apiVersion', 'kind'] },
      then: { $ref: `#/definitions/${k.definition}` },
    })),
    definitions,
  };
}

function definitionSchema(def: SchemaDefinition): JsonSchema {
  if (def.scalar === 'int-or-string') return { type: ['integer', 'string'], description: def.description };
  if (def.scalar === 'quantity') return { type: ['string', 'number'], description: def.description };
  if (def.scalar === 'object') return { type: 'object', description: def.description };
  const properties: Record<string, JsonSchema> = {};
  for (const [name, field] of Object.entries(def.properties ?? {})) properties[name] = { ...fieldSchema(field.type), description: field.description };
  const out: JsonSchema = { type: 'object', description: def.description, properties, additionalProperties: false };
  if (def.required?.length) out.required = def.required;
  return out;
}

/** fieldSchema reads the field type grammar of schemaData.ts (`[]@V1Container`, `{}string`, `integer:int32`...). */
export function fieldSchema(type: string): JsonSchema {
  if (type.startsWith('[]')) return { type: 'array', items: fieldSchema(type.slice(2)) };
  if (type.startsWith('{}')) return { type: 'object', additionalProperties: fieldSchema(type.slice(2)) };
  if (type.startsWith('@')) return { $ref: `#/definitions/${type.slice(1)}` };
  if (type === 'object') return { type: 'object' };
  const [base, format] = type.split(':');
  if (format === 'date-time') return { type: 'string', format };
  return { type: base };
}
