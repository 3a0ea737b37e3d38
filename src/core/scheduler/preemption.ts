/**
 * DefaultPreemption, the PostFilter plugin (pkg/scheduler/framework/preemption/preemption.go,
 * plugins/defaultpreemption/default_preemption.go).
 *
 * When no node fits, the scheduler asks on which node evicting pods of lower priority would
 * make room. Nodes rejected as UnschedulableAndUnresolvable (taints, affinity, cordon) are
 * "not helpful"; nodes with no lower-priority pods have "no victims"; otherwise it removes
 * every lower-priority pod, checks the filters again, then gives back ("reprieves") as many
 * victims as still fit, highest priority first. Without a candidate its explanation becomes
 * the "preemption: ..." part of the FailedScheduling message.
 */
import { parseTime } from '../api/time.ts';
import type { Pod } from '../api/types.ts';
import type { Selector } from '../api/labels.ts';
import { fitErrorMessage } from './fitError.ts';
import { newContext, runFilters, runPreFilters, type Profile } from './filters.ts';
import { newNodeInfo } from './nodeInfo.ts';
import { unresolvable, type NodeInfo, type Status } from './types.ts';

/** PreemptionCandidate is a node where the pod fits once `victims` are gone. */
export interface PreemptionCandidate {
  nodeName: string;
  victims: Pod[];
}

/** PostFilterResult is the message for FitError, or a candidate to act on. */
export interface PostFilterResult {
  message?: string;
  candidate?: PreemptionCandidate;
}

/** podPriority is corev1helpers.PodPriority: spec.priority, 0 when unset. */
export function podPriority(pod: Pod): number {
  return pod.spec?.priority ?? 0;
}

function fitsWith(profile: Profile, pod: Pod, snapshot: readonly NodeInfo[], index: number, pods: Pod[], defaultSelector?: Selector): Status | undefined {
  const nodes = snapshot.slice();
  nodes[index] = newNodeInfo(snapshot[index].node, pods);
  const ctx = newContext(nodes, defaultSelector);
  const pre = runPreFilters(profile, ctx, pod);
  if (pre) return pre;
  return runFilters(profile, ctx, pod, nodes[index]).status;
}

/** selectVictimsOnNode is SelectVictimsOnNode: the fewest lower-priority pods to evict, or why none will do. */
export function selectVictimsOnNode(
  profile: Profile,
  pod: Pod,
  snapshot: readonly NodeInfo[],
  index: number,
  defaultSelector?: Selector,
): { victims?: Pod[]; status?: Status } {
  const prio = podPriority(pod);
  const info = snapshot[index];
  const lower = info.pods.filter((p) => podPriority(p) < prio);
  if (lower.length === 0) return { status: unresolvable('No preemption victims found for incoming pod') };
  const remaining = info.pods.filter((p) => podPriority(p) >= prio);
  const status = fitsWith(profile, pod, snapshot, index, remaining, defaultSelector);
  if (status) return { status };
  // Reprieve the most important victims first (MoreImportantPod: priority, then older start).
  const ordered = lower.slice().sort((a, b) => podPriority(b) - podPriority(a) || startTime(a) - startTime(b));
  const victims: Pod[] = [];
  for (const p of ordered) {
    remaining.push(p);
    if (fitsWith(profile, pod, snapshot, index, remaining, defaultSelector)) {
      remaining.pop();
      victims.push(p);
    }
  }
  return { victims };
}

function startTime(p: Pod): number {
  const t = p.status?.startTime ?? p.metadata?.creationTimestamp;
  const ms = parseTime(t as string | undefined);
  return Number.isNaN(ms) ? 0 : ms;
}

/** pickOneNodeForPreemption chooses among candidates by upstream's criteria, in order. */
export function pickOneNodeForPreemption(candidates: PreemptionCandidate[]): PreemptionCandidate | undefined {
  const criteria: Array<(c: PreemptionCandidate) => number> = [
    (c) => -Math.max(...c.victims.map(podPriority), Number.MIN_SAFE_INTEGER), // lowest highest-priority victim
    (c) => -c.victims.reduce((s, v) => s + podPriority(v) + 2147483648, 0), // smallest priority sum
    (c) => -c.victims.length, // fewest victims
  ];
  let best = candidates;
  for (const score of criteria) {
    if (best.length <= 1) break;
    const top = Math.max(...best.map(score));
    best = best.filter((c) => score(c) === top);
  }
  return best[0];
}

/** postFilterPreemption runs DefaultPreemption's PostFilter over the filter results. */
export function postFilterPreemption(
  profile: Profile,
  pod: Pod,
  snapshot: readonly NodeInfo[],
  statuses: Map<string, Status>,
  defaultSelector?: Selector,
): PostFilterResult {
  if (pod.spec?.preemptionPolicy === 'Never') return { message: 'preemption: not eligible due to preemptionPolicy=Never.' };
  // PodEligibleToPreemptOthers: while victims on the nominated node are still terminating, wait for them.
  const nominated = snapshot.find((n) => n.name === pod.status?.nominatedNodeName);
  if (nominated?.pods.some((p) => p.metadata?.deletionTimestamp && podPriority(p) < podPriority(pod))) {
    return { message: 'preemption: not eligible due to a terminating pod on the nominated node.' };
  }
  const out = new Map<string, Status>();
  const candidates: PreemptionCandidate[] = [];
  snapshot.forEach((info, i) => {
    const st = statuses.get(info.name);
    if (!st || st.code === 'UnschedulableAndUnresolvable') {
      out.set(info.name, unresolvable('Preemption is not helpful for scheduling'));
      return;
    }
    const r = selectVictimsOnNode(profile, pod, snapshot, i, defaultSelector);
    if (r.victims) candidates.push({ nodeName: info.name, victims: r.victims });
    else if (r.status) out.set(info.name, r.status);
  });
  if (candidates.length > 0) return { candidate: pickOneNodeForPreemption(candidates) };
  return { message: `preemption: ${fitErrorMessage({ numAllNodes: snapshot.length, nodeStatuses: out.values() })}` };
}
