/**
 * define builds a ResourceDefinition from the few facts that differ between kinds,
 * wiring the kind's defaulter and validators by group/kind.
 */
import { defaulterFor } from '../../api/defaults/index.ts';
import { validatorFor } from '../../api/validation/index.ts';
import type { KubeObject } from '../../api/types.ts';
import type { ResourceDefinition, Verb } from '../resource.ts';

/** ALL_VERBS is what most resources serve. */
export const ALL_VERBS: Verb[] = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];

type Spec = Pick<ResourceDefinition, 'group' | 'version' | 'resource' | 'kind' | 'namespaced'> & Partial<ResourceDefinition>;

/** define fills the common parts of a ResourceDefinition. */
export function define(spec: Spec): ResourceDefinition {
  const v = validatorFor(spec.group, spec.kind);
  return {
    singular: spec.kind.toLowerCase(),
    shortNames: [],
    categories: [],
    verbs: ALL_VERBS,
    subresources: [],
    hasStatus: false,
    generation: false,
    defaulter: defaulterFor(spec.group, spec.kind),
    validate: v?.validate,
    validateUpdate: v?.validateUpdate,
    validateStatusUpdate: v?.validateStatusUpdate,
    ...spec,
  };
}

/** clearStatus is prepareForCreate for kinds whose status only controllers write. */
export function clearStatus(initial: Record<string, unknown> = {}) {
  return (obj: KubeObject) => {
    obj.status = structuredCloneJSON(initial);
  };
}

function structuredCloneJSON<T>(v: T): T {
  return JSON.parse(JSON.stringify(v)) as T;
}
