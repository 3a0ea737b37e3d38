/**
 * The authentication.k8s.io/v1 reviews (pkg/registry/authentication/*): SelfSubjectReview
 * tells callers who the API server thinks they are (`kubectl auth whoami`); TokenReview
 * says whom a bearer token stands for. Computed on POST, never stored.
 */
import type { KubeObject } from '../../api/types.ts';
import type { UserInfo } from '../admission.ts';
import type { ApiServer, WriteOptions } from '../apiserver.ts';
import { ADMIN } from '../apiserver.ts';
import { ISSUER } from './tokens.ts';

const API_VERSION = 'authentication.k8s.io/v1';

/** userInfoJSON renders user.Info as authenticationv1.UserInfo (empty fields omitted). */
export function userInfoJSON(user: UserInfo): Record<string, unknown> {
  const out: Record<string, unknown> = { username: user.username };
  if (user.uid) out.uid = user.uid;
  if (user.groups.length > 0) out.groups = user.groups;
  if (user.extra && Object.keys(user.extra).length > 0) out.extra = user.extra;
  return out;
}

/** selfSubjectReview answers with the caller's user info. */
export function selfSubjectReview(_server: ApiServer, _ns: string, _body: KubeObject, opts: WriteOptions): KubeObject {
  return {
    kind: 'SelfSubjectReview',
    apiVersion: API_VERSION,
    metadata: { creationTimestamp: null as unknown as string },
    status: { userInfo: userInfoJSON(opts.user ?? ADMIN) },
  };
}

/** tokenReview authenticates spec.token with the service account authenticator. */
export function tokenReview(server: ApiServer, _ns: string, body: KubeObject): KubeObject {
  const spec = (body.spec ?? {}) as { token?: string; audiences?: string[] };
  const user = server.tokenAuthenticator?.authenticate(spec.token ?? '', Math.floor(server.clock.now() / 1000), (resource, ns, name) =>
    server.store.get(resource, ns, name),
  );
  const status: Record<string, unknown> = user
    ? { authenticated: true, user: userInfoJSON(user), audiences: spec.audiences?.length ? spec.audiences : [ISSUER] }
    : { user: {}, error: '[invalid bearer token, token lookup failed]' };
  return { kind: 'TokenReview', apiVersion: API_VERSION, metadata: { creationTimestamp: null as unknown as string }, spec, status };
}
