/**
 * ApiSchema answers questions about the Kubernetes v1.32 OpenAPI schema of the served kinds:
 * which definition a kind starts from, what a field path resolves to, and how a field type
 * reads in kubectl's words. It is a plain object over `SchemaData`, so tests can build one from
 * a hand-written document and the cluster from the derived one (see `loadApiSchema.ts`).
 */
import type { SchemaData, SchemaDefinition, SchemaField } from './schemaData.ts';

/** GroupVersionKind identifies a kind; `group` is '' for the core group. */
export interface GroupVersionKind {
  group: string;
  version: string;
  kind: string;
}

/** FieldType is a parsed field type string (see the grammar in `schemaData.ts`). */
export type FieldType =
  | { kind: 'primitive'; type: 'string' | 'integer' | 'number' | 'boolean'; format?: string }
  | { kind: 'object' }
  | { kind: 'ref'; id: string }
  | { kind: 'array'; items: FieldType }
  | { kind: 'map'; values: FieldType };

/** parseFieldType turns `[]@V1Container` into `{kind: 'array', items: {kind: 'ref', id: 'V1Container'}}`. */
export function parseFieldType(t: string): FieldType {
  if (t.startsWith('[]')) return { kind: 'array', items: parseFieldType(t.slice(2)) };
  if (t.startsWith('{}')) return { kind: 'map', values: parseFieldType(t.slice(2)) };
  if (t.startsWith('@')) return { kind: 'ref', id: t.slice(1) };
  if (t === 'object') return { kind: 'object' };
  const [type, format] = t.split(':') as ['string' | 'integer' | 'number' | 'boolean', string | undefined];
  return format ? { kind: 'primitive', type, format } : { kind: 'primitive', type };
}

/** ResolvedField is where a field path led: the field itself and the definition that holds it. */
export interface ResolvedField {
  /** name is the last segment of the path. */
  name: string;
  field: SchemaField;
  type: FieldType;
  /** parent is the definition that declares the field. */
  parent: SchemaDefinition;
  required: boolean;
}

/** ApiSchema is the queryable schema; construct it with the data from `loadApiSchema()`. */
export class ApiSchema {
  constructor(readonly data: SchemaData) {}

  /** definitionId returns the id of the top-level definition of a kind, if the kind is served. */
  definitionId(gvk: GroupVersionKind): string | undefined {
    return this.data.kinds.find((k) => k.group === gvk.group && k.version === gvk.version && k.kind === gvk.kind)
      ?.definition;
  }

  /** schemaFor returns the top-level definition of a kind, if the kind is served. */
  schemaFor(gvk: GroupVersionKind): SchemaDefinition | undefined {
    const id = this.definitionId(gvk);
    return id ? this.data.definitions[id] : undefined;
  }

  /** definition returns a definition by id. */
  definition(id: string): SchemaDefinition | undefined {
    return this.data.definitions[id];
  }

  /**
   * innerDefinition follows lists and maps to the definition a type finally names, the way
   * kubectl explain walks `items` and `additionalProperties` transparently.
   */
  innerDefinition(type: FieldType): { id: string; def: SchemaDefinition } | undefined {
    if (type.kind === 'array') return this.innerDefinition(type.items);
    if (type.kind === 'map') return this.innerDefinition(type.values);
    if (type.kind !== 'ref') return undefined;
    const def = this.data.definitions[type.id];
    return def ? { id: type.id, def } : undefined;
  }

  /**
   * resolveField follows a field path (`['spec', 'template', 'spec', 'containers', 'image']`) from
   * a kind's top-level definition. Lists and maps are stepped through, as in `kubectl explain`.
   * It returns undefined when the kind is not served or a segment does not exist.
   */
  resolveField(gvk: GroupVersionKind, path: readonly string[]): ResolvedField | undefined {
    let def = this.schemaFor(gvk);
    let resolved: ResolvedField | undefined;
    for (const name of path) {
      const field = def?.properties?.[name];
      if (!def || !field) return undefined;
      const type = parseFieldType(field.type);
      resolved = { name, field, type, parent: def, required: def.required?.includes(name) ?? false };
      def = this.innerDefinition(type)?.def;
    }
    return resolved;
  }

  /**
   * typeHint renders a field type the way kubectl explain's `typeGuess` template does:
   * `string`, `integer`, `[]Container`, `map[string]string`, `ObjectMeta`, `Object`.
   * Time is a string there (its schema has type string); IntOrString and Quantity keep their
   * names because their v3 schemas are `oneOf` alternatives without a type.
   */
  typeHint(type: FieldType): string {
    switch (type.kind) {
      case 'array':
        return `[]${this.typeHint(type.items)}`;
      case 'map':
        return `map[string]${this.typeHint(type.values)}`;
      case 'primitive':
        return type.type;
      case 'object':
        return 'Object';
      case 'ref':
        return this.data.definitions[type.id]?.name ?? 'Object';
    }
  }
}
