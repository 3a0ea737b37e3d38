/**
 * PodBox draws one pod: its name and a badge with the STATUS `kubectl get pods` shows.
 * `data-phase` carries that STATUS for tests; the colour comes from its tone.
 */
import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { BoxData } from '../toFlow.ts';

function PodBoxView({ data }: NodeProps & { data: BoxData }) {
  return (
    <div className={`pod tone-${data.tone}${data.ghost ? ' ghost' : ''}`} data-kind="Pod" data-name={data.name} data-namespace={data.namespace} data-phase={data.status} title={`Pod ${data.namespace}/${data.name}: ${data.status}${data.ready ? ', ready' : ''}`}>
      <Handle type="target" position={Position.Left} isConnectable={false} />
      <span className="pod-name">{data.name}</span>
      <span className="badge">
        {data.ready && data.status === 'Running' ? <span aria-hidden="true">✓ </span> : null}
        {data.status}
      </span>
      <Handle type="source" position={Position.Right} isConnectable={false} />
    </div>
  );
}

/** PodBox is memoised: xyflow re-renders it only when its node object changes. */
export const PodBox = memo(PodBoxView);
