/**
 * `kubectl describe serviceaccount` as of v1.32 (describe.go:
 * ServiceAccountDescriber): image pull secrets, mountable secrets, legacy token
 * secrets, with "(not found)" for references to missing secrets.
 */
import type { Secret, ServiceAccount } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../core/api/types.ts';
import { describeEvents } from './events.ts';
import { printAnnotationsMultiline, printLabelsMultiline } from './metaSections.ts';
import { LEVEL_0, tabbedString } from './prefixWriter.ts';
import type { DescribeContext } from './types.ts';

const SA_NAME_ANNOTATION = 'kubernetes.io/service-account.name';
const SA_UID_ANNOTATION = 'kubernetes.io/service-account.uid';

/** describeServiceAccount renders `kubectl describe serviceaccount`. */
export function describeServiceAccount(obj: KubeObject, ctx: DescribeContext): string {
  const sa = obj as unknown as ServiceAccount;
  const tokens: Secret[] = [];
  const missing = new Set<string>();
  if (ctx.secrets) {
    const existing = new Set<string>();
    for (const s of ctx.secrets) {
      if (
        s.type === 'kubernetes.io/service-account-token' &&
        s.metadata?.annotations?.[SA_NAME_ANNOTATION] === sa.metadata?.name &&
        s.metadata?.annotations?.[SA_UID_ANNOTATION] === (sa.metadata?.uid ?? '')
      ) {
        tokens.push(s);
      }
      existing.add(s.metadata?.name ?? '');
    }
    for (const ref of [...(sa.secrets ?? []), ...(sa.imagePullSecrets ?? [])]) {
      if (ref.name && !existing.has(ref.name)) missing.add(ref.name);
    }
  }
  const emptyHeader = '                   ';
  // Headers are printed in sorted order, padded to the same width (upstream's sets.List of the map keys).
  const sections: [string, string[]][] = [
    ['Image pull secrets:', (sa.imagePullSecrets ?? []).map((s) => s.name ?? '')],
    ['Mountable secrets: ', (sa.secrets ?? []).map((s) => s.name ?? '')],
    ['Tokens:            ', tokens.map((s) => s.metadata?.name ?? '')],
  ];
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${sa.metadata?.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${sa.metadata?.namespace ?? ''}\n`);
    printLabelsMultiline(w, 'Labels', sa.metadata?.labels);
    printAnnotationsMultiline(w, 'Annotations', sa.metadata?.annotations);
    for (const [header, names] of sections) {
      if (names.length === 0) {
        w.write(LEVEL_0, `${header}\t<none>\n`);
        continue;
      }
      let prefix = header;
      for (const name of names) {
        w.write(LEVEL_0, `${prefix}\t${name}${missing.has(name) ? ' (not found)' : ''}\n`);
        prefix = emptyHeader;
      }
    }
    if (ctx.events) describeEvents(ctx.events, w, ctx.now);
  });
}
