/**
 * `kubectl describe secret` (describe.go: describeSecret): values are never shown,
 * only their sizes — except a service-account token's `token`.
 */
import type { Secret } from 'kubernetes-types/core/v1';
import { base64DecodedLength, decodeBase64String } from '../../core/api/encoding.ts';
import type { KubeObject } from '../../core/api/types.ts';
import { printAnnotationsMultiline, printLabelsMultiline } from './metaSections.ts';
import { LEVEL_0, tabbedString } from './prefixWriter.ts';
import type { DescribeContext } from './types.ts';

/** describeSecret renders `kubectl describe secret`. */
export function describeSecret(obj: KubeObject, _ctx: DescribeContext): string {
  const secret = obj as unknown as Secret;
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${secret.metadata?.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${secret.metadata?.namespace ?? ''}\n`);
    printLabelsMultiline(w, 'Labels', secret.metadata?.labels);
    printAnnotationsMultiline(w, 'Annotations', secret.metadata?.annotations);
    w.write(LEVEL_0, `\nType:\t${secret.type ?? ''}\n`);
    w.write(LEVEL_0, '\nData\n====\n');
    const data = secret.data ?? {};
    for (const key of Object.keys(data).sort()) {
      if (key === 'token' && secret.type === 'kubernetes.io/service-account-token') {
        w.write(LEVEL_0, `${key}:\t${decodeBase64String(data[key]!)}\n`);
      } else {
        w.write(LEVEL_0, `${key}:\t${base64DecodedLength(data[key]!)} bytes\n`);
      }
    }
  });
}
