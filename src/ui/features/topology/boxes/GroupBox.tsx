/**
 * GroupBox draws a Node as the container of its pods (or the shelf of pods no node has
 * taken yet), with the node's condition as `kubectl get nodes` words it. Past EDGE_PODS_MAX
 * pods the pods are drawn inside it as plain DOM (InlinePodBox) instead of as xyflow nodes.
 */
import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { BoxData } from '../toFlow.ts';
import { InlinePodBox } from './InlinePodBox.tsx';

function GroupBoxView({ data }: NodeProps & { data: BoxData }) {
  const ok = data.kind === 'Unscheduled' || (data.ready && !data.summary?.includes('SchedulingDisabled'));
  return (
    <div className={`node-group${data.kind === 'Unscheduled' ? ' unscheduled' : ''}${data.ready ? '' : ' not-ready'}`} data-kind={data.kind} data-name={data.name}>
      <Handle type="target" position={Position.Left} isConnectable={false} />
      <div className="node-group-header">
        <span className="kind-label">{data.kind === 'Unscheduled' ? 'Pending' : 'Node'}</span>
        <strong>{data.name}</strong>
        <span className={`badge ${ok ? 'tone-ready' : 'tone-failed'}`}>{data.summary}</span>
      </div>
      {data.pods?.map((p) => (
        <InlinePodBox key={p.id} {...p} selected={p.id === data.selectedPod} />
      ))}
      <Handle type="source" position={Position.Right} isConnectable={false} />
    </div>
  );
}

/** GroupBox is memoised like PodBox. */
export const GroupBox = memo(GroupBoxView);
