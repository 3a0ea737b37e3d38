/**
 * namespaces: cluster-scoped Namespace (pkg/registry/core/namespace). Deleting one marks
 * it Terminating; it is removed once the namespace controller has emptied it and
 * cleared spec.finalizers through the `finalize` subresource.
 */
import type { Namespace } from '../../api/types.ts';
import { define } from './define.ts';

export const namespaces = define({
  group: '',
  version: 'v1',
  resource: 'namespaces',
  kind: 'Namespace',
  namespaced: false,
  shortNames: ['ns'],
  // Namespaces serve no deletecollection (discovery lists seven verbs).
  verbs: ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'],
  subresources: ['finalize', 'status'],
  hasStatus: true,
  prepareForCreate: (obj) => {
    const ns = obj as Namespace;
    ns.status = { phase: 'Active' };
    ns.spec = { finalizers: ['kubernetes'] };
  },
  prepareForUpdate: (obj, old) => {
    // spec.finalizers change only through /finalize.
    (obj as Namespace).spec = (old as Namespace).spec;
  },
  fieldLabels: (o) => ({ 'status.phase': (o as Namespace).status?.phase ?? '' }),
  holdsDeletion: (o) => ((o as Namespace).spec?.finalizers ?? []).length > 0,
  onDeleting: (o) => {
    (o as Namespace).status = { ...(o as Namespace).status, phase: 'Terminating' };
  },
});
