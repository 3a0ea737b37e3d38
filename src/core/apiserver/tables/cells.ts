/**
 * Small cell formatters shared by the per-kind table definitions (printers.go helpers).
 */
import type { KubeObject } from '../../api/types.ts';
import { translateTimestampSince } from '../../api/humanDuration.ts';

/** Dict is a loosely typed JSON object, the shape row functions read. */
export type Dict = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** age renders the AGE cell of an object. */
export function age(obj: KubeObject, now: number): string {
  return translateTimestampSince(obj.metadata.creationTimestamp, now);
}

/**
 * formatLabels renders a label map as labels.FormatLabels does, or "<none>".
 * NOTE: upstream sorts the whole "key=value" strings, so "app.kubernetes.io/name=x" sorts before "app=y".
 */
export function formatLabels(labels: Record<string, string> | undefined | null): string {
  const pairs = Object.entries(labels ?? {}).map(([k, v]) => `${k}=${v}`);
  if (pairs.length === 0) return '<none>';
  return pairs.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)).join(',');
}

interface LabelSelectorLike {
  matchLabels?: Record<string, string>;
  matchExpressions?: { key: string; operator: string; values?: string[] }[];
}

/**
 * labelSelectorString renders a metav1.LabelSelector as labels.Selector.String() does:
 * requirements sorted by key, values sorted, "" for an empty or missing selector.
 */
export function labelSelectorString(selector: LabelSelectorLike | undefined | null): string {
  if (!selector) return '';
  const reqs: { key: string; text: string }[] = [];
  for (const [key, value] of Object.entries(selector.matchLabels ?? {})) reqs.push({ key, text: `${key}=${value}` });
  for (const expr of selector.matchExpressions ?? []) {
    const values = [...(expr.values ?? [])].sort().join(',');
    const text =
      expr.operator === 'In'
        ? `${expr.key} in (${values})`
        : expr.operator === 'NotIn'
          ? `${expr.key} notin (${values})`
          : expr.operator === 'Exists'
            ? expr.key
            : `!${expr.key}`;
    reqs.push({ key: expr.key, text });
  }
  // Stable sort by key only, as labels.ByKey does.
  reqs.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return reqs.map((r) => r.text).join(',');
}

/** formatLabelSelector is metav1.FormatLabelSelector: the selector string, or "<none>" when empty. */
export function formatLabelSelector(selector: LabelSelectorLike | undefined | null): string {
  return labelSelectorString(selector) || '<none>';
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
