/**
 * componentstatuses: core/v1 ComponentStatus (`cs`), get and list only
 * (pkg/registry/core/componentstatus). Nothing is stored: each request probes the
 * scheduler, the controller manager and etcd. In the simulation the control plane is always
 * healthy, so all three answer `ok`. Deprecated since v1.19: every request draws the
 * API server's deprecation warning.
 */
import type { KubeObject } from '../../api/types.ts';
import { define } from './define.ts';

/** COMPONENTS are the servers the API server validates, in the order a kubeadm cluster usually lists them. */
const COMPONENTS = ['controller-manager', 'scheduler', 'etcd-0'];

function componentStatus(name: string): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'ComponentStatus',
    metadata: { name, creationTimestamp: null as unknown as string },
    conditions: [{ type: 'Healthy', status: 'True', message: 'ok' }],
  } as KubeObject;
}

export const componentstatuses = define({
  group: '',
  version: 'v1',
  resource: 'componentstatuses',
  kind: 'ComponentStatus',
  namespaced: false,
  shortNames: ['cs'],
  verbs: ['get', 'list'],
  deprecated: 'v1 ComponentStatus is deprecated in v1.19+',
  reader: {
    get: (_ns, name) => (COMPONENTS.includes(name) ? componentStatus(name) : undefined),
    list: () => COMPONENTS.map(componentStatus),
  },
});
