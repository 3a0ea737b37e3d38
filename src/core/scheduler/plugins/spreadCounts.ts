/**
 * Spread counts: PodTopologySpread's per-node counts of pods matching a (namespace, selector),
 * memoised on NodeInfo.spreadCounts and carried from a node's previous NodeInfo to its next.
 *
 * Counting is countPodsMatchSelector (podtopologyspread/common.go): pods of the namespace whose
 * labels match, terminating pods left out. The snapshot cache replaces a node's NodeInfo when
 * one of its pods is bound, deleted or relabelled, or the Node object changes; recounting the
 * node's pods then (300 per node at 30,000 pods) was ~3% of all CPU. A count is a sum over the
 * node's pods, so the next NodeInfo's count is the previous one minus the pods taken off plus
 * the pods placed: the same deltas the NodeInfo's resource sums are adjusted by (nodeInfo.ts).
 */
import { matches, selectorToString, type Selector } from '../../api/labels.ts';
import { flatString } from '../../api/flatString.ts';
import type { Pod } from '../../api/types.ts';
import type { NodeInfo } from '../types.ts';

/** MAX_SELECTOR_KEYS bounds the interned keys (one per workload selector and namespace). */
const MAX_SELECTOR_KEYS = 256;

/** SpreadSelector is what a key stands for: the selector and namespace its counts count. */
interface SpreadSelector {
  key: string;
  selector: Selector;
  namespace: string;
}

/**
 * selectorKeys interns selector keys: each cycle builds its key afresh, and looking a fresh
 * string up in every feasible node's memo would compare it character by character each
 * time; the interned instance compares by identity. `byKey` maps the interned key back to its
 * selector, for carrying counts (a key no longer there is dropped, to be counted again).
 */
const selectorKeys = new Map<string, SpreadSelector>();
const byKey = new Map<string, SpreadSelector>();

/** podCountsForSpread is countPodsMatchSelector's test for one pod. */
function podCountsForSpread(p: Pod, selector: Selector, namespace: string): boolean {
  if (p.metadata?.deletionTimestamp || p.metadata?.namespace !== namespace) return false;
  return matches(selector, p.metadata?.labels as Record<string, string> | undefined);
}

/** countPodsMatchSelector counts pods in the namespace matching the selector, ignoring terminating ones. */
export function countPodsMatchSelector(pods: readonly Pod[], selector: Selector, namespace: string): number {
  let n = 0;
  for (const p of pods) if (podCountsForSpread(p, selector, namespace)) n++;
  return n;
}

/**
 * lastKeyOf remembers each Selector object's last key: the scheduler hands a ReplicaSet's pods
 * one shared default selector (DefaultSelectorMemo), so the key is not rebuilt (selectorToString,
 * a rope hashed for the lookup) in every cycle.
 */
const lastKeyOf = new WeakMap<Selector, SpreadSelector>();

/** selectorKey names a (namespace, selector) pair for NodeInfo.spreadCounts (interned). */
export function selectorKey(selector: Selector, namespace: string): string {
  const last = lastKeyOf.get(selector);
  if (last !== undefined && last.namespace === namespace) return last.key;
  const entry = internKey(selector, namespace);
  lastKeyOf.set(selector, entry);
  return entry.key;
}

function internKey(selector: Selector, namespace: string): SpreadSelector {
  const key = `${namespace}\u0000${selector.nothing ? '\u0000nothing' : selectorToString(selector)}`;
  let entry = selectorKeys.get(key);
  if (entry === undefined) {
    if (selectorKeys.size >= MAX_SELECTOR_KEYS) {
      selectorKeys.clear();
      byKey.clear();
    }
    entry = { key: flatString(key), selector, namespace };
    selectorKeys.set(key, entry);
    byKey.set(entry.key, entry);
  }
  return entry;
}

/**
 * countOnNode is countPodsMatchSelector over a node's pods, memoised on the NodeInfo. A count
 * stays valid for as long as its NodeInfo lives (the snapshot cache replaces a NodeInfo
 * whenever its pods' labels, namespaces or deletion change); this keeps spreading from
 * rescanning every pod of the cluster per cycle.
 */
export function countOnNode(info: NodeInfo, selector: Selector, key: string, namespace: string): number {
  let memo = info.spreadCounts;
  if (!memo) info.spreadCounts = memo = new Map();
  let n = memo.get(key);
  if (n === undefined) memo.set(key, (n = countPodsMatchSelector(info.pods, selector, namespace)));
  return n;
}

/**
 * carrySpreadCounts gives `next`, a node's new NodeInfo, the counts of `prev`, its previous one,
 * adjusted by the pods taken off (`removed`, as counted) and placed (`added`) in between: the
 * counts a recount of next.pods would give.
 */
export function carrySpreadCounts(prev: NodeInfo, next: NodeInfo, added: readonly Pod[], removed: readonly Pod[]): void {
  const memo = prev.spreadCounts;
  if (!memo || memo.size === 0) return;
  const carried = new Map<string, number>();
  for (const [key, count] of memo) {
    const s = byKey.get(key);
    if (s === undefined) continue;
    let n = count;
    for (const p of removed) if (podCountsForSpread(p, s.selector, s.namespace)) n--;
    for (const p of added) if (podCountsForSpread(p, s.selector, s.namespace)) n++;
    carried.set(key, n);
  }
  next.spreadCounts = carried;
}
