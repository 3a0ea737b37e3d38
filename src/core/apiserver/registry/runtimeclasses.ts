/**
 * runtimeclasses: node.k8s.io/v1 RuntimeClass (pkg/registry/node/runtimeclass), cluster-scoped.
 * Stored only: every node runs the one simulated runtime whatever a pod's runtimeClassName.
 * The handler must be a DNS label and is immutable (ValidateRuntimeClass/Update).
 */
import type { FieldError } from '../../api/status.ts';
import type { KubeObject } from '../../api/types.ts';
import { isDNS1123Label } from '../../api/nameValidation.ts';
import { field, invalidEach } from '../../api/validation/field.ts';
import { nameIsDNSSubdomain, validateImmutableField, validateObjectMeta, validateObjectMetaUpdate } from '../../api/validation/index.ts';
import { define } from './define.ts';

function validateHandler(obj: KubeObject): FieldError[] {
  const handler = (obj as { handler?: string }).handler ?? '';
  if (handler === '') return [field.required('handler')];
  return invalidEach('handler', handler, isDNS1123Label(handler));
}

export const runtimeclasses = define({
  group: 'node.k8s.io',
  version: 'v1',
  resource: 'runtimeclasses',
  kind: 'RuntimeClass',
  namespaced: false,
  validate: (obj) => [...validateObjectMeta(obj.metadata, false, nameIsDNSSubdomain), ...validateHandler(obj)],
  validateUpdate: (obj, old) => [
    ...validateObjectMetaUpdate(obj.metadata, old.metadata),
    ...validateImmutableField((obj as { handler?: string }).handler, (old as { handler?: string }).handler, 'handler'),
  ],
});
