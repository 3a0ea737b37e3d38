/**
 * podStatus gives the STATUS cell `kubectl get pods` prints for a pod, computed with the
 * server's own table row (src/core/apiserver/tables/pods.ts, modelled on printPod). The
 * worker attaches it to each pod it sends, so the topology shows exactly what kubectl shows
 * without the UI importing core logic (the lint rules allow it only core types).
 */
import type { KubeObject } from '../core/api/types.ts';
import { podRow } from '../core/apiserver/tables/pods.ts';

/** podStatus returns the kubectl STATUS of a pod at virtual time `now`. */
export function podStatus(pod: KubeObject, now: number): string {
  return String(podRow(pod, now).cells[2] ?? '');
}
