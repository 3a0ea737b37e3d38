/**
 * findTypeErrors models the errors the API server's JSON decoder (Go's encoding/json, as forked
 * in sigs.k8s.io/json) returns when a value has the wrong JSON type for its Go field, e.g.
 * `json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32`,
 * plus the custom decoders kubeplay's users meet most: resource.Quantity and []byte (base64).
 *
 * Upstream `Struct` is the Go struct holding the field and `Field` is the dotted path of JSON
 * names from the root, without list indexes. Go keeps only the first such error; callers that
 * build the 400 response should do the same (see `strictDecoding.ts`).
 */
import { parseFieldType, type ApiSchema, type FieldType, type GroupVersionKind } from './apiSchema.ts';
import type { SchemaDefinition } from './schemaData.ts';

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** quantityPattern is the regular expression resource.ParseQuantity reports in its format error. */
export const quantityPattern = "'^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";

/** findTypeErrors lists decoding errors of `obj` against the schema of `gvk`, in document order. */
export function findTypeErrors(schema: ApiSchema, gvk: GroupVersionKind, obj: unknown): string[] {
  const def = schema.schemaFor(gvk);
  const out: string[] = [];
  if (def && isPlainObject(obj)) walkStruct(schema, def, obj, '', out);
  return out;
}

function walkStruct(schema: ApiSchema, def: SchemaDefinition, value: Record<string, unknown>, path: string, out: string[]): void {
  for (const [key, child] of Object.entries(value)) {
    const field = def.properties?.[key];
    if (!field) continue;
    const fieldPath = path ? `${path}.${key}` : key;
    checkValue(schema, parseFieldType(field.type), child, { struct: def.name, field: fieldPath }, out);
  }
}

interface Context {
  struct: string;
  field: string;
}

/** jsonKind names a JSON value the way Go's UnmarshalTypeError.Value does. */
function jsonKind(v: unknown): string {
  if (typeof v === 'string') return 'string';
  if (typeof v === 'number') return 'number';
  if (typeof v === 'boolean') return 'bool';
  return Array.isArray(v) ? 'array' : 'object';
}

/** goTypeName renders a field type as Go's reflect.Type.String() would, e.g. `[]v1.Container`. */
export function goTypeName(schema: ApiSchema, type: FieldType): string {
  switch (type.kind) {
    case 'array':
      return `[]${goTypeName(schema, type.items)}`;
    case 'map':
      return `map[string]${goTypeName(schema, type.values)}`;
    case 'object':
      return 'interface {}';
    case 'ref': {
      const def = schema.definition(type.id);
      return def ? `${def.goPackage}.${def.name}` : type.id;
    }
    case 'primitive':
      if (type.type === 'integer') return type.format ?? 'int64';
      if (type.type === 'number') return 'float64';
      if (type.type === 'boolean') return 'bool';
      return type.format === 'byte' ? '[]uint8' : type.format === 'date-time' ? 'v1.Time' : 'string';
  }
}

function mismatch(schema: ApiSchema, value: string, ctx: Context, type: FieldType): string {
  return `json: cannot unmarshal ${value} into Go struct field ${ctx.struct}.${ctx.field} of type ${goTypeName(schema, type)}`;
}

const intRange: Record<string, [number, number]> = { int32: [-2147483648, 2147483647], int64: [-(2 ** 63), 2 ** 63 - 1] };

function checkValue(schema: ApiSchema, type: FieldType, value: unknown, ctx: Context, out: string[]): void {
  if (value === null || value === undefined) return; // null leaves the Go field at its zero value
  switch (type.kind) {
    case 'primitive':
      return checkPrimitive(schema, type, value, ctx, out);
    case 'array':
      if (!Array.isArray(value)) out.push(mismatch(schema, jsonKind(value), ctx, type));
      else for (const item of value) checkValue(schema, type.items, item, ctx, out);
      return;
    case 'map':
      if (!isPlainObject(value)) out.push(mismatch(schema, jsonKind(value), ctx, type));
      else for (const item of Object.values(value)) checkValue(schema, type.values, item, ctx, out);
      return;
    case 'object':
      return;
    case 'ref': {
      const def = schema.definition(type.id);
      if (!def || def.scalar === 'object') return;
      if (def.scalar === 'quantity') return checkQuantity(value, out);
      if (def.scalar === 'int-or-string') {
        // intstr.IntOrString.UnmarshalJSON decodes anything that is not a string into an int32.
        if (typeof value !== 'string' && (typeof value !== 'number' || !Number.isInteger(value))) {
          const shown = typeof value === 'number' ? `number ${value}` : jsonKind(value);
          out.push(`json: cannot unmarshal ${shown} into Go value of type int32`);
        }
        return;
      }
      if (!isPlainObject(value)) out.push(mismatch(schema, jsonKind(value), ctx, type));
      else walkStruct(schema, def, value, ctx.field, out);
      return;
    }
  }
}

function checkPrimitive(
  schema: ApiSchema,
  type: Extract<FieldType, { kind: 'primitive' }>,
  value: unknown,
  ctx: Context,
  out: string[],
): void {
  const kind = jsonKind(value);
  if (type.type === 'integer' || type.type === 'number') {
    if (typeof value !== 'number') return void out.push(mismatch(schema, kind, ctx, type));
    if (type.type === 'number') return;
    const [min, max] = intRange[type.format ?? 'int64'] ?? intRange.int64;
    if (!Number.isInteger(value) || value < min || value > max) out.push(mismatch(schema, `number ${value}`, ctx, type));
    return;
  }
  if (type.type === 'boolean') {
    if (typeof value !== 'boolean') out.push(mismatch(schema, kind, ctx, type));
    return;
  }
  if (typeof value !== 'string') return void out.push(mismatch(schema, kind, ctx, type));
  if (type.format === 'byte') {
    const bad = base64ErrorOffset(value);
    if (bad !== undefined) out.push(`illegal base64 data at input byte ${bad}`);
  }
}

const base64Alphabet = /^[A-Za-z0-9+/]$/;

/** base64ErrorOffset returns where Go's base64.StdEncoding would report CorruptInputError, if anywhere. */
export function base64ErrorOffset(s: string): number | undefined {
  let quantumStart = 0;
  let inQuantum = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '\n' || c === '\r') continue;
    if (c === '=') {
      // Padding is valid only to complete a final quantum of 2 or 3 characters.
      const rest = s.slice(i).replace(/[\r\n]/g, '');
      const valid = (inQuantum === 2 && rest === '==') || (inQuantum === 3 && rest === '=');
      return valid ? undefined : i;
    }
    if (!base64Alphabet.test(c)) return i;
    if (inQuantum === 0) quantumStart = i;
    inQuantum = (inQuantum + 1) % 4;
  }
  return inQuantum === 0 ? undefined : quantumStart;
}

const quantityRe = /^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$/;
const quantitySuffixes = new Set(['', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei', 'n', 'u', 'm', 'k', 'M', 'G', 'T', 'P', 'E']);

function checkQuantity(value: unknown, out: string[]): void {
  if (typeof value === 'number') return;
  if (typeof value !== 'string') {
    out.push(`quantities must match the regular expression ${quantityPattern}`);
    return;
  }
  const m = quantityRe.exec(value.trim());
  if (!m) return void out.push(`quantities must match the regular expression ${quantityPattern}`);
  const suffix = m[2];
  if (!quantitySuffixes.has(suffix) && !/^[eE][-+]?[0-9]+$/.test(suffix)) out.push("unable to parse quantity's suffix");
}
