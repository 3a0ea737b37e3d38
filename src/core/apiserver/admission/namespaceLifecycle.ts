/**
 * NamespaceLifecycle admission (plugin/pkg/admission/namespace/lifecycle): nothing is
 * created in a namespace that does not exist or is being terminated, and the
 * immortal namespaces (default, kube-system, kube-public) cannot be deleted.
 */
import { forbidden, notFound } from '../../api/status.ts';
import type { Namespace } from '../../api/types.ts';
import type { AdmissionPlugin } from '../admission.ts';
import type { ApiServer } from '../apiserver.ts';

const IMMORTAL = new Set(['default', 'kube-system', 'kube-public']);

export function namespaceLifecycle(server: ApiServer): AdmissionPlugin {
  return {
    name: 'NamespaceLifecycle',
    validate(attrs) {
      const def = attrs.resource;
      if (def.group === '' && def.resource === 'namespaces') {
        if (attrs.operation === 'DELETE' && IMMORTAL.has(attrs.name)) {
          throw forbidden('', 'namespaces', attrs.name, 'this namespace may not be deleted');
        }
        return;
      }
      if (!def.namespaced || attrs.operation !== 'CREATE') return;
      const ns = server.store.get('namespaces', '', attrs.namespace) as Namespace | undefined;
      if (!ns) throw notFound('', 'namespaces', attrs.namespace);
      const terminating = ns.status?.phase === 'Terminating' || !!ns.metadata?.deletionTimestamp;
      // Events about the namespace's own teardown are still accepted, as upstream.
      if (terminating && !(def.resource === 'events')) {
        const err = forbidden(def.group, def.resource, attrs.name, `unable to create new content in namespace ${attrs.namespace} because it is being terminated`);
        err.status.details = { ...err.status.details, causes: [{ reason: 'NamespaceTerminating', message: `namespace ${attrs.namespace} is being terminated`, field: 'metadata.namespace' }] };
        throw err;
      }
    },
  };
}

