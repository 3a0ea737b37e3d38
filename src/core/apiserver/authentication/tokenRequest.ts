/**
 * The serviceaccounts/token subresource (pkg/registry/core/serviceaccount/storage/token.go):
 * POST a TokenRequest, get it back with status.token and status.expirationTimestamp.
 * Defaults and limits are v1.32's: 3600 s unless asked, at least 10 minutes, audiences
 * default to the API server's (the issuer), and a token may be bound to a Pod, Secret or
 * Node that must exist (its name and uid go into the claims).
 */
import { invalid, notFound } from '../../api/status.ts';
import { rfc3339 } from '../../api/time.ts';
import type { KubeObject } from '../../api/types.ts';
import { field } from '../../api/validation/field.ts';
import type { ApiServer } from '../apiserver.ts';
import { newUID } from '../objectMeta.ts';
import { ISSUER, TokenAuthenticator, type TokenClaims } from './tokens.ts';

interface TokenRequestSpec {
  audiences?: string[] | null;
  expirationSeconds?: number;
  boundObjectRef?: { kind?: string; apiVersion?: string; name?: string; uid?: string } | null;
}

const BOUND: Record<string, { group: string; resource: string; namespaced: boolean; claim: 'pod' | 'secret' | 'node' }> = {
  Pod: { group: '', resource: 'pods', namespaced: true, claim: 'pod' },
  Secret: { group: '', resource: 'secrets', namespaced: true, claim: 'secret' },
  Node: { group: '', resource: 'nodes', namespaced: false, claim: 'node' },
};

/** tokenAuthenticatorOf returns the server's authenticator, creating one keyed by the seeded random source if absent. */
export function tokenAuthenticatorOf(server: ApiServer): TokenAuthenticator {
  server.tokenAuthenticator ??= new TokenAuthenticator(server.random.string(32));
  return server.tokenAuthenticator;
}

/** requestToken answers POST serviceaccounts/NAME/token. */
export function requestToken(server: ApiServer, namespace: string, name: string, body: KubeObject): KubeObject {
  const sa = server.get(server.resource('', 'serviceaccounts'), namespace, name);
  const spec = { ...((body.spec ?? {}) as TokenRequestSpec) };
  const expiration = spec.expirationSeconds ?? 3600;
  const errs = [];
  if (expiration < 600) errs.push(field.invalid('spec.expirationSeconds', expiration, 'may not specify a duration less than 10 minutes'));
  if (expiration > 2 ** 32) errs.push(field.invalid('spec.expirationSeconds', expiration, 'may not specify a duration larger than 2^32 seconds'));
  if (errs.length > 0) throw invalid('authentication.k8s.io', 'TokenRequest', name, errs);
  const audiences = spec.audiences && spec.audiences.length > 0 ? spec.audiences : [ISSUER];
  const iat = Math.floor(server.clock.now() / 1000);
  const claims: TokenClaims = {
    aud: audiences,
    exp: iat + expiration,
    iat,
    iss: ISSUER,
    jti: newUID(server.random),
    'kubernetes.io': { namespace, serviceaccount: { name, uid: sa.metadata.uid ?? '' } },
    nbf: iat,
    sub: `system:serviceaccount:${namespace}:${name}`,
  };
  const ref = spec.boundObjectRef;
  if (ref?.kind && BOUND[ref.kind]) {
    const b = BOUND[ref.kind];
    const obj = server.store.get(b.resource, b.namespaced ? namespace : '', ref.name ?? '');
    if (!obj || (ref.uid && ref.uid !== obj.metadata.uid)) throw notFound(b.group, b.resource, ref.name ?? '');
    // Keys stay in go-jose's sorted order: namespace, node, pod, secret, serviceaccount.
    const k = claims['kubernetes.io'];
    const bound: Record<string, unknown> = { namespace: k.namespace };
    // ServiceAccountTokenPodNodeInfo (beta, on in v1.32): a pod-bound token also names the pod's node.
    const nodeName = ref.kind === 'Pod' ? ((obj.spec ?? {}) as { nodeName?: string }).nodeName : undefined;
    const node = nodeName ? server.store.get('nodes', '', nodeName) : undefined;
    if (node) bound.node = { name: nodeName ?? '', uid: node.metadata.uid ?? '' };
    bound[b.claim] = { name: obj.metadata.name ?? '', uid: obj.metadata.uid ?? '' };
    bound.serviceaccount = k.serviceaccount;
    claims['kubernetes.io'] = bound as TokenClaims['kubernetes.io'];
  }
  return {
    kind: 'TokenRequest',
    apiVersion: 'authentication.k8s.io/v1',
    metadata: { name, namespace, creationTimestamp: null as unknown as string },
    spec: { audiences, expirationSeconds: expiration, boundObjectRef: ref ?? null },
    status: { token: tokenAuthenticatorOf(server).sign(claims), expirationTimestamp: rfc3339((iat + expiration) * 1000) },
  };
}
