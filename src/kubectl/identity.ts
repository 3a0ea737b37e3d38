/**
 * identity works out who kubectl's requests come from, as client-go's transport and
 * kube-apiserver's authentication and impersonation filters together decide it:
 *
 * - credentials: `--token` or the kubeconfig user's token (a service account token, checked
 *   by the server; a bad one is 401 `You must be logged in to the server (Unauthorized)`), else
 *   the client certificate (CN = user, O = groups; kubeadm's admin is kubernetes-admin in
 *   kubeadm:cluster-admins), else anonymous (system:anonymous).
 * - `--as`, `--as-group`, `--as-uid`: the authenticated user must be allowed to `impersonate`
 *   users / groups / uids (or the named service account), else 403 in upstream's words
 *   (staging/src/k8s.io/apiserver/pkg/endpoints/filters/impersonation.go).
 */
import type { UserInfo } from '../core/apiserver/admission.ts';
import { authorizeRequest } from '../core/apiserver/authorization/authorize.ts';
import type { Attributes } from '../core/apiserver/authorization/attributes.ts';
import type { Client } from '../core/client/client.ts';
import { CommandError } from './errors.ts';
import type { Flags } from './flags.ts';
import { currentContext, type KubeConfig, type KubeUser } from './kubeconfig.ts';

const AUTHENTICATED = 'system:authenticated';
const SA_PREFIX = 'system:serviceaccount:';

/** unauthorized is the 401 kubectl prints as `error: You must be logged in to the server (Unauthorized)`. */
function unauthorized(): CommandError {
  return new CommandError('error: You must be logged in to the server (Unauthorized)');
}

/** certificateUser reads CN and O from the stand-in client certificate of a kubeconfig user. */
export function certificateUser(user: KubeUser): UserInfo | undefined {
  if (!user.clientCertificateData) return undefined;
  let text: string;
  try {
    text = atob(atob(user.clientCertificateData).split('\n')[1] ?? '');
  } catch {
    return undefined;
  }
  const subject = text.replace(/^.* for /, '');
  const cn = /CN=([^,]+)/.exec(subject)?.[1];
  if (!cn) return undefined;
  const groups = [...subject.matchAll(/O=([^,]+)/g)].map((m) => m[1].trim());
  return { username: cn.trim(), groups: [...groups, AUTHENTICATED] };
}

/** authenticate is the server's authentication of kubectl's credentials. */
function authenticate(client: Client, cfg: KubeConfig, flags: Flags, ownFlags: ReadonlySet<string>): UserInfo {
  const global = (name: string) => (ownFlags.has(name) ? '' : flags.string(name));
  const authInfoName = global('user') || currentContext(cfg, global('context'))?.user || '';
  const authInfo = cfg.users.find((u) => u.name === authInfoName);
  const token = global('token') || authInfo?.token || '';
  if (token) {
    const server = client.server;
    const user = server.tokenAuthenticator?.authenticate(token, Math.floor(server.clock.now() / 1000), (resource, ns, name) => server.store.get(resource, ns, name));
    if (!user) throw unauthorized();
    return user;
  }
  const fromCert = authInfo ? certificateUser(authInfo) : undefined;
  return fromCert ?? { username: 'system:anonymous', groups: ['system:unauthenticated'] };
}

function impersonateAttrs(requester: UserInfo, resource: string, name: string, apiGroup = '', namespace = ''): Attributes {
  return { user: requester, verb: 'impersonate', resourceRequest: true, apiGroup, resource, namespace, name };
}

/** impersonate checks and applies --as / --as-group / --as-uid (WithImpersonation). */
function impersonate(client: Client, requester: UserInfo, as: string, asGroups: string[], asUid: string): UserInfo {
  const authz = client.server.authorizer;
  let groups = [...asGroups];
  if (as.startsWith(SA_PREFIX)) {
    const [ns, name] = as.slice(SA_PREFIX.length).split(':');
    authorizeRequest(authz, impersonateAttrs(requester, 'serviceaccounts', name ?? '', '', ns ?? ''));
    if (asGroups.length === 0) groups = ['system:serviceaccounts', `system:serviceaccounts:${ns}`];
  } else {
    authorizeRequest(authz, impersonateAttrs(requester, 'users', as));
  }
  for (const g of asGroups) authorizeRequest(authz, impersonateAttrs(requester, 'groups', g));
  if (asUid) authorizeRequest(authz, impersonateAttrs(requester, 'uids', asUid, 'authentication.k8s.io'));
  if (as === 'system:anonymous') {
    if (!groups.includes('system:unauthenticated')) groups.push('system:unauthenticated');
  } else if (!groups.includes(AUTHENTICATED)) {
    groups.push(AUTHENTICATED);
  }
  return asUid ? { username: as, groups, uid: asUid } : { username: as, groups };
}

/**
 * clientFor returns the client kubectl uses for one invocation: acting as the authenticated
 * (or impersonated) user and subject to authorization. `ownFlags` are the command's own
 * flags that shadow global ones (`create rolebinding --user=jane` is not `--user`).
 */
export function clientFor(base: Client, cfg: KubeConfig, flags: Flags, ownFlags: ReadonlySet<string>): Client {
  const requester = authenticate(base, cfg, flags, ownFlags);
  const as = ownFlags.has('as') ? '' : flags.string('as');
  const asGroups = ownFlags.has('as-group') ? [] : flags.strings('as-group');
  const asUid = ownFlags.has('as-uid') ? '' : flags.string('as-uid');
  if (!as && (asGroups.length > 0 || asUid)) {
    throw new CommandError('error: requesting uid, groups or user-extra for  without impersonating a user');
  }
  return base.asUser(as ? impersonate(base, requester, as, asGroups, asUid) : requester);
}
