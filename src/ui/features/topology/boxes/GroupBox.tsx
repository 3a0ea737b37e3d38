/**
 * GroupBox draws a Node as the container of its pods (or the shelf of pods no node has
 * taken yet), with the node's condition as `kubectl get nodes` words it. Past EDGE_PODS_MAX
 * pods the pods are not xyflow nodes but plain DOM inside this box, drawn by a PodLayer.
 */
import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo, useEffect, useRef } from 'react';
import { useAppStore } from '../../../state/appStore.ts';
import { PodLayer } from '../layout/podLayer.ts';
import type { BoxData, InlinePod } from '../toFlow.ts';

const NO_PODS: InlinePod[] = [];
const selectPod = (id: string) => useAppStore.getState().set({ selected: id });

/** useInlinePods keeps a PodLayer in `ref`'s element showing `pods`. */
function useInlinePods(pods: InlinePod[] | undefined, selectedPod: string | undefined) {
  const ref = useRef<HTMLDivElement>(null);
  const layer = useRef<PodLayer | undefined>(undefined);
  useEffect(() => {
    if (!ref.current) return;
    const l = new PodLayer(ref.current, selectPod);
    layer.current = l;
    return () => {
      l.destroy();
      layer.current = undefined;
    };
  }, []);
  useEffect(() => {
    layer.current?.update(pods ?? NO_PODS, selectedPod);
  }, [pods, selectedPod]);
  return ref;
}

function GroupBoxView({ data }: NodeProps & { data: BoxData }) {
  const ok = data.kind === 'Unscheduled' || (data.ready && !data.summary?.includes('SchedulingDisabled'));
  const podLayer = useInlinePods(data.pods, data.selectedPod);
  return (
    <div className={`node-group${data.kind === 'Unscheduled' ? ' unscheduled' : ''}${data.ready ? '' : ' not-ready'}`} data-kind={data.kind} data-name={data.name}>
      <Handle type="target" position={Position.Left} isConnectable={false} />
      <div className="node-group-header">
        <span className="kind-label">{data.kind === 'Unscheduled' ? 'Pending' : 'Node'}</span>
        <strong>{data.name}</strong>
        <span className={`badge ${ok ? 'tone-ready' : 'tone-failed'}`}>{data.summary}</span>
      </div>
      <div className="pod-layer" ref={podLayer} />
      <Handle type="source" position={Position.Right} isConnectable={false} />
    </div>
  );
}

/** GroupBox is memoised like PodBox. */
export const GroupBox = memo(GroupBoxView);
