/**
 * findUnknownFields models the API server's strict field validation (`fieldValidation=Strict`,
 * kubectl's default `--validate=strict`): every key the schema does not declare is reported, in
 * document order, with the path sigs.k8s.io/json's strict decoder prints — dotted field names,
 * and `[i]` for list indexes, e.g. `spec.template.spec.containers[0].imagee`.
 */
import { parseFieldType, type ApiSchema, type FieldType, type GroupVersionKind } from './apiSchema.ts';
import type { SchemaDefinition } from './schemaData.ts';

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** findUnknownFields lists the unknown fields of `obj` against the schema of `gvk` ([] if the kind is not served). */
export function findUnknownFields(schema: ApiSchema, gvk: GroupVersionKind, obj: unknown): string[] {
  const def = schema.schemaFor(gvk);
  const out: string[] = [];
  if (def) walkObject(schema, def, obj, '', out);
  return out;
}

function walkObject(schema: ApiSchema, def: SchemaDefinition, value: unknown, path: string, out: string[]): void {
  if (def.scalar || !isPlainObject(value)) return;
  for (const [key, child] of Object.entries(value)) {
    const childPath = path ? `${path}.${key}` : key;
    const field = def.properties?.[key];
    if (!field) {
      out.push(childPath);
      continue;
    }
    walkValue(schema, parseFieldType(field.type), child, childPath, out);
  }
}

function walkValue(schema: ApiSchema, type: FieldType, value: unknown, path: string, out: string[]): void {
  switch (type.kind) {
    case 'array':
      if (Array.isArray(value)) value.forEach((item, i) => walkValue(schema, type.items, item, `${path}[${i}]`, out));
      return;
    case 'map':
      if (isPlainObject(value)) {
        for (const [key, item] of Object.entries(value)) walkValue(schema, type.values, item, `${path}[${key}]`, out);
      }
      return;
    case 'ref': {
      const def = schema.definition(type.id);
      if (def) walkObject(schema, def, value, path, out);
      return;
    }
    default:
      return;
  }
}
