/**
 * InlinePodBox draws one pod (or pod group) as plain DOM inside its node box, at its slot:
 * the same look and test hooks as PodBox (`data-kind`, `data-name`, `data-phase`), without
 * an xyflow node of its own. Clicking it (or Enter) selects the pod for the inspector; the
 * click stops there so the node box around it is not selected instead.
 */
import { memo, type KeyboardEvent, type MouseEvent } from 'react';
import { useAppStore } from '../../../state/appStore.ts';
import { POD_H, POD_W } from '../layout/geometry.ts';
import type { Tone } from '../model/tone.ts';

/** InlinePodProps are primitives only, so memo skips every pod whose look did not change. */
export interface InlinePodProps {
  id: string;
  kind: string;
  name: string;
  namespace: string;
  status?: string;
  summary?: string;
  tone?: Tone;
  ready?: boolean;
  ghost?: boolean;
  x: number;
  y: number;
  selected: boolean;
}

function select(id: string, kind: string, e: MouseEvent | KeyboardEvent): void {
  if (kind !== 'Pod') return;
  e.stopPropagation();
  useAppStore.getState().set({ selected: id });
}

function InlinePodBoxView(p: InlinePodProps) {
  const style = { left: p.x, top: p.y, width: POD_W, height: POD_H };
  if (p.kind === 'PodGroup') {
    return (
      <div className={`pod podgroup inline-pod tone-${p.tone}`} style={style} data-kind="PodGroup" data-name={p.name} data-namespace={p.namespace} title={`${p.summary}: ${p.status}`}>
        <span className="pod-name">{p.summary}</span>
        <span className="badge">{p.status}</span>
      </div>
    );
  }
  return (
    <div
      className={`pod inline-pod tone-${p.tone}${p.ghost ? ' ghost' : ''}${p.selected ? ' selected' : ''}`}
      style={style}
      data-kind="Pod"
      data-name={p.name}
      data-namespace={p.namespace}
      data-phase={p.status}
      title={`Pod ${p.namespace}/${p.name}: ${p.status}${p.ready ? ', ready' : ''}`}
      role="button"
      tabIndex={0}
      aria-label={`Pod ${p.name}: ${p.status}`}
      onClick={(e) => select(p.id, p.kind, e)}
      onKeyDown={(e) => {
        if (e.key === 'Enter') select(p.id, p.kind, e);
      }}
    >
      <span className="pod-name">{p.name}</span>
      <span className="badge">{p.ready && p.status === 'Running' ? `✓ ${p.status}` : p.status}</span>
    </div>
  );
}

/** InlinePodBox is memoised on its primitive props: a delta re-renders only the pods it changed. */
export const InlinePodBox = memo(InlinePodBoxView);
