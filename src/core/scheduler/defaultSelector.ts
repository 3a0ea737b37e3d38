/**
 * defaultSelector is helper.DefaultSelector (pkg/scheduler/framework/plugins/helper/spread.go):
 * the label selector that system-default topology spreading counts pods with. It merges the
 * selectors of the Services that select the pod, then adds the selector of its controlling
 * ReplicaSet (or StatefulSet / ReplicationController when those are served).
 */
import { newRequirement, selectorFromLabelSelector, sortByKey, type Requirement, type Selector } from '../api/labels.ts';
import type { KubeObject, Pod } from '../api/types.ts';
import type { LabelSelector } from 'kubernetes-types/meta/v1';

/** OwnerLookup finds a controller object by kind in the pod's namespace. */
export type OwnerLookup = (kind: string, namespace: string, name: string) => KubeObject | undefined;

/** defaultSelector builds the selector; it is empty when nothing selects the pod. */
export function defaultSelector(pod: Pod, services: readonly KubeObject[], lookupOwner: OwnerLookup): Selector {
  const namespace = pod.metadata?.namespace ?? '';
  const podLabels = (pod.metadata?.labels ?? {}) as Record<string, string>;
  const set: Record<string, string> = {};
  for (const svc of services) {
    if (svc.metadata.namespace !== namespace) continue;
    const sel = (svc.spec as { selector?: Record<string, string> } | undefined)?.selector;
    // GetPodServices skips Services without a selector (they would select nothing).
    if (!sel || Object.keys(sel).length === 0) continue;
    if (Object.entries(sel).every(([k, v]) => podLabels[k] === v)) Object.assign(set, sel);
  }
  const reqs: Requirement[] = Object.entries(set).map(([k, v]) => newRequirement(k, '=', [v]));
  const owner = (pod.metadata?.ownerReferences ?? []).find((o) => o.controller);
  if (owner) {
    const obj = lookupOwner(owner.kind, namespace, owner.name);
    const spec = obj?.spec as { selector?: LabelSelector | Record<string, string> } | undefined;
    if (spec?.selector) {
      if (owner.kind === 'ReplicationController') {
        for (const [k, v] of Object.entries(spec.selector as Record<string, string>)) if (!(k in set)) reqs.push(newRequirement(k, '=', [v]));
      } else {
        try {
          const extra = selectorFromLabelSelector(spec.selector as LabelSelector);
          if (!extra.nothing) reqs.push(...extra.requirements);
        } catch {
          // An invalid selector adds nothing, as upstream ignores the parse error.
        }
      }
    }
  }
  return { requirements: sortByKey(reqs) };
}
