/**
 * authorizeRequest is the API server's WithAuthorization filter for in-process clients:
 * build the attributes of a resource request and answer 403 Forbidden, in upstream's
 * words, when the authorizer does not allow it.
 */
import type { UserInfo } from '../admission.ts';
import type { ResourceDefinition } from '../resource.ts';
import { forbiddenError, type Attributes, type Authorizer } from './attributes.ts';

/** resourceAttributes builds authorizer attributes for a request on a resource. */
export function resourceAttributes(user: UserInfo, verb: string, def: ResourceDefinition, namespace: string | undefined, name = '', subresource = ''): Attributes {
  return {
    user,
    verb,
    resourceRequest: true,
    apiGroup: def.group,
    resource: def.resource,
    subresource,
    namespace: def.namespaced ? namespace ?? '' : '',
    name,
  };
}

/** authorizeRequest throws the Forbidden StatusError when `authorizer` denies `attrs`. */
export function authorizeRequest(authorizer: Authorizer | undefined, attrs: Attributes): void {
  if (!authorizer) return;
  const d = authorizer.authorize(attrs);
  if (!d.allowed) throw forbiddenError(attrs, d.reason);
}
