/**
 * Label selectors: requirements, matching, canonical strings and formatting.
 *
 * Models k8s.io/apimachinery/pkg/labels (selector.go, labels.go) and the
 * LabelSelector helpers of k8s.io/apimachinery/pkg/apis/meta/v1/helpers.go.
 * The string grammar lives in labelSelectorParser.ts.
 */
import type { LabelSelector } from 'kubernetes-types/meta/v1';
import { goQuote, goStringSlice, parseGoInt64 } from './goFormat.ts';
import { isQualifiedName, isValidLabelValue } from './nameValidation.ts';

export { parseSelector } from './labelSelectorParser.ts';
export { validateLabelKey, validateLabelValue } from './labelValidation.ts';

/** Operator is selection.Operator: the spellings upstream uses internally. */
export type Operator = '=' | '==' | '!=' | 'in' | 'notin' | 'exists' | '!' | 'gt' | 'lt';

/** Requirement is one clause of a selector: a key, an operator and its values. */
export interface Requirement {
  readonly key: string;
  readonly operator: Operator;
  readonly values: readonly string[];
}

/**
 * Selector is labels.Selector: the AND of its requirements, sorted by key.
 * `nothing` marks labels.Nothing(), the selector a nil LabelSelector turns into.
 */
export interface Selector {
  readonly requirements: readonly Requirement[];
  readonly nothing?: boolean;
}

/** SelectorError is a selector that failed to parse or validate; its message is upstream's text. */
export class SelectorError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SelectorError';
  }
}

/** everything is labels.Everything(): matches every label set. */
export const everything: Selector = Object.freeze({ requirements: Object.freeze([]) });

/** nothing is labels.Nothing(): matches no label set. */
export const nothing: Selector = Object.freeze({ requirements: Object.freeze([]), nothing: true });

/** RequirementPath is where requirement errors point: `undefined` is upstream's nil path. */
export type RequirementPath = string | undefined;

function child(path: RequirementPath, name: string): string {
  return path === undefined || path === '' ? name : `${path}.${name}`;
}

/**
 * newRequirement builds a requirement, checking key, operator arity and values
 * with labels.NewRequirement's messages. `values` null means a Go nil slice
 * (matters only for how an error prints it). Throws SelectorError.
 */
export function newRequirement(
  key: string,
  operator: Operator,
  values: readonly string[] | null,
  path?: RequirementPath,
): Requirement {
  const errs: string[] = [];
  const keyErrs = isQualifiedName(key);
  if (keyErrs.length > 0) errs.push(`${child(path, 'key')}: Invalid value: ${goQuote(key)}: ${keyErrs.join('; ')}`);
  const vals = values ?? [];
  const valuePath = child(path, 'values');
  const badValues = (detail: string) => errs.push(`${valuePath}: Invalid value: ${goStringSlice(values)}: ${detail}`);
  switch (operator) {
    case 'in':
    case 'notin':
      if (vals.length === 0) badValues("for 'in', 'notin' operators, values set can't be empty");
      break;
    case '=':
    case '==':
    case '!=':
      if (vals.length !== 1) badValues('exact-match compatibility requires one single value');
      break;
    case 'exists':
    case '!':
      if (vals.length !== 0) badValues('values set must be empty for exists and does not exist');
      break;
    case 'gt':
    case 'lt':
      if (vals.length !== 1) badValues("for 'Gt', 'Lt' operators, exactly one value is required");
      vals.forEach((v, i) => {
        if (parseGoInt64(v) === null) {
          errs.push(`${valuePath}[${i}]: Invalid value: ${goQuote(v)}: for 'Gt', 'Lt' operators, the value must be an integer`);
        }
      });
      break;
  }
  vals.forEach((v, i) => {
    const valueErrs = isValidLabelValue(v);
    if (valueErrs.length > 0) {
      errs.push(`${valuePath}[${i}][${key}]: Invalid value: ${goQuote(v)}: ${valueErrs.join('; ')}`);
    }
  });
  if (errs.length > 0) throw new SelectorError(aggregate(errs));
  return { key, operator, values: [...vals] };
}

/** aggregate renders an error list as utilerrors.Aggregate does: one message bare, several in brackets. */
export function aggregate(messages: string[]): string {
  const unique = [...new Set(messages)];
  return unique.length === 1 ? unique[0]! : `[${unique.join(', ')}]`;
}

/** byKey sorts requirements by key, keeping the input order of equal keys. */
export function sortByKey(reqs: Requirement[]): Requirement[] {
  return reqs
    .map((r, i) => ({ r, i }))
    .sort((a, b) => (a.r.key < b.r.key ? -1 : a.r.key > b.r.key ? 1 : a.i - b.i))
    .map((x) => x.r);
}

/** requirementMatches is Requirement.Matches. */
export function requirementMatches(r: Requirement, labels: Readonly<Record<string, string>>): boolean {
  const has = Object.prototype.hasOwnProperty.call(labels, r.key);
  const value = has ? labels[r.key]! : '';
  switch (r.operator) {
    case 'in':
    case '=':
    case '==':
      return has && r.values.includes(value);
    case 'notin':
    case '!=':
      return !has || !r.values.includes(value);
    case 'exists':
      return has;
    case '!':
      return !has;
    case 'gt':
    case 'lt': {
      if (!has || r.values.length !== 1) return false;
      const actual = parseGoInt64(value);
      const bound = parseGoInt64(r.values[0]!);
      if (actual === null || bound === null) return false;
      return r.operator === 'gt' ? actual > bound : actual < bound;
    }
  }
}

/** matches reports whether a label set satisfies every requirement of the selector. */
export function matches(selector: Selector, labels: Readonly<Record<string, string>> | undefined): boolean {
  if (selector.nothing) return false;
  const set = labels ?? {};
  return selector.requirements.every((r) => requirementMatches(r, set));
}

/** isEmptySelector is Selector.Empty(): true when it restricts nothing. */
export function isEmptySelector(selector: Selector): boolean {
  return !selector.nothing && selector.requirements.length === 0;
}

/** requirementToString renders one requirement in canonical form (`a in (x,y)`, `!b`, `c!=d`). */
export function requirementToString(r: Requirement): string {
  const prefix = r.operator === '!' ? '!' : '';
  if (r.operator === 'exists' || r.operator === '!') return `${prefix}${r.key}`;
  const op = { '=': '=', '==': '==', '!=': '!=', in: ' in ', notin: ' notin ', gt: '>', lt: '<' }[r.operator];
  // Upstream sorts values on output only when there is more than one.
  const values = r.values.length === 1 ? r.values[0]! : [...r.values].sort().join(',');
  const body = r.operator === 'in' || r.operator === 'notin' ? `(${values})` : values;
  return `${r.key}${op}${body}`;
}

/** selectorToString is Selector.String(): requirements joined by ",", "" for everything and nothing. */
export function selectorToString(selector: Selector): string {
  return selector.requirements.map(requirementToString).join(',');
}

/** requiresExactMatch is Selector.RequiresExactMatch: the value a key must have, if the selector pins one. */
export function requiresExactMatch(selector: Selector, key: string): string | undefined {
  const r = selector.requirements.find((x) => x.key === key);
  if (!r) return undefined;
  if ((r.operator === '=' || r.operator === '==' || r.operator === 'in') && r.values.length === 1) return r.values[0];
  return undefined;
}

/** selectorFromSet is labels.SelectorFromSet: key=value for each entry, unvalidated, sorted by key. */
export function selectorFromSet(set: Readonly<Record<string, string>> | undefined): Selector {
  const reqs = Object.entries(set ?? {}).map(([key, value]): Requirement => ({ key, operator: '=', values: [value] }));
  return { requirements: sortByKey(reqs) };
}

/** validatedSelectorFromSet is labels.ValidatedSelectorFromSet: like selectorFromSet, but throws SelectorError on bad keys/values. */
export function validatedSelectorFromSet(set: Readonly<Record<string, string>> | undefined): Selector {
  const reqs = Object.entries(set ?? {}).map(([key, value]) => newRequirement(key, '=', [value]));
  return { requirements: sortByKey(reqs) };
}

/**
 * selectorFromLabelSelector is metav1.LabelSelectorAsSelector: a nil selector
 * selects nothing, an empty one everything. Throws SelectorError with upstream's text.
 */
export function selectorFromLabelSelector(ls: LabelSelector | null | undefined): Selector {
  if (ls === null || ls === undefined) return nothing;
  const matchLabels = Object.entries(ls.matchLabels ?? {});
  const exprs = ls.matchExpressions ?? [];
  if (matchLabels.length + exprs.length === 0) return everything;
  const reqs: Requirement[] = matchLabels.map(([k, v]) => newRequirement(k, '=', [v]));
  for (const expr of exprs) {
    const op = ({ In: 'in', NotIn: 'notin', Exists: 'exists', DoesNotExist: '!' } as const)[
      expr.operator as 'In' | 'NotIn' | 'Exists' | 'DoesNotExist'
    ];
    if (op === undefined) throw new SelectorError(`${goQuote(expr.operator)} is not a valid label selector operator`);
    // Upstream copies values with append([]string(nil), ...): an empty list is a nil slice.
    const values = expr.values && expr.values.length > 0 ? expr.values : null;
    reqs.push(newRequirement(expr.key, op, values));
  }
  return { requirements: sortByKey(reqs) };
}

/**
 * formatLabelSelector is metav1.FormatLabelSelector, used by wide SELECTOR
 * columns: the canonical string, `<none>` when empty, `<error>` when invalid.
 */
export function formatLabelSelector(ls: LabelSelector | null | undefined): string {
  let text: string;
  try {
    text = selectorToString(selectorFromLabelSelector(ls));
  } catch {
    return '<error>';
  }
  return text === '' ? '<none>' : text;
}

/**
 * labelSelectorString is LabelSelectorAsSelector(ls).String() with the error dropped, as
 * describers and Scale.status.selector use it: "" for nil, empty or invalid selectors.
 */
export function labelSelectorString(ls: LabelSelector | null | undefined): string {
  try {
    return selectorToString(selectorFromLabelSelector(ls));
  } catch {
    return '';
  }
}

/**
 * labelsToString is labels.Set.String(): the `key=value` pairs sorted as whole strings
 * (so "app.kubernetes.io/name=x" sorts before "app=y"), "" when empty.
 */
export function labelsToString(set: Readonly<Record<string, string>> | null | undefined): string {
  return Object.entries(set ?? {})
    .map(([k, v]) => `${k}=${v}`)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .join(',');
}

/** formatLabels is labels.FormatLabels: like labelsToString but `<none>` when empty. */
export function formatLabels(set: Readonly<Record<string, string>> | null | undefined): string {
  const text = labelsToString(set);
  return text === '' ? '<none>' : text;
}
