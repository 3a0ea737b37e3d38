/**
 * ObjectBox draws a workload, a Service or an Ingress: its kind, its name and the figure
 * its `kubectl get` row leads with (READY, COMPLETIONS, TYPE).
 */
import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { BoxData } from '../toFlow.ts';

function ObjectBoxView({ data }: NodeProps & { data: BoxData }) {
  return (
    <div className={`object-box kind-${data.kind}`} data-kind={data.kind} data-name={data.name} data-namespace={data.namespace} title={`${data.kind} ${data.namespace}/${data.name}`}>
      <Handle type="target" position={Position.Left} isConnectable={false} />
      <span className="kind-label">{data.kind}</span>
      <span className="object-name">{data.name}</span>
      {data.summary ? <span className="object-summary">{data.summary}</span> : null}
      <Handle type="source" position={Position.Right} isConnectable={false} />
    </div>
  );
}

/** ObjectBox is memoised like PodBox. */
export const ObjectBox = memo(ObjectBoxView);
