import { describe, expect, it } from 'vitest';
import type { InlinePod } from '../toFlow.ts';
import { inlinePodSig, planPodPatches } from './podPatchPlan.ts';

const pod = (name: string, status: string, x = 10, y = 44): InlinePod => ({ id: `/pods/default/${name}`, kind: 'Pod', name, namespace: 'default', status, tone: 'pending', ready: false, x, y });

describe('planPodPatches', () => {
  it('creates every pod the first time', () => {
    const plan = planPodPatches(new Map(), [pod('a', 'Pending'), pod('b', 'Pending')], undefined);
    expect(plan.upsert.map((p) => p.name)).toEqual(['a', 'b']);
    expect(plan.remove).toEqual([]);
  });

  it('touches only pods whose look changed, and removes pods that left', () => {
    const a = pod('a', 'Pending');
    const b = pod('b', 'Pending');
    const c = pod('c', 'Pending');
    const shown = new Map([a, b, c].map((p) => [p.id, inlinePodSig(p, false)]));
    const plan = planPodPatches(shown, [a, { ...b, status: 'ContainerCreating' }], undefined);
    expect(plan.upsert.map((p) => `${p.name} ${p.status}`)).toEqual(['b ContainerCreating']);
    expect(plan.remove).toEqual(['/pods/default/c']);
  });

  it('treats selection and a new slot as changes', () => {
    const a = pod('a', 'Running');
    const shown = new Map([[a.id, inlinePodSig(a, false)]]);
    expect(planPodPatches(shown, [a], a.id).upsert).toHaveLength(1);
    expect(planPodPatches(shown, [{ ...a, y: 96 }], undefined).upsert).toHaveLength(1);
    expect(planPodPatches(shown, [a], undefined).upsert).toHaveLength(0);
  });
});
