/**
 * Authorization attributes and the Forbidden answer, after k8s.io/apiserver's
 * authorizer.Attributes and endpoints/handlers/responsewriters/errors.go (forbiddenMessage).
 */
import { forbidden, type StatusError } from '../../api/status.ts';
import type { PolicyRule } from '../../api/validation/rbac.ts';
import type { UserInfo } from '../admission.ts';

/** Attributes describe one request to authorize (authorizer.AttributesRecord). */
export interface Attributes {
  user: UserInfo;
  verb: string;
  /** resourceRequest: false for non-resource URLs like /healthz. */
  resourceRequest: boolean;
  apiGroup?: string;
  resource?: string;
  subresource?: string;
  namespace?: string;
  name?: string;
  /** path of a non-resource request. */
  path?: string;
}

/** Decision is what an authorizer says, with the reason RBAC reports. */
export interface Decision {
  allowed: boolean;
  reason: string;
}

/** Authorizer decides requests (authorizer.Authorizer) and lists what a user may do (authorizer.RuleResolver). */
export interface Authorizer {
  authorize(attrs: Attributes): Decision;
  rulesFor(user: UserInfo, namespace: string): { rules: PolicyRule[]; errors: string[] };
}

/** forbiddenMessage is upstream's forbiddenMessage: who cannot do what, where. */
export function forbiddenMessage(a: Attributes): string {
  const user = a.user.username;
  if (!a.resourceRequest) return `User ${JSON.stringify(user)} cannot ${a.verb} path ${JSON.stringify(a.path ?? '')}`;
  const resource = a.subresource ? `${a.resource}/${a.subresource}` : a.resource ?? '';
  const what = `User ${JSON.stringify(user)} cannot ${a.verb} resource ${JSON.stringify(resource)} in API group ${JSON.stringify(a.apiGroup ?? '')}`;
  return a.namespace ? `${what} in the namespace ${JSON.stringify(a.namespace)}` : `${what} at the cluster scope`;
}

/**
 * forbiddenError is responsewriters.Forbidden: a 403 naming the resource (and object),
 * with the authorizer's reason appended when it gave one.
 */
export function forbiddenError(a: Attributes, reason: string): StatusError {
  const msg = forbiddenMessage(a);
  return forbidden(a.apiGroup ?? '', a.resource ?? '', a.name ?? '', reason ? `${msg}: ${reason}` : msg);
}
