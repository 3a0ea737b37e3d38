/**
 * The review kinds of authentication.k8s.io/v1 and authorization.k8s.io/v1: create-only
 * resources whose POST is answered, not stored (see ResourceDefinition.createHandler).
 */
import type { KubeObject } from '../../api/types.ts';
import type { ApiServer, WriteOptions } from '../apiserver.ts';
import { selfSubjectAccessReview, selfSubjectRulesReview, subjectAccessReview } from '../authorization/accessReviews.ts';
import { selfSubjectReview, tokenReview } from '../authentication/reviews.ts';
import { define } from './define.ts';

type Handler = (server: ApiServer, namespace: string, body: KubeObject, opts: WriteOptions) => KubeObject;

function review(group: string, resource: string, kind: string, createHandler: Handler, namespaced = false) {
  return define({ group, version: 'v1', resource, kind, namespaced, verbs: ['create'], createHandler });
}

export const tokenreviews = review('authentication.k8s.io', 'tokenreviews', 'TokenReview', tokenReview);
export const selfsubjectreviews = review('authentication.k8s.io', 'selfsubjectreviews', 'SelfSubjectReview', selfSubjectReview);
export const localsubjectaccessreviews = review('authorization.k8s.io', 'localsubjectaccessreviews', 'LocalSubjectAccessReview', subjectAccessReview('LocalSubjectAccessReview'), true);
export const selfsubjectaccessreviews = review('authorization.k8s.io', 'selfsubjectaccessreviews', 'SelfSubjectAccessReview', selfSubjectAccessReview);
export const selfsubjectrulesreviews = review('authorization.k8s.io', 'selfsubjectrulesreviews', 'SelfSubjectRulesReview', selfSubjectRulesReview);
export const subjectaccessreviews = review('authorization.k8s.io', 'subjectaccessreviews', 'SubjectAccessReview', subjectAccessReview('SubjectAccessReview'));
