/**
 * OwnershipGraph: who owns whom, across every served resource.
 *
 * A slim version of the garbage collector's GraphBuilder
 * (pkg/controller/garbagecollector/graph_builder.go): it indexes objects by UID and
 * dependents by owner UID, so an owner's deletion can find its dependents and a
 * dependent's deletion can wake the owner that waits for it. The objects themselves stay
 * in the shared informers; the graph holds only keys.
 */
import type { KubeObject, OwnerReference } from '../../api/types.ts';
import type { ResourceRef } from '../../client/client.ts';

/** NodeKey names one object of one resource: "group/resource|namespace/name". */
export type NodeKey = string;

/** nodeKeyOf builds the key of an object of a resource. */
export function nodeKeyOf(ref: ResourceRef, namespace: string, name: string): NodeKey {
  return `${ref.group}/${ref.resource}|${namespace}/${name}`;
}

/** parseNodeKey splits a NodeKey back into its resource and object coordinates. */
export function parseNodeKey(key: NodeKey): { ref: ResourceRef; namespace: string; name: string } {
  const [gr, nn] = [key.slice(0, key.indexOf('|')), key.slice(key.indexOf('|') + 1)];
  const slash = gr.indexOf('/');
  const nsSlash = nn.indexOf('/');
  return {
    ref: { group: gr.slice(0, slash), resource: gr.slice(slash + 1) },
    namespace: nn.slice(0, nsSlash),
    name: nn.slice(nsSlash + 1),
  };
}

const NO_OWNERS: readonly OwnerReference[] = Object.freeze([]);

/** OwnershipGraph indexes objects by UID and dependents by owner UID. */
export class OwnershipGraph {
  private readonly byUID = new Map<string, NodeKey>();
  /**
   * ownersOf holds each object's ownerReferences list as last observed: the stored object's
   * own frozen list (no copy per object), also what tells an unchanged list at a glance.
   */
  private readonly ownersOf = new Map<NodeKey, readonly OwnerReference[]>();
  private readonly dependentsOf = new Map<string, Set<NodeKey>>();

  /**
   * observe records an object's current owner references (on add and update); it returns
   * false when they are the very list already recorded (nothing about its owners changed).
   */
  observe(key: NodeKey, obj: KubeObject): boolean {
    // Each event builds its key afresh: keep the string already held (the same one ownersOf
    // keys on) rather than a second copy per object.
    const objUid = obj.metadata.uid;
    if (objUid && this.byUID.get(objUid) !== key) this.byUID.set(objUid, key);
    const given = obj.metadata.ownerReferences ?? NO_OWNERS;
    // Stored objects are frozen and a new version shares an unchanged ownerReferences list
    // with the old one, so most updates (every pod status write) are one pointer compare.
    if (this.ownersOf.get(key) === given && Object.isFrozen(given)) return false;
    this.unlinkOwners(key);
    const refs = Object.isFrozen(given) ? given : given.map((r) => ({ ...r }));
    this.ownersOf.set(key, refs);
    for (const { uid } of refs) {
      let set = this.dependentsOf.get(uid);
      if (!set) this.dependentsOf.set(uid, (set = new Set()));
      set.add(key);
    }
    return true;
  }

  /** forget removes a deleted object; its dependents stay indexed under its UID until they change. */
  forget(key: NodeKey, obj: KubeObject): void {
    if (obj.metadata.uid && this.byUID.get(obj.metadata.uid) === key) this.byUID.delete(obj.metadata.uid);
    this.unlinkOwners(key);
    this.ownersOf.delete(key);
  }

  /** keyOfUID finds a live object by UID. */
  keyOfUID(uid: string): NodeKey | undefined {
    return this.byUID.get(uid);
  }

  /** dependents lists the keys of objects naming `uid` among their owners. */
  dependents(uid: string): NodeKey[] {
    return [...(this.dependentsOf.get(uid) ?? [])];
  }

  private unlinkOwners(key: NodeKey): void {
    for (const { uid } of this.ownersOf.get(key) ?? NO_OWNERS) {
      const set = this.dependentsOf.get(uid);
      set?.delete(key);
      if (set && set.size === 0) this.dependentsOf.delete(uid);
    }
  }
}
