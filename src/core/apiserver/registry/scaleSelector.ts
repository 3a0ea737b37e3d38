/**
 * formatLabelSelectorForScale renders a selector the way Scale.status.selector carries it
 * (metav1.LabelSelectorAsSelector(...).String(), "" for none).
 */
import { selectorFromLabelSelector, selectorToString } from '../../api/labels.ts';
import type { LabelSelector } from 'kubernetes-types/meta/v1';

export function formatLabelSelectorForScale(ls: LabelSelector | undefined): string {
  if (!ls) return '';
  try {
    return selectorToString(selectorFromLabelSelector(ls));
  } catch {
    return '';
  }
}
