/**
 * podGroupView opens an aggregated pod group ("ReplicaSet web-5d4f… ×240") for the inspector:
 * its owner, its node, how many pods are in each kubectl STATUS, and the pods themselves in
 * the topology's order, each with the store key that opens it. It reads the live store, so
 * the list follows the pods as they come and go. Pure, tested in Node.
 */
import type { ObjectKey, WireObject } from '../../../../protocol/objects.ts';
import { parseObjectKey } from '../../../../protocol/objects.ts';
import { keyOfKind, UNSCHEDULED_ID } from './kinds.ts';
import { controllerRef } from './owners.ts';
import { podOrder } from './podOrder.ts';

type Dict = Record<string, unknown>;

/** PodGroupRef is what a pod group id (aggregate.ts podGroupId) names. */
export interface PodGroupRef {
  /** nodeName is the node holding the pods, or undefined for the Unscheduled shelf. */
  nodeName: string | undefined;
  namespace: string;
  /** ownerId is the controller's store key ('' for pods without a drawn controller). */
  ownerId: string;
}

/** PodGroupMember is one pod of a group, as its list row shows it. */
export interface PodGroupMember {
  key: ObjectKey;
  name: string;
  status: string;
  ownerId?: string;
  namespace: string;
}

/** PodGroupView is the inspector's picture of a pod group. */
export interface PodGroupView extends PodGroupRef {
  owner?: { key: ObjectKey; kind: string; name: string };
  /** counts are the pods per kubectl STATUS, most frequent first. */
  counts: Array<[string, number]>;
  pods: PodGroupMember[];
}

/** isPodGroupId tells an aggregated group's id from an object's store key. */
export function isPodGroupId(id: string): boolean {
  return id.startsWith('podgroup:');
}

/** parsePodGroupId takes a pod group id apart (`podgroup:<node box>:<namespace>:<owner>`). */
export function parsePodGroupId(id: string): PodGroupRef | undefined {
  if (!isPodGroupId(id)) return undefined;
  const [box, namespace, ownerId, ...rest] = id.slice('podgroup:'.length).split(':');
  if (namespace === undefined || ownerId === undefined || rest.length > 0) return undefined;
  return { nodeName: box === UNSCHEDULED_ID ? undefined : parseObjectKey(box).name, namespace, ownerId };
}

/**
 * podGroupView lists a group's pods (an empty list once they are all gone): `pods` are the
 * store's pods (other objects in it are skipped), `lookup` finds the nodes and the owner.
 */
export function podGroupView(pods: Iterable<WireObject>, lookup: (key: ObjectKey) => WireObject | undefined, id: string): PodGroupView | undefined {
  const ref = parsePodGroupId(id);
  if (!ref) return undefined;
  const members: PodGroupMember[] = [];
  for (const w of pods) {
    if (w.group !== '' || w.resource !== 'pods') continue;
    const p = w.object;
    const ns = p.metadata.namespace ?? '';
    if (ns !== ref.namespace) continue;
    const c = controllerRef(p);
    const ownerId = (c ? keyOfKind(c.kind, ns, c.name) : undefined) ?? '';
    if (ownerId !== ref.ownerId) continue;
    // As deriveTopology: a pod bound to a node the store does not hold sits on the shelf.
    const nodeName = (((p as Dict).spec as Dict | undefined)?.nodeName as string | undefined) ?? '';
    const onKnownNode = nodeName !== '' && lookup(keyOfKind('Node', '', nodeName) ?? '') !== undefined;
    if (ref.nodeName === undefined ? onKnownNode : nodeName !== ref.nodeName) continue;
    const status = w.podStatus ?? ((((p as Dict).status as Dict | undefined)?.phase as string | undefined) ?? 'Unknown');
    members.push({ key: w.key, name: p.metadata.name ?? '', namespace: ns, status, ...(ownerId ? { ownerId } : {}) });
  }
  members.sort(podOrder);
  const counts = new Map<string, number>();
  for (const p of members) counts.set(p.status, (counts.get(p.status) ?? 0) + 1);
  const ownerObj = ref.ownerId ? lookup(ref.ownerId)?.object : undefined;
  const ownerRef = ref.ownerId ? parseObjectKey(ref.ownerId) : undefined;
  return {
    ...ref,
    ...(ownerRef ? { owner: { key: ref.ownerId, kind: ownerObj?.kind ?? ownerRef.resource, name: ownerRef.name } } : {}),
    counts: [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])),
    pods: members,
  };
}
