/**
 * PodFacts: what a ReplicaSet sync reads from each pod, taken once per pod object.
 *
 * A sync walks every pod of its namespace twice (claiming, then counting status), and a big
 * ReplicaSet is synced every STATUS_BATCH_MS while its pods start: at 3,000 pods that walk,
 * chasing pod → metadata → ownerReferences and pod → status → conditions for each pod, was
 * most of the controller's own CPU. Stored objects are deep-frozen and replaced on every
 * write, so facts read from one pod object stay true for as long as that object is current,
 * and between two syncs only the pods that changed need reading again (a WeakMap keyed by
 * the object forgets the facts with the object).
 *
 * The answers are exactly those of controllerOf, isPodActive, isPodReady, isPodAvailable and
 * labels `matches` (core/api/ownerReferences.ts, podUtil.ts, labels.ts).
 */
import { matches, selectorFromLabelSelector, selectorFromSet, type Selector } from '../../api/labels.ts';
import { controllerOf } from '../../api/ownerReferences.ts';
import { isPodActive, isPodReady, podReadyCondition } from '../../api/podUtil.ts';
import { parseTime } from '../../api/time.ts';
import type { LabelSelector } from 'kubernetes-types/meta/v1';
import type { Pod } from '../../api/types.ts';

/** PodFacts are one pod object's answers to a sync's questions. */
export interface PodFacts {
  /** active is isPodActive. */
  readonly active: boolean;
  /** hasController tells whether an ownerReference has controller=true; controllerUid is its uid. */
  readonly hasController: boolean;
  readonly controllerUid: string | undefined;
  /** ready is isPodReady. */
  readonly ready: boolean;
  /** readySince is the Ready condition's lastTransitionTime in ms, parsed on first use (see readySince). */
  readySinceMs?: number;
  /** Two remembered selector matches: a sync asks about its selector and its template's labels. */
  selectorA?: Selector;
  matchA: boolean;
  selectorB?: Selector;
  matchB: boolean;
}

const factsMemo = new WeakMap<Pod, PodFacts>();

/** podFacts returns the facts of a pod object (computed on first call for that object). */
export function podFacts(pod: Pod): PodFacts {
  let facts = factsMemo.get(pod);
  if (!facts) factsMemo.set(pod, (facts = readPodFacts(pod)));
  return facts;
}

/** readPodFacts reads a pod object's facts without remembering them (for a caller that asks once). */
export function readPodFacts(pod: Pod): PodFacts {
  const ref = controllerOf(pod);
  return {
    active: isPodActive(pod),
    hasController: ref !== undefined,
    controllerUid: ref?.uid,
    ready: isPodReady(pod),
    readySinceMs: undefined,
    selectorA: undefined,
    matchA: false,
    selectorB: undefined,
    matchB: false,
  };
}

/**
 * forgetPodFacts drops the facts of a pod object the informer has replaced or removed. The
 * WeakMap would let them go with the object, but old versions live on in the API server's
 * watch window for a while, and their facts with them (~0.5 KB per pod at 1,000 pods).
 */
export function forgetPodFacts(pod: Pod): void {
  factsMemo.delete(pod);
}

/**
 * podMatches is `matches(selector, pod.metadata.labels)`, remembered per pod object for the
 * last two selectors asked about. Selectors are compared by identity: pass stable ones
 * (stableSelector, stableSetSelector) for the memo to hit.
 */
export function podMatches(pod: Pod, facts: PodFacts, selector: Selector): boolean {
  if (facts.selectorA === selector) return facts.matchA;
  if (facts.selectorB === selector) return facts.matchB;
  const result = matches(selector, pod.metadata?.labels as Record<string, string> | undefined);
  // Keep the previous answer in B: a sync alternates between two selectors.
  facts.selectorB = facts.selectorA;
  facts.matchB = facts.matchA;
  facts.selectorA = selector;
  facts.matchA = result;
  return result;
}

/**
 * podAvailable is isPodAvailable from the facts: ready, and ready for at least
 * minReadySeconds (strictly before now, as upstream).
 */
export function podAvailable(pod: Pod, facts: PodFacts, minReadySeconds: number, now: number): boolean {
  if (!facts.ready) return false;
  if (minReadySeconds === 0) return true;
  const since = readySince(pod, facts);
  return !Number.isNaN(since) && since + minReadySeconds * 1000 < now;
}

/** readySince is the Ready condition's lastTransitionTime in ms (NaN when missing or unparseable). */
export function readySince(pod: Pod, facts: PodFacts): number {
  if (facts.readySinceMs === undefined) facts.readySinceMs = parseTime(podReadyCondition(pod)?.lastTransitionTime);
  return facts.readySinceMs;
}

const labelSelectors = new WeakMap<LabelSelector, Selector>();
const setSelectors = new WeakMap<Readonly<Record<string, string>>, Selector>();

/**
 * stableSelector is selectorFromLabelSelector returning the same Selector for the same frozen
 * LabelSelector object (a stored ReplicaSet's versions share an unchanged selector object).
 * Throws as selectorFromLabelSelector does; objects that may still change are not memoised.
 */
export function stableSelector(ls: LabelSelector | null | undefined): Selector {
  if (!ls || !Object.isFrozen(ls)) return selectorFromLabelSelector(ls);
  let selector = labelSelectors.get(ls);
  if (!selector) labelSelectors.set(ls, (selector = selectorFromLabelSelector(ls)));
  return selector;
}

/** stableSetSelector is selectorFromSet, memoised like stableSelector for frozen label maps. */
export function stableSetSelector(set: Readonly<Record<string, string>> | undefined): Selector {
  if (!set || !Object.isFrozen(set)) return selectorFromSet(set);
  let selector = setSelectors.get(set);
  if (!selector) setSelectors.set(set, (selector = selectorFromSet(set)));
  return selector;
}
