/**
 * podPatchPlan decides what the inline pod layer must change in the DOM to show a new list
 * of pods: which pods to create or update (their look changed) and which to remove. Pure, so
 * the rule "touch only what changed" is tested in Node; podLayer.ts applies the plan.
 */
import type { InlinePod } from '../toFlow.ts';

/** PodPatchPlan lists the pods to create or update (in list order) and the ids to remove. */
export interface PodPatchPlan {
  upsert: InlinePod[];
  remove: string[];
}

/** inlinePodSig is everything about an inline pod that the DOM shows. */
export function inlinePodSig(p: InlinePod, selected: boolean): string {
  return `${p.kind}|${p.name}|${p.namespace}|${p.status ?? ''}|${p.summary ?? ''}|${p.tone ?? ''}|${p.ready ?? ''}|${p.ghost ?? ''}|${p.x},${p.y}|${selected}`;
}

/** planPodPatches compares what the DOM shows (`shown`: id → sig) with the pods to show. */
export function planPodPatches(shown: ReadonlyMap<string, string>, pods: readonly InlinePod[], selectedId: string | undefined): PodPatchPlan {
  const upsert: InlinePod[] = [];
  const keep = new Set<string>();
  for (const p of pods) {
    keep.add(p.id);
    if (shown.get(p.id) !== inlinePodSig(p, p.id === selectedId)) upsert.push(p);
  }
  const remove: string[] = [];
  for (const id of shown.keys()) if (!keep.has(id)) remove.push(id);
  return { upsert, remove };
}
