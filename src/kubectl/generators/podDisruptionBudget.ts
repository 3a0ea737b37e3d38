/**
 * `kubectl create poddisruptionbudget|pdb NAME --selector=SELECTOR --min-available=N|--max-unavailable=N`
 *
 * Models create_pdb.go. Numbers become integers, anything else (e.g. "50%") stays a string.
 */
import type { GeneratorContext } from './context.ts';
import { objectMeta, type GeneratedObject } from './meta.ts';
import { UsageError, exactlyOneName } from './usageError.ts';

/** PodDisruptionBudgetFlags are the parsed flags of `create pdb`. */
export interface PodDisruptionBudgetFlags {
  /** --selector: label selector (equality terms; set-based terms become matchExpressions). */
  selector?: string;
  /** --min-available: number or percentage. */
  minAvailable?: string;
  /** --max-unavailable: number or percentage. */
  maxUnavailable?: string;
}

function intOrString(value: string): number | string {
  return /^-?[0-9]+$/.test(value) ? Number(value) : value;
}

/** labelSelector turns "a=b,c!=d,e in (f,g)" into a metav1.LabelSelector (ParseToLabelSelector). */
export function labelSelector(spec: string): Record<string, unknown> {
  const matchLabels: Record<string, string> = {};
  const matchExpressions: unknown[] = [];
  const terms = spec.match(/(?:[^,(]|\([^)]*\))+/g) ?? [];
  for (const raw of terms) {
    const term = raw.trim();
    let m: RegExpMatchArray | null;
    if ((m = term.match(/^([^!=\s]+)\s*(==?)\s*(.*)$/))) matchLabels[m[1]] = m[3];
    else if ((m = term.match(/^([^!=\s]+)\s*!=\s*(.*)$/))) matchExpressions.push({ key: m[1], operator: 'NotIn', values: [m[2]] });
    else if ((m = term.match(/^(\S+)\s+(in|notin)\s+\((.*)\)$/))) {
      const values = m[3].split(',').map((v) => v.trim()).sort();
      matchExpressions.push({ key: m[1], operator: m[2] === 'in' ? 'In' : 'NotIn', values });
    } else if ((m = term.match(/^!(\S+)$/))) matchExpressions.push({ key: m[1], operator: 'DoesNotExist' });
    else matchExpressions.push({ key: term, operator: 'Exists' });
  }
  const selector: Record<string, unknown> = {};
  if (Object.keys(matchLabels).length > 0) selector.matchLabels = matchLabels;
  if (matchExpressions.length > 0) selector.matchExpressions = matchExpressions;
  return selector;
}

/** generatePodDisruptionBudget builds the policy/v1 PodDisruptionBudget kubectl would create. */
export function generatePodDisruptionBudget(args: string[], flags: PodDisruptionBudgetFlags, ctx?: GeneratorContext): GeneratedObject {
  const name = exactlyOneName(args);
  const min = flags.minAvailable ?? '';
  const max = flags.maxUnavailable ?? '';
  if (!flags.selector) throw new UsageError('a selector must be specified');
  if (min === '' && max === '') throw new UsageError('one of min-available or max-unavailable must be specified');
  if (min !== '' && max !== '') throw new UsageError('min-available and max-unavailable cannot be both specified');
  const spec: Record<string, unknown> = {};
  if (min !== '') spec.minAvailable = intOrString(min);
  spec.selector = labelSelector(flags.selector);
  if (max !== '') spec.maxUnavailable = intOrString(max);
  return {
    kind: 'PodDisruptionBudget',
    apiVersion: 'policy/v1',
    metadata: objectMeta(name, ctx),
    spec,
    status: { disruptionsAllowed: 0, currentHealthy: 0, desiredHealthy: 0, expectedPods: 0 },
  };
}
