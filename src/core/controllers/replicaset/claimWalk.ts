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
import { podFacts, podMatches } from './podFacts.ts';

/** Verdicts, one byte per pod: skipped, owned (claimed with no side effect), or slow (claimObject). */
const SKIP = 0;
const OWNED = 1;
const SLOW = 2;
const KIND_MASK = 3;
/** Status bits of an owned pod: labels match the template, and isPodReady. */
const FULLY_LABELED = 4;
const READY = 8;

/** ClaimWalk is a walk's result: the claimed pods in list order and their status counts. */
export interface ClaimWalk {
  claimed: Pod[];
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

/** WalkMemo is one ReplicaSet's previous walk: the list it walked and a verdict per pod. */
interface WalkMemo {
  owner: WalkOwner;
  pods: readonly KubeObject[];
  verdicts: Uint8Array;
}

/** ClaimWalker walks pods for the ReplicaSets of one controller, one memo per ReplicaSet key. */
export class ClaimWalker {
  private readonly memos = new Map<string, WalkMemo>();

  /**
   * walk claims `pods` (the namespace's informer list, in its order) for `owner`. Pods with
   * no quick answer go to `claimSlow` (claimObject: returns the claimed object or throws).
   * `remember` keeps this walk for the next one under `key`; pass false for small
   * ReplicaSets, whose memo (a pointer per pod of the namespace) would cost more than it saves.
   */
  walk(key: string, pods: readonly KubeObject[], owner: WalkOwner, claimSlow: (obj: KubeObject) => KubeObject | undefined, remember: boolean): ClaimWalk {
    const prev = this.memos.get(key);
    const reuse = prev !== undefined && sameOwner(prev.owner, owner);
    const prevPods = reuse ? prev.pods : [];
    const prevVerdicts = reuse ? prev.verdicts : undefined;
    const verdicts = new Uint8Array(pods.length);
    const result: ClaimWalk = { claimed: [], fullyLabeled: 0, ready: 0 };
    let firstError: unknown;
    let j = 0;
    for (let i = 0; i < pods.length; i++) {
      const obj = pods[i];
      // Surviving objects keep their relative order: skip the previous walk's replaced or removed ones.
      while (j < prevPods.length && prevPods[j] !== obj) j++;
      const verdict = j < prevPods.length ? prevVerdicts![j++] : decide(asPod(obj), owner);
      verdicts[i] = verdict;
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
    if (firstError !== undefined) {
      this.memos.delete(key);
      throw firstError;
    }
    if (remember) this.memos.set(key, { owner, pods, verdicts });
    else this.memos.delete(key);
    return result;
  }

  /** forget drops a ReplicaSet's memo (it is gone from the cache). */
  forget(key: string): void {
    this.memos.delete(key);
  }
}

function sameOwner(a: WalkOwner, b: WalkOwner): boolean {
  return a.uid === b.uid && a.selector === b.selector && a.templateSelector === b.templateSelector;
}

/**
 * decide is claimPods' quick answer for one pod object: inactive pods and pods another
 * controller owns are skipped; a pod this owner controls that still matches is owned (with its
 * status bits); orphans and owned pods that stopped matching need claimObject.
 */
function decide(pod: Pod, owner: WalkOwner): number {
  const facts = podFacts(pod);
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
