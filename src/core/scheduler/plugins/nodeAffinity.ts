/**
 * NodeAffinity (pkg/scheduler/framework/plugins/nodeaffinity).
 *
 * Filter: spec.nodeSelector and requiredDuringSchedulingIgnoredDuringExecution must match.
 * Score: the sum of the weights of the preferred terms the node matches, scaled so the
 * best node gets 100.
 */
import { nodeSelectorTermMatches, podMatchesNodeSelectorAndAffinity } from '../../api/nodeAffinity.ts';
import { defaultNormalizeScore, MAX_NODE_SCORE, SKIP, unresolvable, type FilterPlugin, type ScorePlugin } from '../types.ts';

/** ERR_REASON_POD_NODE_AFFINITY is the reason shown for nodes that don't match. */
export const ERR_REASON_POD_NODE_AFFINITY = "node(s) didn't match Pod's node affinity/selector";

/** nodeAffinityFilter is NodeAffinity's filter half. */
export const nodeAffinityFilter: FilterPlugin = {
  name: 'NodeAffinity',
  // Without a nodeSelector or required node affinity every node matches (upstream's PreFilter skips too).
  preFilter(_ctx, pod) {
    return pod.spec?.nodeSelector || pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution ? undefined : SKIP;
  },
  filter(_ctx, pod, nodeInfo) {
    return podMatchesNodeSelectorAndAffinity(pod, nodeInfo.node) ? undefined : unresolvable(ERR_REASON_POD_NODE_AFFINITY);
  },
};

/** nodeAffinityScore is NodeAffinity's score half (weight 2 in the default profile). */
export const nodeAffinityScore: ScorePlugin = {
  name: 'NodeAffinity',
  weight: 2,
  preScore(_ctx, pod) {
    const preferred = pod.spec?.affinity?.nodeAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? [];
    return preferred.length === 0 ? 'skip' : undefined;
  },
  score(_ctx, pod, nodeInfo) {
    let total = 0;
    for (const term of pod.spec?.affinity?.nodeAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? []) {
      if (term.weight !== 0 && nodeSelectorTermMatches(term.preference, nodeInfo.node)) total += term.weight;
    }
    return total;
  },
  normalizeScore(_ctx, _pod, scores) {
    defaultNormalizeScore(MAX_NODE_SCORE, false, scores);
  },
};
