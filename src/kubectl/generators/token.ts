/**
 * `kubectl create token SERVICE_ACCOUNT_NAME [--audience] [--duration] [--bound-object-kind/-name/-uid]`
 *
 * Models staging/src/k8s.io/kubectl/pkg/cmd/create/create_token.go. kubectl has no
 * dry-run here: it POSTs this authentication.k8s.io/v1 TokenRequest to the
 * serviceaccounts/token subresource and prints status.token.
 */
import type { GeneratorContext } from './context.ts';
import type { GeneratedObject } from './meta.ts';
import { UsageError, exactlyOneName } from './usageError.ts';

/** TokenFlags are the parsed flags of `create token`. */
export interface TokenFlags {
  /** --audience (StringArray). */
  audience?: string[];
  /** --duration in seconds (0 = server default); the parser turns "1h" into 3600. */
  durationSeconds?: number;
  /** --bound-object-kind: Pod, Secret or Node. */
  boundObjectKind?: string;
  /** --bound-object-name. */
  boundObjectName?: string;
  /** --bound-object-uid. */
  boundObjectUid?: string;
}

const BOUND_KINDS: Record<string, string> = { Pod: 'v1', Secret: 'v1', Node: 'v1' };

/** generateTokenRequest builds the TokenRequest body; the service account name (args[0]) goes in the URL, not the body. */
export function generateTokenRequest(args: string[], flags: TokenFlags, ctx?: GeneratorContext): GeneratedObject {
  const name = exactlyOneName(args);
  const audiences = (flags.audience ?? []).filter((a) => a !== '');
  if ((flags.audience ?? []).length !== audiences.length) throw new UsageError('--audience must not be an empty string');
  const duration = flags.durationSeconds ?? 0;
  if (duration < 0) throw new UsageError('--duration must be greater than or equal to 0');
  const kind = flags.boundObjectKind ?? '';
  if (kind === '') {
    if (flags.boundObjectName) throw new UsageError('--bound-object-name can only be set if --bound-object-kind is provided');
    if (flags.boundObjectUid) throw new UsageError('--bound-object-uid can only be set if --bound-object-kind is provided');
  } else {
    if (!(kind in BOUND_KINDS)) throw new UsageError(`supported --bound-object-kind values are ${Object.keys(BOUND_KINDS).sort().join(', ')}`);
    if (!flags.boundObjectName) throw new UsageError('--bound-object-name is required if --bound-object-kind is provided');
  }
  const spec: Record<string, unknown> = { audiences: audiences.length > 0 ? audiences : null };
  if (duration > 0) spec.expirationSeconds = duration;
  if (kind !== '') {
    const ref: Record<string, unknown> = { kind, apiVersion: BOUND_KINDS[kind], name: flags.boundObjectName };
    if (flags.boundObjectUid) ref.uid = flags.boundObjectUid;
    spec.boundObjectRef = ref;
  }
  void name;
  void ctx;
  const metadata = { creationTimestamp: null };
  return { kind: 'TokenRequest', apiVersion: 'authentication.k8s.io/v1', metadata, spec, status: { token: '', expirationTimestamp: null } };
}
