/**
 * NodeResourcesBalancedAllocation (pkg/scheduler/framework/plugins/noderesources/balanced_allocation.go):
 * favours nodes where, after placing the pod, cpu and memory are used in the same proportion.
 * Score = (1 − std of the used fractions) × 100; with two resources std = |f1 − f2| / 2.
 * Unlike LeastAllocated it uses the real requests (no 100m/200Mi defaults).
 */
import { requestsOf } from '../resources.ts';
import { MAX_NODE_SCORE, type ScorePlugin } from '../types.ts';

/** balancedResourceScore is balancedResourceScorer over (requested, allocatable) pairs. */
export function balancedResourceScore(requested: number[], allocatable: number[]): number {
  const fractions: number[] = [];
  let totalFraction = 0;
  for (let i = 0; i < requested.length; i++) {
    if (allocatable[i] === 0) continue;
    const fraction = Math.min(1, requested[i] / allocatable[i]);
    totalFraction += fraction;
    fractions.push(fraction);
  }
  let std = 0;
  if (fractions.length === 2) {
    std = Math.abs((fractions[0] - fractions[1]) / 2);
  } else if (fractions.length > 2) {
    const mean = totalFraction / fractions.length;
    const sum = fractions.reduce((acc, f) => acc + (f - mean) * (f - mean), 0);
    std = Math.sqrt(sum / fractions.length);
  }
  return Math.trunc((1 - std) * MAX_NODE_SCORE);
}

/**
 * twoResourceScore is balancedResourceScore for the two default resources (cpu, memory)
 * without building arrays: it runs for every feasible node of every cycle.
 */
function twoResourceScore(requested0: number, allocatable0: number, requested1: number, allocatable1: number): number {
  if (allocatable0 === 0 || allocatable1 === 0) return balancedResourceScore([requested0, requested1], [allocatable0, allocatable1]);
  const std = Math.abs((Math.min(1, requested0 / allocatable0) - Math.min(1, requested1 / allocatable1)) / 2);
  return Math.trunc((1 - std) * MAX_NODE_SCORE);
}

/** nodeResourcesBalancedAllocation is the score plugin (weight 1 in the default profile). */
export const nodeResourcesBalancedAllocation: ScorePlugin = {
  name: 'NodeResourcesBalancedAllocation',
  weight: 1,
  score(_ctx, pod, nodeInfo) {
    const request = requestsOf(pod);
    return twoResourceScore(
      nodeInfo.requested.milliCPU + request.milliCPU,
      nodeInfo.allocatable.milliCPU,
      nodeInfo.requested.memory + request.memory,
      nodeInfo.allocatable.memory,
    );
  },
};
