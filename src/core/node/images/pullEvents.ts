/**
 * Pull timing and the kubelet's image event texts (pkg/kubelet/images/image_manager.go), so the
 * kubelet and describe output share one wording. Durations print like Go's time.Duration
 * truncated to milliseconds, as the kubelet does.
 */
import type { Random } from '../../sim/random.ts';
import { formatGoDuration } from '../../api/goDuration.ts';

export { formatGoDuration };

/** PULL_BANDWIDTH_BYTES_PER_SEC is the simulated registry download speed (about 40 MB/s). */
export const PULL_BANDWIDTH_BYTES_PER_SEC = 40_000_000;

/** PULL_LATENCY_MS is the fixed cost of a pull: token, manifest and config round trips. */
export const PULL_LATENCY_MS = 400;

/**
 * pullDurationMs estimates how long pulling takes: latency plus size over bandwidth, plus up to
 * 10% seeded jitter when a Random is given. A cached image takes 0 (the kubelet says "already present").
 */
export function pullDurationMs(sizeBytes: number, opts: { cached?: boolean; random?: Random } = {}): number {
  if (opts.cached) return 0;
  const base = PULL_LATENCY_MS + (sizeBytes / PULL_BANDWIDTH_BYTES_PER_SEC) * 1000;
  const jitter = opts.random ? opts.random.next() * 0.1 * base : 0;
  return Math.round(base + jitter);
}

/** pullingMessage is the `Pulling` event: `Pulling image "nginx"`. */
export function pullingMessage(image: string): string {
  return `Pulling image "${image}"`;
}

/** pulledMessage is the `Pulled` event after a successful pull. */
export function pulledMessage(image: string, pullMs: number, waitingMs: number, sizeBytes: number): string {
  return `Successfully pulled image "${image}" in ${formatGoDuration(pullMs)} (${formatGoDuration(waitingMs)} including waiting). Image size: ${sizeBytes} bytes.`;
}

/** alreadyPresentMessage is the `Pulled` event when the node has the image (IfNotPresent). */
export function alreadyPresentMessage(image: string): string {
  return `Container image "${image}" already present on machine`;
}

/** pullFailedMessage is the `Failed` event text of a failed pull. */
export function pullFailedMessage(image: string, errorMessage: string): string {
  return `Failed to pull image "${image}": ${errorMessage}`;
}

/** invalidImageNameMessage is the `InspectFailed` event for an unparsable image reference. */
export function invalidImageNameMessage(image: string, errorMessage: string): string {
  return `Failed to apply default image tag "${image}": ${errorMessage}`;
}
