/**
 * Small cell formatters shared by the per-kind table definitions (printers.go helpers).
 */
import type { KubeObject } from '../../api/types.ts';
import { translateTimestampSince } from '../../api/humanDuration.ts';

// Label and selector cells are the one labels.FormatLabels / FormatLabelSelector of core/api.
export { formatLabels, formatLabelSelector, labelSelectorString } from '../../api/labels.ts';

/** Dict is a loosely typed JSON object, the shape row functions read. */
export type Dict = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** age renders the AGE cell of an object. */
export function age(obj: KubeObject, now: number): string {
  return translateTimestampSince(obj.metadata.creationTimestamp, now);
}

/** containerCells renders the CONTAINERS and IMAGES cells of a pod template (layoutContainerCells). */
export function containerCells(podSpec: Dict | undefined): [string, string] {
  const containers: Dict[] = podSpec?.containers ?? [];
  return [containers.map((c) => c.name).join(','), containers.map((c) => c.image).join(',')];
}

/** int returns a number field or 0, as Go's zero value would print. */
export function int(value: unknown): number {
  return typeof value === 'number' ? value : 0;
}

/** orNone returns the string, or "<none>" when empty. */
export function orNone(value: string | undefined | null): string {
  return value ? value : '<none>';
}
