/**
 * How the HPA turns a metric's recommendation into the replica count it sets
 * (pkg/controller/podautoscaler/horizontal.go: normalizeDesiredReplicas,
 * stabilizeRecommendation, convertDesiredReplicasWithRules, and the behavior variants
 * normalizeDesiredReplicasWithBehaviors, stabilizeRecommendationWithBehaviors,
 * convertDesiredReplicasWithBehaviorRate, calculateScale{Up,Down}Limit...).
 *
 * Without `spec.behavior`: scale down to the highest recommendation of the last 5 minutes
 * (--horizontal-pod-autoscaler-downscale-stabilization), scale up at most to max(2×, 4).
 * With `spec.behavior`: per-direction stabilization windows and Pods/Percent policies per period.
 * State (recent recommendations, scale events) lives in the controller and is passed in.
 */
import type { HPAScalingRules } from 'kubernetes-types/autoscaling/v2';

/** DOWNSCALE_STABILIZATION_MS is the controller's default downscale stabilization window. */
export const DOWNSCALE_STABILIZATION_MS = 5 * 60_000;

/** Recommendation is one timestamped recommendation. */
export interface Recommendation {
  replicas: number;
  at: number;
}

/** ScaleEvent is one recorded change of replicas (behavior only). */
export interface ScaleEvent {
  change: number;
  at: number;
}

/** Outcome is a normalized replica count with the two conditions it sets. */
export interface Outcome {
  replicas: number;
  ableToScale: { reason: string; message: string };
  scalingLimited: { status: 'True' | 'False'; reason: string; message: string };
}

const READY = { reason: 'ReadyForNewScale', message: 'recommended size matches current size' };
const DOWN_STABILIZED = { reason: 'ScaleDownStabilized', message: 'recent recommendations were higher than current one, applying the highest recent recommendation' };
const UP_STABILIZED = { reason: 'ScaleUpStabilized', message: 'recent recommendations were lower than current one, applying the lowest recent recommendation' };
const WITHIN_RANGE = { reason: 'DesiredWithinRange', message: 'the desired count is within the acceptable range' };
const SCALE_UP_LIMIT = { reason: 'ScaleUpLimit', message: 'the desired replica count is increasing faster than the maximum scale rate' };
const SCALE_DOWN_LIMIT = { reason: 'ScaleDownLimit', message: 'the desired replica count is decreasing faster than the maximum scale rate' };
const TOO_MANY = { reason: 'TooManyReplicas', message: 'the desired replica count is more than the maximum replica count' };
const TOO_FEW = { reason: 'TooFewReplicas', message: 'the desired replica count is less than the minimum replica count' };

/** record replaces the oldest expired sample (or appends), as upstream reuses slots. */
function record(recs: Recommendation[], expired: number, rec: Recommendation): void {
  if (expired >= 0) recs[expired] = rec;
  else recs.push(rec);
}

function limited(replicas: number, stabilized: number, cond: { reason: string; message: string }): Outcome['scalingLimited'] {
  return { status: replicas === stabilized ? 'False' : 'True', ...cond };
}

/** normalizeDesiredReplicas is the no-behavior path. `recs` is updated in place. */
export function normalizeDesiredReplicas(recs: Recommendation[], now: number, current: number, desired: number, min: number, max: number): Outcome {
  let stabilized = desired;
  let expired = -1;
  recs.forEach((r, i) => {
    if (r.at < now - DOWNSCALE_STABILIZATION_MS) expired = i;
    else if (r.replicas > stabilized) stabilized = r.replicas;
  });
  record(recs, expired, { replicas: desired, at: now });
  const ableToScale = stabilized !== desired ? DOWN_STABILIZED : READY;
  // calculateScaleUpLimit: guard against bogus usage spikes.
  const scaleUpLimit = Math.max(2 * current, 4);
  const [maxAllowed, maxCond] = max > scaleUpLimit ? [scaleUpLimit, SCALE_UP_LIMIT] : [max, TOO_MANY];
  let replicas = stabilized;
  let cond = WITHIN_RANGE;
  if (stabilized < min) [replicas, cond] = [min, TOO_FEW];
  else if (stabilized > maxAllowed) [replicas, cond] = [maxAllowed, maxCond];
  return { replicas, ableToScale, scalingLimited: limited(replicas, stabilized, cond) };
}

/** changeInPeriod sums the changes of the events within the last `periodSeconds`. */
function changeInPeriod(events: readonly ScaleEvent[], periodSeconds: number, now: number): number {
  return events.filter((e) => e.at > now - periodSeconds * 1000).reduce((s, e) => s + e.change, 0);
}

/** scaleUpLimit is calculateScaleUpLimitWithScalingRules. */
function scaleUpLimit(current: number, ups: readonly ScaleEvent[], downs: readonly ScaleEvent[], rules: HPAScalingRules, now: number): number {
  if (rules.selectPolicy === 'Disabled') return current;
  const pick = rules.selectPolicy === 'Min' ? Math.min : Math.max;
  let result = rules.selectPolicy === 'Min' ? Infinity : -Infinity;
  for (const p of rules.policies ?? []) {
    const start = current - changeInPeriod(ups, p.periodSeconds, now) + changeInPeriod(downs, p.periodSeconds, now);
    const proposed = p.type === 'Pods' ? start + p.value : Math.ceil(start * (1 + p.value / 100));
    result = pick(result, proposed);
  }
  return result;
}

/** scaleDownLimit is calculateScaleDownLimitWithBehaviors. */
function scaleDownLimit(current: number, ups: readonly ScaleEvent[], downs: readonly ScaleEvent[], rules: HPAScalingRules, now: number): number {
  if (rules.selectPolicy === 'Disabled') return current;
  const pick = rules.selectPolicy === 'Min' ? Math.max : Math.min;
  let result = rules.selectPolicy === 'Min' ? -Infinity : Infinity;
  for (const p of rules.policies ?? []) {
    const start = current - changeInPeriod(ups, p.periodSeconds, now) + changeInPeriod(downs, p.periodSeconds, now);
    const proposed = p.type === 'Pods' ? start - p.value : Math.trunc(start * (1 - p.value / 100));
    result = pick(result, proposed);
  }
  return result;
}

/** BehaviorState is what the behavior path remembers per HPA. */
export interface BehaviorState {
  recommendations: Recommendation[];
  scaleUpEvents: ScaleEvent[];
  scaleDownEvents: ScaleEvent[];
}

/** normalizeDesiredReplicasWithBehaviors is the `spec.behavior` path. `state.recommendations` is updated in place. */
export function normalizeDesiredReplicasWithBehaviors(
  state: BehaviorState,
  now: number,
  current: number,
  desired: number,
  min: number,
  max: number,
  up: HPAScalingRules,
  down: HPAScalingRules,
): Outcome {
  const upCutoff = now - (up.stabilizationWindowSeconds ?? 0) * 1000;
  const downCutoff = now - (down.stabilizationWindowSeconds ?? DOWNSCALE_STABILIZATION_MS / 1000) * 1000;
  let upRec = desired;
  let downRec = desired;
  let expired = -1;
  state.recommendations.forEach((r, i) => {
    if (r.at > upCutoff) upRec = Math.min(r.replicas, upRec);
    if (r.at > downCutoff) downRec = Math.max(r.replicas, downRec);
    if (r.at < upCutoff && r.at < downCutoff) expired = i;
  });
  let stabilized = current;
  if (stabilized < upRec) stabilized = upRec;
  if (stabilized > downRec) stabilized = downRec;
  record(state.recommendations, expired, { replicas: desired, at: now });
  const ableToScale = stabilized === desired ? READY : desired >= current ? UP_STABILIZED : DOWN_STABILIZED;

  let replicas = stabilized;
  let cond = WITHIN_RANGE;
  if (stabilized > current) {
    const limit = Math.max(scaleUpLimit(current, state.scaleUpEvents, state.scaleDownEvents, up, now), current);
    const [allowed, c] = max > limit ? [limit, SCALE_UP_LIMIT] : [max, TOO_MANY];
    if (stabilized > allowed) [replicas, cond] = [allowed, c];
  } else if (stabilized < current) {
    const limit = Math.min(scaleDownLimit(current, state.scaleUpEvents, state.scaleDownEvents, down, now), current);
    const [allowed, c] = min < limit ? [limit, SCALE_DOWN_LIMIT] : [min, TOO_FEW];
    if (stabilized < allowed) [replicas, cond] = [allowed, c];
  }
  return { replicas, ableToScale, scalingLimited: limited(replicas, stabilized, cond) };
}

/** longestPeriodSeconds is how long scale events must be kept for the rules' policies. */
export function longestPeriodSeconds(rules: HPAScalingRules | undefined): number {
  return Math.max(0, ...(rules?.policies ?? []).map((p) => p.periodSeconds));
}
