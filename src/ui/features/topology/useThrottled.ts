/**
 * useThrottled passes a changing value on at most once every `ms` (the latest value, at the
 * end of the interval). Watch deltas arrive every frame while a cluster churns; redrawing a
 * few hundred pods or rows at that rate would fill the main thread, a few times a second
 * still looks live.
 */
import { useEffect, useRef, useState } from 'react';

/** useThrottled returns `value` as of the last tick of at most one per `ms`. */
export function useThrottled<T>(value: T, ms: number): T {
  const [shown, setShown] = useState(value);
  const last = useRef(0);
  useEffect(() => {
    const wait = last.current + ms - performance.now();
    if (wait <= 0) {
      last.current = performance.now();
      setShown(() => value);
      return;
    }
    const t = setTimeout(() => {
      last.current = performance.now();
      setShown(() => value);
    }, wait);
    return () => clearTimeout(t);
  }, [value, ms]);
  return shown;
}
