/**
 * kubectl label (staging/src/k8s.io/kubectl/pkg/cmd/label/label.go): add, change or
 * remove labels; `pod/x labeled`, `unlabeled`, or `not labeled` when nothing changed.
 */
import type { KubectlCommand } from '../command.ts';
import { runMetadataUpdate } from './metadataUpdate.ts';

export const label: KubectlCommand = {
  name: 'label',
  short: 'Update the labels on a resource',
  run: (inv) => runMetadataUpdate(inv, { field: 'labels', noun: 'label', done: 'labeled' }),
};
