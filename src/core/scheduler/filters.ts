/**
 * Running filter plugins: PreFilter once per cycle, then Filter per node in profile order,
 * stopping at the first rejection (framework/runtime/framework.go RunFilterPlugins).
 * Shared by the scheduling cycle and preemption's dry runs.
 */
import type { Selector } from '../api/labels.ts';
import type { Pod } from '../api/types.ts';
import type { FilterVerdict, NodeDecision } from './decision.ts';
import type { FilterPlugin, NodeInfo, ScorePlugin, SchedulingContext, Status } from './types.ts';

/** Profile is a scheduler profile: its filter and score plugins, in order. */
export interface Profile {
  filters: FilterPlugin[];
  scores: ScorePlugin[];
}

/** newContext starts a cycle's state over a snapshot. */
export function newContext(snapshot: NodeInfo[], defaultSpreadSelector?: Selector, memo?: Map<string, unknown>): SchedulingContext {
  return { state: new Map(), allNodes: snapshot, defaultSpreadSelector, memo };
}

/** runPreFilters runs every PreFilter; the first rejection is returned with its plugin. */
export function runPreFilters(profile: Profile, ctx: SchedulingContext, pod: Pod): Status | undefined {
  for (const p of profile.filters) {
    const st = p.preFilter?.(ctx, pod);
    if (st && st.code !== 'Success' && st.code !== 'Skip') return { ...st, plugin: p.name };
  }
  return undefined;
}

const passedVerdicts = new Map<string, FilterVerdict>();

/** passed is the shared, frozen 'Success' verdict of a plugin (one per node per cycle adds up). */
function passed(plugin: string): FilterVerdict {
  let v = passedVerdicts.get(plugin);
  if (!v) passedVerdicts.set(plugin, (v = Object.freeze({ plugin, code: 'Success', reasons: Object.freeze([]) as unknown as string[] }) as FilterVerdict));
  return v;
}

/** runFilters is RunFilterPlugins: plugins in order, stopping at the first that rejects. */
export function runFilters(profile: Profile, ctx: SchedulingContext, pod: Pod, info: NodeInfo): { status?: Status; decision: NodeDecision } {
  const decision: NodeDecision = { node: info.name, filters: [], feasible: true, scores: [] };
  for (const p of profile.filters) {
    const st = p.filter(ctx, pod, info);
    if (!st || st.code === 'Success') {
      decision.filters.push(passed(p.name));
      continue;
    }
    decision.filters.push({ plugin: p.name, code: st.code, reasons: st.reasons });
    decision.feasible = false;
    return { status: { ...st, plugin: p.name }, decision };
  }
  return { decision };
}

