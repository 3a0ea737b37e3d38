/**
 * The boxes drawn beside the workloads they serve, and their edges:
 *
 * - A PersistentVolumeClaim links to the pods that mount it (a pod's
 *   `spec.volumes[].persistentVolumeClaim.claimName`, the same reference the kubelet's volume
 *   manager resolves). Its figure is the claim's STATUS (Bound, Pending, Lost).
 * - A HorizontalPodAutoscaler links to its `spec.scaleTargetRef` (kind + name in its own
 *   namespace), when that workload is drawn. Its figure is the REPLICAS column of
 *   `kubectl get hpa` with MINPODS–MAXPODS.
 *
 * Pure, like deriveTopology, which calls it.
 */
import type { KubeObject } from '../../../../core/api/types.ts';
import type { WireObject } from '../../../../protocol/objects.ts';
import { keyOfKind } from './kinds.ts';
import type { PodItem, RelatedItem, TopoEdge } from './types.ts';

type Dict = Record<string, unknown>;

/** RELATED_RESOURCES are the `group/resource`s of the related boxes. */
export const RELATED_RESOURCES: ReadonlySet<string> = new Set(['/persistentvolumeclaims', 'autoscaling/horizontalpodautoscalers']);

/** claimNames lists the PersistentVolumeClaims a pod mounts. */
export function claimNames(pod: KubeObject): string[] {
  const volumes = (((pod as Dict).spec as Dict | undefined)?.volumes ?? []) as Array<{ persistentVolumeClaim?: { claimName?: string } }>;
  return volumes.flatMap((v) => (v.persistentVolumeClaim?.claimName ? [v.persistentVolumeClaim.claimName] : []));
}

/** autoscalerSummary reads like "2 (1–10)": current replicas, then the min and max bounds. */
export function autoscalerSummary(hpa: KubeObject): string {
  const spec = ((hpa as Dict).spec ?? {}) as { minReplicas?: number; maxReplicas?: number };
  const status = ((hpa as Dict).status ?? {}) as { currentReplicas?: number };
  // minReplicas defaults to 1 (autoscaling/v2 SetDefaults_HorizontalPodAutoscaler).
  return `${status.currentReplicas ?? 0} (${spec.minReplicas ?? 1}–${spec.maxReplicas ?? 0})`;
}

/** RelatedInput is what relatedBoxes needs from the derivation so far. */
export interface RelatedInput {
  objects: readonly WireObject[];
  /** pods are the pods drawn one by one (none when they are aggregated: no per-pod edges then). */
  pods: readonly PodItem[];
  podObjects: ReadonlyMap<string, KubeObject>;
  /** targets are the ids of the boxes an autoscaler may point at (the drawn workloads). */
  targets: ReadonlySet<string>;
  shown(kind: string): boolean;
}

/** relatedBoxes returns the claim and autoscaler boxes, by name, and their edges. */
export function relatedBoxes(input: RelatedInput): { items: RelatedItem[]; edges: TopoEdge[] } {
  const items: RelatedItem[] = [];
  const edges: TopoEdge[] = [];
  const claimIds = new Set<string>();
  for (const w of input.objects) {
    const o = w.object;
    const ns = o.metadata.namespace ?? '';
    const name = o.metadata.name ?? '';
    if (w.resource === 'persistentvolumeclaims' && input.shown('PersistentVolumeClaim')) {
      const phase = (((o as Dict).status as Dict | undefined)?.phase as string | undefined) ?? 'Pending';
      items.push({ id: w.key, kind: 'PersistentVolumeClaim', name, namespace: ns, summary: phase });
      claimIds.add(w.key);
    } else if (w.resource === 'horizontalpodautoscalers' && input.shown('HorizontalPodAutoscaler')) {
      items.push({ id: w.key, kind: 'HorizontalPodAutoscaler', name, namespace: ns, summary: autoscalerSummary(o) });
      const ref = (((o as Dict).spec as Dict | undefined)?.scaleTargetRef ?? {}) as { kind?: string; name?: string };
      const target = ref.kind && ref.name ? keyOfKind(ref.kind, ns, ref.name) : undefined;
      if (target && input.targets.has(target)) edges.push({ id: `scales:${w.key}>${target}`, source: w.key, target, relation: 'scales' });
    }
  }
  for (const p of input.pods) {
    const obj = input.podObjects.get(p.id);
    if (!obj) continue;
    for (const claim of claimNames(obj)) {
      const source = keyOfKind('PersistentVolumeClaim', p.namespace, claim) ?? '';
      if (claimIds.has(source)) edges.push({ id: `mounts:${source}>${p.id}`, source, target: p.id, relation: 'mounts' });
    }
  }
  items.sort((a, b) => (a.namespace === b.namespace ? a.kind.localeCompare(b.kind) || a.name.localeCompare(b.name) : a.namespace.localeCompare(b.namespace)));
  edges.sort((a, b) => a.id.localeCompare(b.id));
  return { items, edges };
}
