/**
 * Bad values that print themselves in Go syntax, for the upstream messages that embed
 * `%#v` output (a label map, a LabelSelector struct). See GoStringer in ../status.ts.
 */
import type { LabelSelector } from 'kubernetes-types/meta/v1';
import type { GoStringer } from '../status.ts';

/** goStringMap renders a map[string]string as %#v does: keys sorted, `map[string]string{"a":"1", "b":"2"}`. */
export function goStringMap(m: Readonly<Record<string, string>> | undefined): GoStringer {
  return {
    goString: () => {
      if (m === undefined) return 'map[string]string(nil)';
      const entries = Object.keys(m)
        .sort()
        .map((k) => `${JSON.stringify(k)}:${JSON.stringify(m[k])}`);
      return `map[string]string{${entries.join(', ')}}`;
    },
  };
}

/**
 * goLabelSelector renders a metav1.LabelSelector as real API servers print it in
 * `spec.selector: Invalid value: v1.LabelSelector{...}: field is immutable`.
 */
export function goLabelSelector(sel: LabelSelector | undefined): GoStringer {
  return {
    goString: () => {
      if (!sel) return '(*v1.LabelSelector)(nil)';
      const labels = sel.matchLabels ? goStringMap(sel.matchLabels).goString() : 'map[string]string(nil)';
      const exprs = sel.matchExpressions?.length
        ? `[]v1.LabelSelectorRequirement{${sel.matchExpressions
            .map(
              (e) =>
                `v1.LabelSelectorRequirement{Key:${JSON.stringify(e.key)}, Operator:${JSON.stringify(e.operator)}, Values:${
                  e.values ? `[]string{${e.values.map((v) => JSON.stringify(v)).join(', ')}}` : '[]string(nil)'
                }}`,
            )
            .join(', ')}}`
        : '[]v1.LabelSelectorRequirement(nil)';
      return `v1.LabelSelector{MatchLabels:${labels}, MatchExpressions:${exprs}}`;
    },
  };
}

/** goStringSliceValue renders a []string as %#v does: `[]string{"a", "b"}`. */
export function goStringSliceValue(values: readonly string[]): GoStringer {
  return { goString: () => `[]string{${values.map((v) => JSON.stringify(v)).join(', ')}}` };
}
