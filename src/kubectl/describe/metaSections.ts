/**
 * Multi-line sections shared by many describers: Labels, Annotations, Taints,
 * Tolerations (describe.go: printLabelsMultilineWithIndent,
 * printAnnotationsMultiline, printTaintsMultilineWithIndent,
 * printTolerationsMultilineWithIndent). Continuation lines start with a tab so the
 * tabwriter lines them up under the first value.
 */
import type { Taint, Toleration } from 'kubernetes-types/core/v1';
import { LEVEL_0, type PrefixWriter } from './prefixWriter.ts';

/** LAST_APPLIED_ANNOTATION is never shown by describe (skipAnnotations upstream). */
export const LAST_APPLIED_ANNOTATION = 'kubectl.kubernetes.io/last-applied-configuration';

/** MAX_ANNOTATION_LEN is the width past which an annotation value moves to its own lines. */
const MAX_ANNOTATION_LEN = 140;

/** printLabelsMultiline writes `title:` then one `key=value` per line, sorted; "<none>" when empty. */
export function printLabelsMultiline(
  w: PrefixWriter,
  title: string,
  labels: Record<string, string> | undefined | null,
  initialIndent = '',
  innerIndent = '\t',
): void {
  w.write(LEVEL_0, `${initialIndent}${title}:${innerIndent}`);
  const keys = Object.keys(labels ?? {}).sort();
  if (keys.length === 0) {
    w.writeLine('<none>');
    return;
  }
  keys.forEach((key, i) => {
    if (i !== 0) {
      w.write(LEVEL_0, initialIndent);
      w.write(LEVEL_0, innerIndent);
    }
    w.write(LEVEL_0, `${key}=${labels![key]}\n`);
  });
}

/** shorten cuts `s` to `max` characters and marks the cut with "...". */
function shorten(s: string, max: number): string {
  return s.length > max ? s.slice(0, max) + '...' : s;
}

/**
 * printAnnotationsMultiline writes `title:` then `key: value` per annotation, sorted,
 * skipping last-applied-configuration; long or multi-line values go below their key.
 */
export function printAnnotationsMultiline(
  w: PrefixWriter,
  title: string,
  annotations: Record<string, string> | undefined | null,
): void {
  w.write(LEVEL_0, `${title}:\t`);
  const keys = Object.keys(annotations ?? {})
    .filter((k) => k !== LAST_APPLIED_ANNOTATION)
    .sort();
  if (keys.length === 0) {
    w.writeLine('<none>');
    return;
  }
  const indent = '\t';
  keys.forEach((key, i) => {
    if (i !== 0) w.write(LEVEL_0, indent);
    const value = annotations![key]!.replace(/\n$/, '');
    if (value.length + key.length + 2 > MAX_ANNOTATION_LEN || value.includes('\n')) {
      w.write(LEVEL_0, `${key}:\n`);
      for (const line of value.split('\n')) {
        w.write(LEVEL_0, `${indent}  ${shorten(line, MAX_ANNOTATION_LEN - 2)}\n`);
      }
    } else {
      w.write(LEVEL_0, `${key}: ${value}\n`);
    }
  });
}

/** taintToString is Taint.ToString(): "key=value:Effect", "key:Effect", "key=value" or "key". */
export function taintToString(taint: Taint): string {
  const kv = taint.value ? `${taint.key}=${taint.value}` : taint.key;
  return taint.effect ? `${kv}:${taint.effect}` : kv;
}

/** printTaintsMultiline writes node taints sorted by "effect,key"; "<none>" when there are none. */
export function printTaintsMultiline(w: PrefixWriter, title: string, taints: Taint[] | undefined): void {
  w.write(LEVEL_0, `${title}:\t`);
  if (!taints || taints.length === 0) {
    w.writeLine('<none>');
    return;
  }
  const sortKey = (t: Taint): string => `${t.effect ?? ''},${t.key}`;
  const sorted = [...taints].sort((a, b) => (sortKey(a) < sortKey(b) ? -1 : sortKey(a) > sortKey(b) ? 1 : 0));
  sorted.forEach((taint, i) => {
    if (i !== 0) w.write(LEVEL_0, '\t');
    w.write(LEVEL_0, `${taintToString(taint)}\n`);
  });
}

/**
 * printTolerationsMultiline writes tolerations sorted by key, e.g.
 * "node.kubernetes.io/not-ready:NoExecute op=Exists for 300s"; "<none>" when empty.
 */
export function printTolerationsMultiline(
  w: PrefixWriter,
  title: string,
  tolerations: Toleration[] | undefined,
  initialIndent = '',
): void {
  w.write(LEVEL_0, `${initialIndent}${title}:\t`);
  if (!tolerations || tolerations.length === 0) {
    w.writeLine('<none>');
    return;
  }
  const key = (t: Toleration): string => t.key ?? '';
  const sorted = [...tolerations].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  sorted.forEach((t, i) => {
    if (i !== 0) {
      w.write(LEVEL_0, initialIndent);
      w.write(LEVEL_0, '\t');
    }
    let text = key(t);
    if (t.value) text += `=${t.value}`;
    if (t.effect) text += `:${t.effect}`;
    // `operator: Exists` with no key and no effect tolerates everything.
    if (t.operator === 'Exists' && !t.value) text += t.key || t.effect ? ' op=Exists' : 'op=Exists';
    if (t.tolerationSeconds !== undefined && t.tolerationSeconds !== null) text += ` for ${t.tolerationSeconds}s`;
    w.write(LEVEL_0, `${text}\n`);
  });
}
