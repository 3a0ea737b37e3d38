/**
 * The Kubernetes v1.32 API schema: load it once with `loadApiSchema()`, then ask it about kinds and
 * fields, validate request bodies strictly, and feed `kubectl explain` and the editor.
 */
export { ApiSchema, parseFieldType } from './apiSchema.ts';
export type { FieldType, GroupVersionKind, ResolvedField } from './apiSchema.ts';
export { loadApiSchema } from './loadApiSchema.ts';
export type { SchemaData, SchemaDefinition, SchemaField, SchemaKindEntry } from './schemaData.ts';
export { servedKinds } from './servedKinds.ts';
export type { ServedKind } from './servedKinds.ts';
export { findUnknownFields } from './unknownFields.ts';
export { findTypeErrors, goTypeName } from './typeErrors.ts';
export { decodeWithValidation, strictDecodeError, cannotBeHandled } from './strictDecoding.ts';
export type { DecodeResult, FieldValidation } from './strictDecoding.ts';
