/**
 * List filtering: label and field selectors as the list/watch handlers apply them.
 *
 * The server's errors are bare (`field label not supported: spec.foo`); kubectl adds
 * `Unable to find "/v1, Resource=pods" that match label selector ...` itself (src/kubectl/listing.ts).
 *
 * Field selectors may only name fields the resource declares (its strategy's
 * GetAttrs/fieldLabelConversionFunc upstream); anything else fails the request
 * with the real handler's wording.
 */
import { badRequest } from '../api/status.ts';
import { matches, parseSelector, type Selector } from '../api/labels.ts';
import { checkFieldSelector, matchesFields, type FieldSelector } from '../api/fields.ts';
import type { KubeObject } from '../api/types.ts';
import type { ResourceDefinition } from './resource.ts';

/** ListFilter decides whether an object is in a list/watch. */
export interface ListFilter {
  matches(obj: KubeObject): boolean;
  readonly empty: boolean;
}

/** fieldsOf returns every field a field selector may use for this object. */
export function fieldsOf(def: ResourceDefinition, obj: KubeObject): Record<string, string> {
  const base: Record<string, string> = { 'metadata.name': obj.metadata.name ?? '' };
  if (def.namespaced) base['metadata.namespace'] = obj.metadata.namespace ?? '';
  return { ...base, ...(def.fieldLabels?.(obj) ?? {}) };
}

/** compileListFilter parses both selectors once; parse errors become 400 BadRequest. */
export function compileListFilter(def: ResourceDefinition, labelSelector: string, fieldSelector: string): ListFilter {
  let labels: Selector | undefined;
  let fields: FieldSelector | undefined;
  try {
    if (labelSelector.trim() !== '') labels = parseSelector(labelSelector);
  } catch (err) {
    throw badRequest((err as Error).message);
  }
  try {
    if (fieldSelector.trim() !== '') fields = checkFieldSelector(fieldSelector, Object.keys(fieldsOf(def, sampleObject(def))));
  } catch (err) {
    throw badRequest((err as Error).message);
  }
  return {
    empty: !labels && !fields,
    matches(obj: KubeObject): boolean {
      if (labels && !matches(labels, obj.metadata.labels ?? {})) return false;
      if (fields && !matchesFields(fields, fieldsOf(def, obj))) return false;
      return true;
    },
  };
}

/** sampleObject lets us ask a strategy which field labels it supports without a real object. */
function sampleObject(def: ResourceDefinition): KubeObject {
  return { apiVersion: def.version, kind: def.kind, metadata: { name: '', namespace: '' } };
}
