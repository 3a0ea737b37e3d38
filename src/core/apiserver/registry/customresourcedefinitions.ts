/**
 * customresourcedefinitions: apiextensions.k8s.io/v1 CustomResourceDefinition (`crd`, `crds`).
 * Stored only: a CRD is accepted and listed, but its custom resources are not served (the
 * apiextensions-apiserver part is not simulated). Name must be `<plural>.<group>`, as
 * upstream's ValidateCustomResourceDefinition insists.
 */
import type { FieldError } from '../../api/status.ts';
import type { KubeObject } from '../../api/types.ts';
import { field, nameIsDNSSubdomain, validateObjectMeta, validateObjectMetaUpdate } from '../../api/validation/index.ts';
import { clearStatus, define } from './define.ts';

type CRDSpec = { group?: string; names?: { plural?: string; kind?: string }; scope?: string; versions?: unknown[] };

/** validateCRDSpec covers the checks a learner meets first: name, group, names, scope, versions. */
function validateCRD(obj: KubeObject): FieldError[] {
  const spec = (obj.spec ?? {}) as CRDSpec;
  const errs: FieldError[] = [];
  const plural = spec.names?.plural ?? '';
  const group = spec.group ?? '';
  if (obj.metadata.name !== `${plural}.${group}`) {
    errs.push(field.invalid('metadata.name', obj.metadata.name ?? '', 'must be spec.names.plural+"."+spec.group'));
  }
  if (group === '') errs.push(field.required('spec.group'));
  else if (!group.includes('.')) errs.push(field.invalid('spec.group', group, 'should be a domain with at least one dot'));
  if (spec.scope !== 'Cluster' && spec.scope !== 'Namespaced') errs.push(field.notSupported('spec.scope', spec.scope ?? '', ['Cluster', 'Namespaced']));
  if (plural === '') errs.push(field.required('spec.names.plural'));
  if (!spec.names?.kind) errs.push(field.required('spec.names.kind'));
  if ((spec.versions ?? []).length === 0) errs.push(field.invalid('spec.versions', { goString: () => '[]apiextensions.CustomResourceDefinitionVersion(nil)' }, 'must have exactly one version marked as storage version'));
  return errs;
}

export const customresourcedefinitions = define({
  group: 'apiextensions.k8s.io',
  version: 'v1',
  resource: 'customresourcedefinitions',
  kind: 'CustomResourceDefinition',
  namespaced: false,
  shortNames: ['crd', 'crds'],
  categories: ['api-extensions'],
  subresources: ['status'],
  hasStatus: true,
  generation: true,
  prepareForCreate: clearStatus({}),
  validate: (obj) => [...validateObjectMeta(obj.metadata, false, nameIsDNSSubdomain), ...validateCRD(obj)],
  validateUpdate: (obj, old) => [...validateObjectMetaUpdate(obj.metadata, old.metadata), ...validateCRD(obj)],
});
