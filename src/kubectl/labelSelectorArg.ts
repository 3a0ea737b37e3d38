/**
 * labelSelectorArg: metav1.ParseToLabelSelector, the conversion kubectl applies to a
 * selector typed on the command line (`set selector`), over core's faithful port of
 * labels.Parse. Equality terms become matchLabels; set-based terms become
 * matchExpressions (values sorted, as sets.String.List() returns them); `!=`, `gt` and
 * `lt` have no LabelSelector form and fail with upstream's words.
 */
import type { LabelSelector, LabelSelectorRequirement } from 'kubernetes-types/meta/v1';
import { parseSelector, SelectorError, type Operator } from '../core/api/labels.ts';
import { CommandError } from './errors.ts';

const OPERATORS: Partial<Record<Operator, string>> = {
  in: 'In',
  notin: 'NotIn',
  exists: 'Exists',
  '!': 'DoesNotExist',
};

/**
 * parseToLabelSelector converts `a=b,c in (x,y),!d` into a LabelSelector whose
 * matchLabels and matchExpressions are always present (possibly empty), as upstream
 * builds them. Throws CommandError with ParseToLabelSelector's messages.
 */
export function parseToLabelSelector(text: string): Required<Pick<LabelSelector, 'matchLabels' | 'matchExpressions'>> {
  let requirements;
  try {
    requirements = parseSelector(text).requirements;
  } catch (err) {
    if (!(err instanceof SelectorError)) throw err;
    throw new CommandError(`error: couldn't parse the selector string "${text}": ${err.message}`);
  }
  const matchLabels: Record<string, string> = {};
  const matchExpressions: LabelSelectorRequirement[] = [];
  for (const r of requirements) {
    if (r.operator === '=' || r.operator === '==') {
      matchLabels[r.key] = r.values[0] ?? '';
      continue;
    }
    if (r.operator === 'gt' || r.operator === 'lt') throw new CommandError(`error: "${r.operator}" isn't supported in label selectors`);
    const operator = OPERATORS[r.operator];
    if (!operator) throw new CommandError(`error: "${r.operator}" is not a valid label selector operator`);
    matchExpressions.push({ key: r.key, operator, values: [...r.values].sort() });
  }
  return { matchLabels, matchExpressions };
}

/** goRequirements prints matchExpressions as Go's %v does for a []LabelSelectorRequirement: `[{app In [a b]}]`. */
export function goRequirements(reqs: LabelSelectorRequirement[]): string {
  return `[${reqs.map((r) => `{${r.key} ${r.operator} [${(r.values ?? []).join(' ')}]}`).join(' ')}]`;
}
