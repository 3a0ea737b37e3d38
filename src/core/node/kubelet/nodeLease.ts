/**
 * The node's heartbeat: the kubelet renews its Lease in kube-node-lease every 10 s
 * (pkg/kubelet/nodelease), creating it, owned by the Node, on first use. The node lifecycle
 * controller reads renewTime to decide when a node is NotReady.
 */
import { isStatusError } from '../../api/status.ts';
import { LEASES, NODES, type Client } from '../../client/client.ts';
import { thaw } from '../../storage/freeze.ts';

/** renewNodeLease renews (or creates) the node's Lease at `now` (RFC 3339 with microseconds). */
export function renewNodeLease(client: Client, nodeName: string, now: string): void {
  const lease = client.tryGet(LEASES, 'kube-node-lease', nodeName);
  try {
    if (lease) {
      const l = thaw(lease);
      (l.spec as Record<string, unknown>).renewTime = now;
      client.update(LEASES, l);
      return;
    }
    const node = client.tryGet(NODES, '', nodeName);
    client.create(LEASES, 'kube-node-lease', {
      apiVersion: 'coordination.k8s.io/v1',
      kind: 'Lease',
      metadata: {
        name: nodeName,
        namespace: 'kube-node-lease',
        ...(node ? { ownerReferences: [{ apiVersion: 'v1', kind: 'Node', name: nodeName, uid: node.metadata.uid! }] } : {}),
      },
      spec: { holderIdentity: nodeName, leaseDurationSeconds: 40, renewTime: now },
    });
  } catch (err) {
    if (!isStatusError(err)) throw err;
  }
}
