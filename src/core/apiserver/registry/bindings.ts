/**
 * bindings: core/v1 Binding, create only (pkg/registry/core/pod/storage BindingREST). POST
 * /api/v1/namespaces/{ns}/bindings with a Binding named like the pod assigns it to
 * target.name, exactly as the pods/binding subresource the scheduler uses; nothing is
 * stored, the answer is a Success Status.
 */
import type { KubeObject } from '../../api/types.ts';
import { bindPod } from '../subresources.ts';
import { define } from './define.ts';

export const bindings = define({
  group: '',
  version: 'v1',
  resource: 'bindings',
  kind: 'Binding',
  namespaced: true,
  verbs: ['create'],
  createHandler: (server, namespace, body, opts) => {
    bindPod(server, namespace || body.metadata?.namespace || 'default', body.metadata?.name ?? '', body, opts);
    return { apiVersion: 'v1', kind: 'Status', metadata: {}, status: 'Success', code: 201 } as unknown as KubeObject;
  },
});
