/** Node table (printNode in printers.go): NAME, STATUS, ROLES, AGE, VERSION (+ INTERNAL-IP, EXTERNAL-IP, OS-IMAGE, KERNEL-VERSION, CONTAINER-RUNTIME). */
import { age, type Dict } from './cells.ts';
import { ageColumn, column, nameColumn, type TableDefinition } from './tableDefinition.ts';

const LABEL_NODE_ROLE_PREFIX = 'node-role.kubernetes.io/';
const NODE_LABEL_ROLE = 'kubernetes.io/role';

/** nodeRoles returns the sorted roles from node-role.kubernetes.io/<role> and kubernetes.io/role labels (findNodeRoles). */
export function nodeRoles(labels: Record<string, string> | undefined): string[] {
  const roles = new Set<string>();
  for (const [k, v] of Object.entries(labels ?? {})) {
    if (k.startsWith(LABEL_NODE_ROLE_PREFIX)) {
      const role = k.slice(LABEL_NODE_ROLE_PREFIX.length);
      if (role) roles.add(role);
    } else if (k === NODE_LABEL_ROLE && v !== '') {
      roles.add(v);
    }
  }
  return [...roles].sort();
}

/** nodeStatus is the STATUS cell: Ready/NotReady (any non-True Ready condition) or Unknown, plus SchedulingDisabled. */
export function nodeStatus(node: Dict): string {
  const status: string[] = [];
  const ready = (node.status?.conditions ?? []).filter((c: Dict) => c.type === 'Ready').pop();
  if (ready) status.push(ready.status === 'True' ? 'Ready' : 'NotReady');
  if (status.length === 0) status.push('Unknown');
  if (node.spec?.unschedulable) status.push('SchedulingDisabled');
  return status.join(',');
}

function address(node: Dict, type: string): string {
  const found = (node.status?.addresses ?? []).find((a: Dict) => a.type === type);
  return found?.address || '<none>';
}

/** nodeTable is the Table definition of core/v1 nodes. */
export const nodeTable: TableDefinition = {
  columns: [
    nameColumn,
    column('Status', 'string', 'The status of the node'),
    column('Roles', 'string', 'The roles of the node'),
    ageColumn,
    column('Version', 'string', 'Kubelet Version reported by the node.'),
    column('Internal-IP', 'string', 'List of addresses reachable to the node. Queried from cloud provider, if available.', { priority: 1 }),
    column('External-IP', 'string', 'List of addresses reachable to the node. Queried from cloud provider, if available.', { priority: 1 }),
    column('OS-Image', 'string', 'OS Image reported by the node from /etc/os-release (e.g. Debian GNU/Linux 7 (wheezy)).', { priority: 1 }),
    column('Kernel-Version', 'string', "Kernel Version reported by the node from 'uname -r' (e.g. 3.16.0-0.bpo.4-amd64).", { priority: 1 }),
    column('Container-Runtime', 'string', 'ContainerRuntime Version reported by the node through runtime remote API (e.g. containerd://1.4.2).', { priority: 1 }),
  ],
  row(obj, now) {
    const node = obj as Dict;
    const info: Dict = node.status?.nodeInfo ?? {};
    return [
      obj.metadata.name,
      nodeStatus(node),
      nodeRoles(obj.metadata.labels).join(',') || '<none>',
      age(obj, now),
      info.kubeletVersion ?? '',
      address(node, 'InternalIP'),
      address(node, 'ExternalIP'),
      info.osImage || '<unknown>',
      info.kernelVersion || '<unknown>',
      info.containerRuntimeVersion || '<unknown>',
    ];
  },
};
