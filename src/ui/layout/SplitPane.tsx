/**
 * SplitPane lays two panes side by side (`row`) or stacked (`column`) with a separator the
 * person can drag, or focus and move with the arrow keys (Home/End collapse a side), as the
 * WAI-ARIA window splitter pattern describes. The split is a percentage kept per `id`.
 */
import { useCallback, useRef, useState, type KeyboardEvent, type PointerEvent, type ReactNode } from 'react';

interface Props {
  id: string;
  direction: 'row' | 'column';
  initial: number;
  label: string;
  children: [ReactNode, ReactNode];
}

const MIN = 10;
const MAX = 90;

function loadSplit(id: string, initial: number): number {
  const v = Number(sessionStorage.getItem(`kubeplay.split.${id}`));
  return Number.isFinite(v) && v >= MIN && v <= MAX ? v : initial;
}

/** SplitPane renders two children with a resizable separator between them. */
export function SplitPane({ id, direction, initial, label, children }: Props) {
  const [split, setSplitState] = useState(() => loadSplit(id, initial));
  const box = useRef<HTMLDivElement>(null);
  const setSplit = useCallback(
    (v: number) => {
      const clamped = Math.min(MAX, Math.max(MIN, v));
      setSplitState(clamped);
      sessionStorage.setItem(`kubeplay.split.${id}`, String(clamped));
    },
    [id],
  );
  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    e.currentTarget.setPointerCapture(e.pointerId);
  };
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    if (!e.currentTarget.hasPointerCapture(e.pointerId) || !box.current) return;
    const r = box.current.getBoundingClientRect();
    setSplit(direction === 'row' ? ((e.clientX - r.left) / r.width) * 100 : ((e.clientY - r.top) / r.height) * 100);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const back = direction === 'row' ? 'ArrowLeft' : 'ArrowUp';
    const fwd = direction === 'row' ? 'ArrowRight' : 'ArrowDown';
    if (e.key === back) setSplit(split - 5);
    else if (e.key === fwd) setSplit(split + 5);
    else if (e.key === 'Home') setSplit(MIN);
    else if (e.key === 'End') setSplit(MAX);
    else return;
    e.preventDefault();
  };
  const template = `${split}fr 6px ${100 - split}fr`;
  return (
    <div ref={box} className={`split split-${direction}`} style={direction === 'row' ? { gridTemplateColumns: template } : { gridTemplateRows: template }}>
      <div className="pane">{children[0]}</div>
      <div
        className="separator"
        role="separator"
        tabIndex={0}
        aria-label={label}
        aria-orientation={direction === 'row' ? 'vertical' : 'horizontal'}
        aria-valuenow={Math.round(split)}
        aria-valuemin={MIN}
        aria-valuemax={MAX}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onKeyDown={onKeyDown}
      />
      <div className="pane">{children[1]}</div>
    </div>
  );
}
