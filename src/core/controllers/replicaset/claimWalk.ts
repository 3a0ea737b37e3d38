/**
 * ClaimWalker: the ReplicaSet sync's walk over its namespace's pods (claim, then count status),
 * remembering each pod's verdict from the previous walk of the same ReplicaSet.
 *
 * A big ReplicaSet is synced every STATUS_BATCH_MS while its pods start, and each sync walks
 * every pod of the namespace (upstream's shape, so pods whose labels changed are released). At
 * 30,000 pods the per-pod podFacts WeakMap lookup (a hash probe and cache misses on the pod,
 * the table and the facts) was ~15% of all CPU. Between two syncs only a few pods change, and
 * stored objects are frozen and replaced on every write: a pod object seen at the previous
 * walk still gets the same verdict. The informer's namespace list keeps objects in insertion
 * order and moves a replaced object to the end, so the previous list is walked alongside the
 * new one and a verdict is reused on a pointer compare, without touching the pod.
 *
 * Pods whose claim has side effects or can fail (orphans to adopt, owned pods to release) are
 * never reused: they go through `claimSlow` on every walk, in list order, with the same
 * first-error rule as claimObjects, and the walk remembers nothing when it throws.
 */
import type { Selector } from '../../api/labels.ts';
import { asPod } from '../../api/podUtil.ts';
import type { KubeObject, Pod } from '../../api/types.ts';
import { podFacts, podMatches, type PodFacts } from './podFacts.ts';

/** Verdicts, one byte per pod: skipped, owned (claimed with no side effect), or slow (claimObject). */
const SKIP = 0;
/** OWNED, SLOW and KIND_MASK read a verdict's kind (see decide). */
export const OWNED = 1;
export const SLOW = 2;
export const KIND_MASK = 3;
/** FULLY_LABELED and READY are an owned pod's status bits: labels match the template, and isPodReady. */
export const FULLY_LABELED = 4;
export const READY = 8;

/** ClaimWalk is a walk's result: the claimed pods in list order and their status counts. */
export interface ClaimWalk {
  claimed: Pod[];
  /** replicas is claimed.length (the status count). */
  replicas: number;
  /** fullyLabeled counts the claimed pods whose labels match the template's labels. */
  fullyLabeled: number;
  /** ready counts the claimed pods that are isPodReady. */
  ready: number;
}

/** WalkOwner says what a walk claims for: the ReplicaSet's uid and its two stable selectors. */
export interface WalkOwner {
  uid: string | undefined;
  /** selector is the ReplicaSet's selector; templateSelector its template labels' (stableSetSelector). */
  selector: Selector;
  templateSelector: Selector;
}

/**
 * WalkMemo is one ReplicaSet's previous walk: the pods it walked and a verdict per pod (the
 * first `count` entries), plus the buffers of the walk before, cleared, for the next walk to
 * write into: at 30,000 pods a fresh copy of the namespace list and a fresh verdict array on
 * every sync were ~2% of all CPU, mostly allocation and garbage collection.
 */
interface WalkMemo {
  owner: WalkOwner;
  pods: KubeObject[];
  verdicts: Uint8Array;
  count: number;
  sparePods: KubeObject[];
  spareVerdicts: Uint8Array;
}

/** WalkPods is what a walk goes over: the informer's live namespace set, or a list (tests). */
export type WalkPods = ReadonlySet<KubeObject> | readonly KubeObject[];

/** ClaimWalker walks pods for the ReplicaSets of one controller, one memo per ReplicaSet key. */
export class ClaimWalker {
  private readonly memos = new Map<string, WalkMemo>();

  /**
   * walk claims `pods` (the namespace's informer objects, in list order) for `owner`. `pods`
   * may be the informer's live set: nothing the walk does changes it (claimSlow's writes reach
   * the informer later, through the loop's watch delivery). Pods with no quick answer go to
   * `claimSlow` (claimObject: returns the claimed object or throws). `remember` keeps this
   * walk for the next one under `key`; pass false for small ReplicaSets, whose memo (a pointer
   * per pod of the namespace) would cost more than it saves.
   */
  walk(key: string, pods: WalkPods, owner: WalkOwner, claimSlow: (obj: KubeObject) => KubeObject | undefined, remember: boolean): ClaimWalk {
    const size = 'size' in pods ? pods.size : pods.length;
    const prev = this.memos.get(key);
    const reuse = prev !== undefined && sameOwner(prev.owner, owner);
    const prevPods = reuse ? prev.pods : [];
    const prevCount = reuse ? prev.count : 0;
    const prevVerdicts = reuse ? prev.verdicts : undefined;
    // Write this walk into the previous memo's spare buffers (grown if the namespace grew).
    const walked = remember ? (prev?.sparePods ?? []) : undefined;
    let verdicts = remember && prev !== undefined ? prev.spareVerdicts : undefined;
    if (remember && (verdicts === undefined || verdicts.length < size)) verdicts = new Uint8Array(size);
    const result: ClaimWalk = { claimed: [], replicas: 0, fullyLabeled: 0, ready: 0 };
    let firstError: unknown;
    let i = 0;
    let j = 0;
    for (const obj of pods) {
      // Surviving objects keep their relative order: skip the previous walk's replaced or removed ones.
      while (j < prevCount && prevPods[j] !== obj) j++;
      const verdict = j < prevCount ? prevVerdicts![j++] : decide(asPod(obj), owner);
      if (walked) {
        walked[i] = obj;
        verdicts![i] = verdict;
      }
      i++;
      const kind = verdict & KIND_MASK;
      if (kind === OWNED) {
        result.claimed.push(asPod(obj));
        if (verdict & FULLY_LABELED) result.fullyLabeled++;
        if (verdict & READY) result.ready++;
      } else if (kind === SLOW) {
        try {
          const claimedObj = claimSlow(obj);
          if (claimedObj) countSlow(result, asPod(claimedObj), owner);
        } catch (err) {
          firstError ??= err;
        }
      }
    }
    result.replicas = result.claimed.length;
    if (firstError !== undefined || !walked) {
      this.memos.delete(key);
      if (firstError !== undefined) throw firstError;
      return result;
    }
    // Drop stale tails and the previous walk's pointers, so no replaced pod object is kept alive.
    walked.length = size;
    const spare = prev?.pods ?? [];
    spare.fill(undefined as unknown as KubeObject);
    this.memos.set(key, { owner, pods: walked, verdicts: verdicts!, count: size, sparePods: spare, spareVerdicts: prev?.verdicts ?? new Uint8Array(0) });
    return result;
  }

  /** forget drops a ReplicaSet's memo (it is gone from the cache). */
  forget(key: string): void {
    this.memos.delete(key);
  }
}

/** sameOwner tells whether two WalkOwners are the same owner with the same (stable) selectors. */
export function sameOwner(a: WalkOwner, b: WalkOwner): boolean {
  return a.uid === b.uid && a.selector === b.selector && a.templateSelector === b.templateSelector;
}

/**
 * decide is claimPods' quick answer for one pod object: inactive pods and pods another
 * controller owns are skipped; a pod this owner controls that still matches is owned (with its
 * status bits); orphans and owned pods that stopped matching need claimObject.
 */
function decide(pod: Pod, owner: WalkOwner): number {
  return decideFrom(pod, podFacts(pod), owner);
}

/** decideFrom is decide with the pod's facts already read. */
export function decideFrom(pod: Pod, facts: PodFacts, owner: WalkOwner): number {
  if (!facts.active) return SKIP;
  if (!facts.hasController) return SLOW;
  if (facts.controllerUid !== owner.uid) return SKIP;
  if (!podMatches(pod, facts, owner.selector)) return SLOW;
  let verdict = OWNED;
  if (podMatches(pod, facts, owner.templateSelector)) verdict |= FULLY_LABELED;
  if (facts.ready) verdict |= READY;
  return verdict;
}

/** countSlow adds a pod claimed through claimObject (possibly the adopted, updated object). */
function countSlow(result: ClaimWalk, pod: Pod, owner: WalkOwner): void {
  result.claimed.push(pod);
  const facts = podFacts(pod);
  if (podMatches(pod, facts, owner.templateSelector)) result.fullyLabeled++;
  if (facts.ready) result.ready++;
}
