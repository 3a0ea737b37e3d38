/**
 * Self-subject reviews: `kubectl auth can-i` (SelfSubjectAccessReview), `auth can-i --list`
 * (SelfSubjectRulesReview) and `auth whoami` (SelfSubjectReview).
 *
 * Plain http never carries credentials (client-go attaches them only on TLS transports,
 * kubectl-wire.md §0.12), so every caller is the cluster admin of a kubeadm cluster and
 * every access review is allowed, as RBAC would allow it for `system:masters`.
 */
import type { ResourceDefinition } from '../../core/client/client.ts';
import type { RequestContext } from './context.ts';
import { readBody, sendJSON } from './http.ts';
import { decodeBody } from './params.ts';
import type { ResourceRoute } from '../../core/apiserver/requestRoute.ts';

function review(group: string, resource: string, kind: string): ResourceDefinition {
  return {
    group, version: 'v1', resource, kind, singular: kind.toLowerCase(), shortNames: [], categories: [],
    namespaced: false, verbs: ['create'], subresources: [], hasStatus: false, generation: false,
  };
}

/** REVIEW_RESOURCES are served by the gateway itself and listed in discovery. */
export const REVIEW_RESOURCES: ResourceDefinition[] = [
  review('authentication.k8s.io', 'selfsubjectreviews', 'SelfSubjectReview'),
  review('authorization.k8s.io', 'selfsubjectaccessreviews', 'SelfSubjectAccessReview'),
  review('authorization.k8s.io', 'selfsubjectrulesreviews', 'SelfSubjectRulesReview'),
];

/** ADMIN_USER is who every http caller is (kubeadm's admin.conf identity). */
const ADMIN_USER = { username: 'kubernetes-admin', groups: ['kubeadm:cluster-admins', 'system:authenticated'] };

/** isReviewRoute tells whether a route names one of the review resources. */
export function isReviewRoute(route: ResourceRoute): boolean {
  return REVIEW_RESOURCES.some((d) => d.group === route.group && d.version === route.version && d.resource === route.resource);
}

/** serveReview answers a POST of a review with its status filled in. */
export async function serveReview(r: RequestContext, route: ResourceRoute): Promise<boolean> {
  if (r.method !== 'POST' || route.name !== undefined) return false;
  const body = (decodeBody(await readBody(r.req), r.contentType) ?? {}) as { spec?: Record<string, unknown> };
  const def = REVIEW_RESOURCES.find((d) => d.resource === route.resource)!;
  const base = { kind: def.kind, apiVersion: `${def.group}/v1`, metadata: { creationTimestamp: null } };
  let status: object;
  switch (def.resource) {
    case 'selfsubjectaccessreviews':
      status = { allowed: true, reason: 'kubeplay serve: every http caller is the cluster admin (system:masters)' };
      break;
    case 'selfsubjectrulesreviews':
      status = {
        resourceRules: [{ verbs: ['*'], apiGroups: ['*'], resources: ['*'] }],
        nonResourceRules: [{ verbs: ['*'], nonResourceURLs: ['*'] }],
        incomplete: false,
      };
      break;
    default:
      sendJSON(r.res, 201, { ...base, status: { userInfo: ADMIN_USER } });
      return true;
  }
  sendJSON(r.res, 201, { ...base, spec: body.spec ?? {}, status });
  return true;
}
