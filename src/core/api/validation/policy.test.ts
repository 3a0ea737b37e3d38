import { describe, expect, it } from 'vitest';
import type { PodDisruptionBudget } from 'kubernetes-types/policy/v1';
import { invalid } from '../status.ts';
import { namePathSegment, validatePodDisruptionBudget } from './policy.ts';

/** message renders the 422 a create of this spec would get. */
function message(spec: PodDisruptionBudget['spec'], name = 'web'): string {
  const errs = validatePodDisruptionBudget({ metadata: { name, namespace: 'default' }, spec });
  return errs.length === 0 ? '' : invalid('policy', 'PodDisruptionBudget', name, errs).message;
}

const selector = { matchLabels: { app: 'web' } };

describe('PodDisruptionBudget validation', () => {
  it('accepts integers and percentages', () => {
    expect(message({ selector, minAvailable: 1 })).toBe('');
    expect(message({ selector, maxUnavailable: '50%' })).toBe('');
    expect(message({ selector, minAvailable: '100%', unhealthyPodEvictionPolicy: 'AlwaysAllow' })).toBe('');
  });

  it('refuses both minAvailable and maxUnavailable, printing the spec as Go does', () => {
    expect(message({ selector, minAvailable: 1, maxUnavailable: 1 })).toMatch(
      /^PodDisruptionBudget\.policy "web" is invalid: spec: Invalid value: policy\.PodDisruptionBudgetSpec\{MinAvailable:\(\*intstr\.IntOrString\)\(0xc[0-9a-f]+\), Selector:\(\*v1\.LabelSelector\)\(0xc[0-9a-f]+\), MaxUnavailable:\(\*intstr\.IntOrString\)\(0xc[0-9a-f]+\), UnhealthyPodEvictionPolicy:\(\*policy\.UnhealthyPodEvictionPolicyType\)\(nil\)\}: minAvailable and maxUnavailable cannot be both set$/,
    );
  });

  it('checks percent syntax, the 100% ceiling, negatives and the eviction policy', () => {
    expect(message({ selector, minAvailable: '50' })).toBe(
      `PodDisruptionBudget.policy "web" is invalid: spec.minAvailable: Invalid value: 50: a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')`,
    );
    expect(message({ selector, maxUnavailable: '150%' })).toBe(
      'PodDisruptionBudget.policy "web" is invalid: spec.maxUnavailable: Invalid value: 150%: must not be greater than 100%',
    );
    expect(message({ selector, minAvailable: -1 })).toBe(
      'PodDisruptionBudget.policy "web" is invalid: spec.minAvailable: Invalid value: -1: must be greater than or equal to 0',
    );
    expect(message({ selector, minAvailable: 1, unhealthyPodEvictionPolicy: 'Sometimes' })).toBe(
      'PodDisruptionBudget.policy "web" is invalid: spec.unhealthyPodEvictionPolicy: Unsupported value: "Sometimes": supported values: "AlwaysAllow", "IfHealthyBudget"',
    );
  });

  it('only asks the name to be a path segment', () => {
    expect(message({ selector, minAvailable: 1 }, 'Web_PDB')).toBe('');
    expect(namePathSegment('a/b', false)).toEqual(["may not contain '/'"]);
    expect(namePathSegment('..', false)).toEqual(["may not be '..'"]);
  });
});
