/**
 * OwnedPodIndex: per-ReplicaSet counts of the pods a claim walk would count, kept from pod
 * informer events, so a sync that needs only counts does not walk the namespace.
 *
 * A big ReplicaSet is synced every STATUS_BATCH_MS while its pods start, and each sync walked
 * every pod of its namespace (claimWalk.ts) to count replicas, fullyLabeledReplicas and
 * readyReplicas: at 30,000 pods those walks were ~15% of all CPU, although between two syncs only
 * a few pods change. Here each pod event moves the counts by the difference between the old
 * object's verdict and the new one's (claimWalk's `decide`, the very function a walk uses, with
 * the same owner selectors), so the counts always equal what a walk of the informer's current
 * pods would give for the pods it answers without side effects.
 *
 * A walk is still needed (and the index says so) when a claim may have side effects: an active
 * orphan in the namespace (adoption is tried), or an owned pod that no longer matches the
 * selector (it is released). The controller also walks when it needs the pods themselves (to
 * pick pods to delete, or for minReadySeconds timing).
 */
import type { Pod } from '../../api/types.ts';
import { asPod } from '../../api/podUtil.ts';
import { decideFrom, FULLY_LABELED, KIND_MASK, OWNED, READY, sameOwner, SLOW, type WalkOwner, type WalkPods } from './claimWalk.ts';
import { podFacts, readPodFacts } from './podFacts.ts';

/** OwnedCounts are one owner's counts over the informer's current pods, for its selectors. */
export interface OwnedCounts {
  readonly owner: WalkOwner;
  /** namespace is the owner's: a walk looks only there, whatever uid a pod elsewhere names. */
  readonly namespace: string;
  /** replicas, fullyLabeled and ready count the pods a walk would claim without side effects (and their status bits). */
  replicas: number;
  fullyLabeled: number;
  ready: number;
  /** mismatched counts active pods the owner controls that its selector no longer matches (a walk releases them). */
  mismatched: number;
}

/** OwnedPodIndex keeps OwnedCounts per owner UID and the active orphans per namespace. */
export class OwnedPodIndex {
  private readonly byOwner = new Map<string, OwnedCounts>();
  private readonly orphans = new Map<string, number>();

  /**
   * changed applies one pod informer event: `old` is the cached object replaced or removed
   * (undefined on add), `cur` the new one (undefined on delete). Call it for every event,
   * before the pods' facts are forgotten.
   */
  changed(old: Pod | undefined, cur: Pod | undefined): void {
    if (old && cur && sameClaimInputs(old, cur)) return;
    if (old) this.count(old, -1);
    if (cur) this.count(cur, 1);
  }

  /**
   * countsFor returns the counts of an owner in `namespace`, building them from `pods` (the
   * informer's current pods of that namespace) when the index has none for these selectors yet.
   */
  countsFor(owner: WalkOwner & { uid: string }, namespace: string, pods: WalkPods): OwnedCounts {
    const known = this.byOwner.get(owner.uid);
    if (known && known.namespace === namespace && sameOwner(known.owner, owner)) return known;
    const counts: OwnedCounts = { owner, namespace, replicas: 0, fullyLabeled: 0, ready: 0, mismatched: 0 };
    for (const obj of pods) {
      const pod = asPod(obj);
      const facts = podFacts(pod);
      if (facts.active && facts.hasController && facts.controllerUid === owner.uid) add(counts, decideFrom(pod, facts, owner), 1);
    }
    this.byOwner.set(owner.uid, counts);
    return counts;
  }

  /** orphansIn counts the active pods of a namespace without a controller (each one makes a walk try to adopt it). */
  orphansIn(namespace: string): number {
    return this.orphans.get(namespace) ?? 0;
  }

  /** forget drops an owner's counts (the owner is gone). */
  forget(uid: string): void {
    this.byOwner.delete(uid);
  }

  private count(pod: Pod, sign: number): void {
    // Read without the per-object memo: a pod event asks once, and a WeakMap entry per pod
    // version cost more than reading the few fields (most versions are never walked).
    const facts = readPodFacts(pod);
    if (!facts.active) return;
    const ns = pod.metadata?.namespace ?? '';
    if (!facts.hasController) {
      const n = (this.orphans.get(ns) ?? 0) + sign;
      if (n === 0) this.orphans.delete(ns);
      else this.orphans.set(ns, n);
      return;
    }
    const counts = facts.controllerUid === undefined ? undefined : this.byOwner.get(facts.controllerUid);
    if (counts && counts.namespace === ns) add(counts, decideFrom(pod, facts, counts.owner), sign);
  }
}

/**
 * sameClaimInputs tells whether two versions of a pod share every part a verdict reads: labels,
 * ownerReferences, deletionTimestamp, phase and conditions. Stored versions share unchanged
 * frozen parts, so most status writes are answered by five pointer compares.
 */
function sameClaimInputs(old: Pod, cur: Pod): boolean {
  const a = old.metadata;
  const b = cur.metadata;
  return (
    a?.labels === b?.labels &&
    a?.ownerReferences === b?.ownerReferences &&
    a?.deletionTimestamp === b?.deletionTimestamp &&
    old.status?.phase === cur.status?.phase &&
    old.status?.conditions === cur.status?.conditions
  );
}

/** add moves counts by one pod's verdict (claimWalk's decide), times sign. */
function add(counts: OwnedCounts, verdict: number, sign: number): void {
  const kind = verdict & KIND_MASK;
  // For a pod this owner controls, SLOW means its selector no longer matches (orphans are counted apart).
  if (kind === SLOW) counts.mismatched += sign;
  if (kind !== OWNED) return;
  counts.replicas += sign;
  if (verdict & FULLY_LABELED) counts.fullyLabeled += sign;
  if (verdict & READY) counts.ready += sign;
}
