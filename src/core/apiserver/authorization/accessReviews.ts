/**
 * The authorization.k8s.io/v1 reviews (pkg/registry/authorization/*): computed on POST,
 * never stored. SelfSubjectAccessReview asks "may I?", SubjectAccessReview and
 * LocalSubjectAccessReview ask it for someone else, SelfSubjectRulesReview lists what the
 * caller may do in a namespace. `kubectl auth can-i` is built on the first and the last.
 */
import { badRequest, invalid } from '../../api/status.ts';
import type { KubeObject } from '../../api/types.ts';
import type { PolicyRule } from '../../api/validation/rbac.ts';
import { field } from '../../api/validation/field.ts';
import type { UserInfo } from '../admission.ts';
import type { ApiServer, WriteOptions } from '../apiserver.ts';
import { ADMIN } from '../apiserver.ts';
import type { Attributes } from './attributes.ts';

interface ResourceAttributes {
  namespace?: string;
  verb?: string;
  group?: string;
  version?: string;
  resource?: string;
  subresource?: string;
  name?: string;
}

interface AccessReviewSpec {
  resourceAttributes?: ResourceAttributes;
  nonResourceAttributes?: { path?: string; verb?: string };
  user?: string;
  groups?: string[];
  uid?: string;
  extra?: Record<string, string[]>;
}

const GROUP = 'authorization.k8s.io';

function reviewObject(body: KubeObject, kind: string, namespace?: string): KubeObject {
  const metadata: KubeObject['metadata'] = { creationTimestamp: null as unknown as string };
  if (namespace) metadata.namespace = namespace;
  return { kind, apiVersion: `${GROUP}/v1`, metadata, spec: (body.spec ?? {}) as Record<string, unknown> };
}

/** validateSpec is ValidateSelfSubjectAccessReviewSpec's "exactly one of" rule. */
function validateSpec(kind: string, spec: AccessReviewSpec, path = 'spec'): void {
  const both = !!spec.resourceAttributes === !!spec.nonResourceAttributes;
  if (both) {
    const value = spec.resourceAttributes ? 'resourceAttributes' : 'null';
    throw invalid(GROUP, kind, '', [field.invalid(`${path}.resourceAttributes`, value, 'exactly one of nonResourceAttributes or resourceAttributes must be specified')]);
  }
}

function attributesOf(user: UserInfo, spec: AccessReviewSpec): Attributes {
  if (spec.nonResourceAttributes) {
    return { user, verb: spec.nonResourceAttributes.verb ?? '', resourceRequest: false, path: spec.nonResourceAttributes.path ?? '' };
  }
  const r = spec.resourceAttributes ?? {};
  return {
    user,
    verb: r.verb ?? '',
    resourceRequest: true,
    apiGroup: r.group ?? '',
    resource: r.resource ?? '',
    subresource: r.subresource ?? '',
    namespace: r.namespace ?? '',
    name: r.name ?? '',
  };
}

function decide(server: ApiServer, attrs: Attributes): Record<string, unknown> {
  const d = server.authorizer?.authorize(attrs) ?? { allowed: true, reason: '' };
  const status: Record<string, unknown> = { allowed: d.allowed };
  if (d.reason) status.reason = d.reason;
  return status;
}

/** selfSubjectAccessReview answers for the caller. */
export function selfSubjectAccessReview(server: ApiServer, _ns: string, body: KubeObject, opts: WriteOptions): KubeObject {
  const spec = (body.spec ?? {}) as AccessReviewSpec;
  validateSpec('SelfSubjectAccessReview', spec);
  const review = reviewObject(body, 'SelfSubjectAccessReview');
  review.status = decide(server, attributesOf(opts.user ?? ADMIN, spec));
  return review;
}

/** subjectAccessReview answers for spec.user/spec.groups (LocalSubjectAccessReview pins the namespace). */
export function subjectAccessReview(kind: 'SubjectAccessReview' | 'LocalSubjectAccessReview') {
  return (server: ApiServer, namespace: string, body: KubeObject): KubeObject => {
    const spec = (body.spec ?? {}) as AccessReviewSpec;
    validateSpec(kind, spec);
    if (!spec.user && (spec.groups ?? []).length === 0) {
      throw invalid(GROUP, kind, '', [field.invalid('spec.user', '', 'at least one of user or group must be specified')]);
    }
    if (kind === 'LocalSubjectAccessReview' && spec.resourceAttributes && spec.resourceAttributes.namespace !== namespace) {
      throw badRequest(`spec.resourceAttributes.namespace must match namespace: ${namespace}`);
    }
    const user: UserInfo = { username: spec.user ?? '', groups: spec.groups ?? [], uid: spec.uid, extra: spec.extra };
    const review = reviewObject(body, kind, kind === 'LocalSubjectAccessReview' ? namespace : undefined);
    review.status = decide(server, attributesOf(user, spec));
    return review;
  };
}

/** selfSubjectRulesReview lists the caller's rules in spec.namespace (pkg/registry/authorization/selfsubjectrulesreview). */
export function selfSubjectRulesReview(server: ApiServer, _ns: string, body: KubeObject, opts: WriteOptions): KubeObject {
  const namespace = ((body.spec ?? {}) as { namespace?: string }).namespace ?? '';
  if (namespace === '') throw badRequest('no namespace on request');
  const { rules, errors } = server.authorizer?.rulesFor(opts.user ?? ADMIN, namespace) ?? { rules: [{ verbs: ['*'], apiGroups: ['*'], resources: ['*'] }], errors: [] };
  const resourceRules = rules.filter((r) => (r.resources ?? []).length > 0).map(toResourceRule);
  const nonResourceRules = rules.filter((r) => (r.nonResourceURLs ?? []).length > 0).map((r) => ({ verbs: r.verbs ?? [], nonResourceURLs: r.nonResourceURLs ?? [] }));
  const review = reviewObject(body, 'SelfSubjectRulesReview');
  const status: Record<string, unknown> = { resourceRules, nonResourceRules, incomplete: errors.length > 0 };
  if (errors.length > 0) status.evaluationError = errors.length === 1 ? errors[0] : `[${errors.join(', ')}]`;
  review.status = status;
  return review;
}

function toResourceRule(r: PolicyRule): Record<string, unknown> {
  const out: Record<string, unknown> = { verbs: r.verbs ?? [], apiGroups: r.apiGroups ?? [], resources: r.resources ?? [] };
  if ((r.resourceNames ?? []).length > 0) out.resourceNames = r.resourceNames;
  return out;
}
