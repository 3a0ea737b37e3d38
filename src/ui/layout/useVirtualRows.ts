/**
 * useVirtualRows binds visibleRange to a scrolling element: it follows the element's scroll
 * position and size (ResizeObserver), re-rendering only when the drawn slice changes, so a
 * list of thousands of rows costs the DOM of the few dozen in view.
 */
import { useEffect, useState, type RefObject } from 'react';
import { visibleRange, type VirtualRange } from './virtualRange.ts';

/** useVirtualRows returns the rows of `count` to draw inside `scrollRef`'s element. */
export function useVirtualRows(scrollRef: RefObject<HTMLElement | null>, count: number, rowHeight: number, overscan = 8, offset = 0): VirtualRange {
  const [view, setView] = useState({ top: 0, height: 600 });
  useEffect(() => {
    const el = scrollRef.current;
    if (!el) return;
    let frame = 0;
    const read = () => {
      frame = 0;
      setView((v) => (v.top === el.scrollTop && v.height === el.clientHeight ? v : { top: el.scrollTop, height: el.clientHeight }));
    };
    // One read per frame however many scroll events arrive.
    const onScroll = () => {
      if (!frame) frame = requestAnimationFrame(read);
    };
    read();
    el.addEventListener('scroll', onScroll, { passive: true });
    const ro = typeof ResizeObserver === 'function' ? new ResizeObserver(onScroll) : undefined;
    ro?.observe(el);
    return () => {
      el.removeEventListener('scroll', onScroll);
      ro?.disconnect();
      if (frame) cancelAnimationFrame(frame);
    };
  }, [scrollRef]);
  return visibleRange(count, rowHeight, view.top, view.height, overscan, offset);
}
