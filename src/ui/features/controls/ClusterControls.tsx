/**
 * ClusterControls: reset the cluster, add or remove a worker node, stop or start a node's
 * kubelet (it goes NotReady, and its pods are evicted later, as on a real cluster), and
 * delete a random pod. The node list comes from the watched Nodes.
 */
import { useState } from 'react';
import { useBridge } from '../../bridge/context.ts';
import { objectsOf, selectResource, useClusterStore } from '../../state/clusterStore.ts';
import { useShallow } from 'zustand/react/shallow';

export function ClusterControls() {
  const bridge = useBridge();
  const nodes = useClusterStore(useShallow((s) => objectsOf(selectResource(s, '/nodes'), '', 'nodes').map((n) => n.metadata.name ?? '')));
  const [node, setNode] = useState('');
  const target = nodes.includes(node) ? node : (nodes.find((n) => n !== 'controlplane') ?? nodes[0] ?? '');
  return (
    <div className="toolbar-group" role="group" aria-label="Cluster controls">
      <button type="button" data-testid="reset" title="Start over with a fresh cluster (your files stay)" onClick={() => bridge.send({ type: 'cluster.reset' })}>
        ⟲ Reset
      </button>
      <button type="button" title="Add a worker node" onClick={() => bridge.send({ type: 'cluster.addNode' })}>
        + Node
      </button>
      <label>
        <span className="sr-only">Node</span>
        <select value={target} onChange={(e) => setNode(e.target.value)} aria-label="Node to act on">
          {nodes.map((n) => (
            <option key={n}>{n}</option>
          ))}
        </select>
      </label>
      <button type="button" title="Stop this node's kubelet" onClick={() => target && bridge.send({ type: 'cluster.stopNode', name: target })}>
        Stop
      </button>
      <button type="button" title="Start this node's kubelet again" onClick={() => target && bridge.send({ type: 'cluster.startNode', name: target })}>
        Start
      </button>
      <button type="button" title="Remove this node from the cluster" onClick={() => target && bridge.send({ type: 'cluster.removeNode', name: target })}>
        − Node
      </button>
      <button type="button" title="Delete a random pod" onClick={() => bridge.send({ type: 'cluster.deleteRandomPod' })}>
        ✖ Random pod
      </button>
    </div>
  );
}
