/**
 * `kubectl describe configmap` (describe.go: ConfigMapDescriber).
 */
import type { ConfigMap } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../core/api/types.ts';
import { describeEvents } from './events.ts';
import { printAnnotationsMultiline, printLabelsMultiline } from './metaSections.ts';
import { LEVEL_0, tabbedString } from './prefixWriter.ts';
import type { DescribeContext } from './types.ts';
import { base64DecodedLength } from '../../core/api/encoding.ts';

/** describeConfigMap renders `kubectl describe configmap`: each key, a dashed rule, then its value. */
export function describeConfigMap(obj: KubeObject, ctx: DescribeContext): string {
  const cm = obj as unknown as ConfigMap;
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${cm.metadata?.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${cm.metadata?.namespace ?? ''}\n`);
    printLabelsMultiline(w, 'Labels', cm.metadata?.labels);
    printAnnotationsMultiline(w, 'Annotations', cm.metadata?.annotations);
    w.write(LEVEL_0, '\nData\n====\n');
    // NOTE: upstream ranges over a Go map (random order); we sort keys for stable output.
    for (const key of Object.keys(cm.data ?? {}).sort()) {
      w.write(LEVEL_0, `${key}:\n----\n`);
      w.write(LEVEL_0, `${cm.data![key]}\n`);
      w.write(LEVEL_0, '\n');
    }
    w.write(LEVEL_0, '\nBinaryData\n====\n');
    for (const key of Object.keys(cm.binaryData ?? {}).sort()) {
      w.write(LEVEL_0, `${key}: ${base64DecodedLength(cm.binaryData![key]!)} bytes\n`);
    }
    w.write(LEVEL_0, '\n');
    if (ctx.events) describeEvents(ctx.events, w, ctx.now);
  });
}
