import { describe, expect, it } from 'vitest';
import { defaultScaleDownRules, defaultScaleUpRules } from '../../api/defaults/autoscaling.ts';
import { normalizeDesiredReplicas, normalizeDesiredReplicasWithBehaviors, type BehaviorState, type Recommendation } from './normalize.ts';

describe('HPA normalization without behavior', () => {
  it('limits a scale up to max(2 × current, 4)', () => {
    const out = normalizeDesiredReplicas([], 0, 1, 9, 1, 10);
    expect(out.replicas).toBe(4);
    expect(out.scalingLimited).toEqual({ status: 'True', reason: 'ScaleUpLimit', message: 'the desired replica count is increasing faster than the maximum scale rate' });
  });

  it('keeps the highest recommendation of the last 5 minutes before scaling down', () => {
    const recs: Recommendation[] = [];
    expect(normalizeDesiredReplicas(recs, 0, 5, 5, 1, 10).replicas).toBe(5);
    const held = normalizeDesiredReplicas(recs, 60_000, 5, 1, 1, 10);
    expect(held.replicas).toBe(5);
    expect(held.ableToScale.reason).toBe('ScaleDownStabilized');
    // 5 minutes after the last high recommendation only low ones remain.
    expect(normalizeDesiredReplicas(recs, 300_001, 5, 1, 1, 10).replicas).toBe(1);
  });

  it('reports TooFewReplicas and TooManyReplicas', () => {
    expect(normalizeDesiredReplicas([], 0, 1, 0, 1, 10).scalingLimited.reason).toBe('TooFewReplicas');
    expect(normalizeDesiredReplicas([], 0, 4, 9, 1, 6)).toMatchObject({ replicas: 6, scalingLimited: { status: 'True', reason: 'TooManyReplicas' } });
  });
});

describe('HPA normalization with behavior', () => {
  const state = (): BehaviorState => ({ recommendations: [], scaleUpEvents: [], scaleDownEvents: [] });

  it('applies the default scale-up policies: max(+4 pods, +100%) per 15 s', () => {
    expect(normalizeDesiredReplicasWithBehaviors(state(), 0, 2, 10, 1, 20, defaultScaleUpRules(), defaultScaleDownRules()).replicas).toBe(6);
    expect(normalizeDesiredReplicasWithBehaviors(state(), 0, 10, 30, 1, 40, defaultScaleUpRules(), defaultScaleDownRules()).replicas).toBe(20);
  });

  it('counts earlier scale events of the period against the limit', () => {
    const st = state();
    st.scaleUpEvents.push({ change: 4, at: -5_000 });
    // Started the period at 2 (6 now - 4 added): max(2 + 4, 2 × 2) = 6 ⇒ no further scale up yet.
    const out = normalizeDesiredReplicasWithBehaviors(st, 0, 6, 10, 1, 20, defaultScaleUpRules(), defaultScaleDownRules());
    expect(out.replicas).toBe(6);
    expect(out.scalingLimited.reason).toBe('ScaleUpLimit');
  });

  it('honours a Pods scale-down policy and a disabled direction', () => {
    const down = { stabilizationWindowSeconds: 0, selectPolicy: 'Max' as const, policies: [{ type: 'Pods' as const, value: 1, periodSeconds: 60 }] };
    expect(normalizeDesiredReplicasWithBehaviors(state(), 0, 5, 1, 1, 10, defaultScaleUpRules(), down)).toMatchObject({ replicas: 4, scalingLimited: { reason: 'ScaleDownLimit' } });
    const disabled = { ...defaultScaleUpRules(), selectPolicy: 'Disabled' as const };
    expect(normalizeDesiredReplicasWithBehaviors(state(), 0, 3, 8, 1, 10, disabled, defaultScaleDownRules()).replicas).toBe(3);
  });
});
