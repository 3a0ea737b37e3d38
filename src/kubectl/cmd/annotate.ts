/**
 * kubectl annotate (staging/src/k8s.io/kubectl/pkg/cmd/annotate/annotate.go): add, change
 * or remove annotations; every changed object reads `pod/x annotated`.
 */
import type { KubectlCommand } from '../command.ts';
import { runMetadataUpdate } from './metadataUpdate.ts';

export const annotate: KubectlCommand = {
  name: 'annotate',
  short: 'Update the annotations on a resource',
  run: (inv) => runMetadataUpdate(inv, { field: 'annotations', noun: 'annotation', done: 'annotated' }),
};
