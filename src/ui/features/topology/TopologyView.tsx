/**
 * TopologyView draws the picture with @xyflow/react: node boxes holding their pods,
 * workloads on the left, Services and Ingresses on the right. Clicking (or Enter on) a box
 * selects its object for the inspector. Loaded lazily, so xyflow is not in the first load.
 */
import { Background, Controls, ReactFlow, useReactFlow, ReactFlowProvider, type NodeChange, type NodeTypes } from '@xyflow/react';
import '@xyflow/react/dist/base.css';
import { useCallback, useEffect, useRef } from 'react';
import { useAppStore, type AppState } from '../../state/appStore.ts';
import { GroupBox } from './boxes/GroupBox.tsx';
import { ObjectBox } from './boxes/ObjectBox.tsx';
import { PodBox } from './boxes/PodBox.tsx';
import { PodGroupBox } from './boxes/PodGroupBox.tsx';
import { isPodGroupId } from './model/podGroups.ts';
import './topology.css';
import { TopologyFilters } from './TopologyFilters.tsx';
import { useTopologyPicture } from './useTopologyPicture.ts';

const NODE_TYPES: NodeTypes = { group: GroupBox, pod: PodBox, podgroup: PodGroupBox, object: ObjectBox };
const PRO_OPTIONS = { hideAttribution: true };
const selectTheme = (s: AppState) => s.theme;
const selectSetter = (s: AppState) => s.set;

/** isInspectable tells a box the inspector can open (an object's store key, or a pod group) from the shelf. */
function isInspectable(id: string): boolean {
  return isPodGroupId(id) || id.split('/').length >= 4;
}

function Flow() {
  const { graph, picture, laidOut } = useTopologyPicture();
  const theme = useAppStore(selectTheme);
  const set = useAppStore(selectSetter);
  const flow = useReactFlow();
  const userMoved = useRef(false);
  const boxes = picture.nodes.filter((n) => !n.parentId).length;

  // Fit the picture when boxes come or go, until the person pans or zooms: then the view is theirs.
  useEffect(() => {
    if (!laidOut || userMoved.current) return;
    const id = requestAnimationFrame(() => void flow.fitView({ padding: 0.08, maxZoom: 1.2, duration: 300 }));
    return () => cancelAnimationFrame(id);
  }, [laidOut, boxes, flow]);

  const onNodesChange = useCallback(
    (changes: NodeChange[]) => {
      for (const c of changes) if (c.type === 'select' && c.selected && isInspectable(c.id)) set({ selected: c.id });
    },
    [set],
  );

  return (
    <>
      <TopologyFilters namespaces={graph.namespaces} podCount={graph.podCount} aggregated={graph.aggregated} />
      <div className="topology-canvas">
        <ReactFlow
          nodes={picture.nodes}
          edges={picture.edges}
          nodeTypes={NODE_TYPES}
          onNodesChange={onNodesChange}
          nodesDraggable={false}
          nodesConnectable={false}
          edgesFocusable={false}
          colorMode={theme}
          minZoom={0.1}
          maxZoom={2}
          proOptions={PRO_OPTIONS}
          onMoveStart={(event) => {
            if (event) userMoved.current = true;
          }}
          aria-label="Cluster topology"
        >
          <Background gap={24} size={1} />
          <Controls showInteractive={false} />
        </ReactFlow>
      </div>
    </>
  );
}

/** TopologyView is the lazily loaded body of the topology panel. */
export default function TopologyView() {
  return (
    <ReactFlowProvider>
      <Flow />
    </ReactFlowProvider>
  );
}
