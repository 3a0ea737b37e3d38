/**
 * PodGroupBox stands for many pods of one owner on one node ("ReplicaSet web-5d4f… ×240"),
 * with their counts by STATUS.
 */
import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { BoxData } from '../toFlow.ts';

function PodGroupBoxView({ data }: NodeProps & { data: BoxData }) {
  return (
    <div className={`pod podgroup tone-${data.tone}`} data-kind="PodGroup" data-name={data.name} data-namespace={data.namespace} title={`${data.summary}: ${data.status}`}>
      <Handle type="target" position={Position.Left} isConnectable={false} />
      <span className="pod-name">{data.summary}</span>
      <span className="badge">{data.status}</span>
      <Handle type="source" position={Position.Right} isConnectable={false} />
    </div>
  );
}

/** PodGroupBox is memoised like PodBox. */
export const PodGroupBox = memo(PodGroupBoxView);
