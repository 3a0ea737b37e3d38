/**
 * useInspection asks the worker about the selected object (describe text, YAML, the
 * scheduler's decision for a pod) and asks again when the object changes, at most a few
 * times a second, so the inspector follows a pod from Pending to Running.
 */
import { useEffect, useState } from 'react';
import type { MessageOf } from '../../bridge/bridge.ts';
import { useBridge } from '../../bridge/context.ts';
import { parseObjectKey, type ObjectKey } from '../../../protocol/objects.ts';

/** Inspection is the worker's answer for one object. */
export type Inspection = MessageOf<'inspect.result'> & { key: ObjectKey };

const THROTTLE_MS = 300;

/** useInspection returns the latest answer for `key` (undefined until one arrives). */
export function useInspection(key: ObjectKey | undefined, resourceVersion: string | undefined): Inspection | undefined {
  const bridge = useBridge();
  const [result, setResult] = useState<Inspection | undefined>(undefined);
  useEffect(() => {
    if (!key) return;
    let live = true;
    const timer = setTimeout(() => {
      void bridge.request((id) => ({ type: 'inspect', id, ref: parseObjectKey(key) }), 'inspect.result').then((m) => {
        if (live) setResult({ ...m, key });
      });
    }, THROTTLE_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [bridge, key, resourceVersion]);
  return result?.key === key ? result : undefined;
}
