/**
 * Running filter plugins: PreFilter once per cycle, then Filter per node in profile order,
 * stopping at the first rejection (framework/runtime/framework.go RunFilterPlugins).
 * Shared by the scheduling cycle and preemption's dry runs.
 */
import type { Selector } from '../api/labels.ts';
import type { Pod } from '../api/types.ts';
import type { NodeDecision } from './decision.ts';
import { nodeDecision, type Rejection } from './decisionDetail.ts';
import type { FilterPlugin, NodeInfo, ScorePlugin, SchedulingContext, Status } from './types.ts';

/** Profile is a scheduler profile: its filter and score plugins, in order. */
export interface Profile {
  filters: FilterPlugin[];
  scores: ScorePlugin[];
}

/** newContext starts a cycle's state over a snapshot. */
export function newContext(snapshot: readonly NodeInfo[], defaultSpreadSelector?: Selector, memo?: Map<string, unknown>): SchedulingContext {
  return { state: new Map(), allNodes: snapshot, defaultSpreadSelector, memo, havePodsWithRequiredAntiAffinity: undefined, snapshotChanges: undefined, skippedFilters: undefined };
}

/**
 * runPreFilters runs every PreFilter; the first rejection is returned with its plugin. Plugins
 * answering Skip are marked in ctx.skippedFilters, so firstRejection passes over them.
 */
export function runPreFilters(profile: Profile, ctx: SchedulingContext, pod: Pod): Status | undefined {
  const filters = profile.filters;
  for (let i = 0; i < filters.length; i++) {
    const st = filters[i].preFilter?.(ctx, pod);
    if (!st || st.code === 'Success') continue;
    if (st.code === 'Skip') {
      (ctx.skippedFilters ??= new Array<boolean>(filters.length).fill(false))[i] = true;
      continue;
    }
    return { ...st, plugin: filters[i].name };
  }
  return undefined;
}

/**
 * firstRejection is RunFilterPlugins: plugins in order, stopping at the first that rejects;
 * undefined when the node passes them all. Allocates nothing for a passing node.
 */
export function firstRejection(profile: Profile, ctx: SchedulingContext, pod: Pod, info: NodeInfo): Rejection | undefined {
  const filters = profile.filters;
  const skipped = ctx.skippedFilters;
  for (let i = 0; i < filters.length; i++) {
    if (skipped !== undefined && skipped[i]) continue;
    const st = filters[i].filter(ctx, pod, info);
    if (st && st.code !== 'Success') return { index: i, status: { ...st, plugin: filters[i].name } };
  }
  return undefined;
}

/** filterNames lists a profile's filter plugin names, in order (memoised per filter list). */
export function filterNames(profile: Profile): readonly string[] {
  let names = filterNamesMemo.get(profile.filters);
  if (!names) filterNamesMemo.set(profile.filters, (names = profile.filters.map((p) => p.name)));
  return names;
}

const filterNamesMemo = new WeakMap<readonly FilterPlugin[], readonly string[]>();

/** runFilters is firstRejection with the node's decision record (used by preemption's dry runs). */
export function runFilters(profile: Profile, ctx: SchedulingContext, pod: Pod, info: NodeInfo): { status?: Status; decision: NodeDecision } {
  const rejection = firstRejection(profile, ctx, pod, info);
  return { status: rejection?.status, decision: nodeDecision(filterNames(profile), info.name, rejection) };
}
