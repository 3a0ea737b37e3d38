import { describe, expect, it } from 'vitest';
import { base64Decode, utf8Decode } from '../../api/encoding.ts';
import type { KubeObject } from '../../api/types.ts';
import { ISSUER, TokenAuthenticator, type TokenClaims } from './tokens.ts';

const sa: KubeObject = { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'bot', namespace: 'dev', uid: 'u-1' } };
const lookup = (resource: string, ns: string, name: string) => (resource === 'serviceaccounts' && ns === 'dev' && name === 'bot' ? sa : undefined);
const claims: TokenClaims = {
  aud: [ISSUER], exp: 2000, iat: 1000, iss: ISSUER, jti: 'j-1',
  'kubernetes.io': { namespace: 'dev', serviceaccount: { name: 'bot', uid: 'u-1' } }, nbf: 1000, sub: 'system:serviceaccount:dev:bot',
};
const payloadOf = (token: string) => JSON.parse(utf8Decode(base64Decode(token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/'))!));

describe('service account tokens', () => {
  const authn = new TokenAuthenticator('k3y');

  it('are JWT-shaped with the claims in key order, and authenticate as the service account', () => {
    const token = authn.sign(claims);
    expect(token.split('.')).toHaveLength(3);
    expect(Object.keys(payloadOf(token))).toEqual(['aud', 'exp', 'iat', 'iss', 'jti', 'kubernetes.io', 'nbf', 'sub']);
    expect(authn.authenticate(token, 1500, lookup)).toEqual({
      username: 'system:serviceaccount:dev:bot',
      uid: 'u-1',
      groups: ['system:serviceaccounts', 'system:serviceaccounts:dev', 'system:authenticated'],
      extra: { 'authentication.kubernetes.io/credential-id': ['JTI=j-1'] },
    });
  });

  it('are refused when expired, edited, signed with another key, or their account is gone', () => {
    const token = authn.sign(claims);
    expect(authn.authenticate(token, 2000, lookup)).toBeUndefined();
    const [h, , sig] = token.split('.');
    const forged = authn.sign({ ...claims, sub: 'system:serviceaccount:kube-system:admin' }).split('.')[1];
    expect(authn.authenticate(`${h}.${forged}.${sig}`, 1500, lookup)).toBeUndefined();
    expect(new TokenAuthenticator('other').authenticate(token, 1500, lookup)).toBeUndefined();
    expect(authn.authenticate(token, 1500, () => ({ ...sa, metadata: { ...sa.metadata, uid: 'u-2' } }))).toBeUndefined();
    expect(authn.authenticate('not.a.token', 1500, lookup)).toBeUndefined();
  });
  it('bound to a pod, carry the pod and node in extra and die with the pod', () => {
    const pod: KubeObject = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web', namespace: 'dev', uid: 'p-1' } };
    const bound: TokenClaims = { ...claims, 'kubernetes.io': { namespace: 'dev', node: { name: 'node01', uid: 'n-1' }, pod: { name: 'web', uid: 'p-1' }, serviceaccount: { name: 'bot', uid: 'u-1' } } };
    const token = authn.sign(bound);
    const withPod = (r: string, ns: string, name: string) => (r === 'pods' && name === 'web' ? pod : lookup(r, ns, name));
    expect(authn.authenticate(token, 1500, withPod)?.extra).toEqual({
      'authentication.kubernetes.io/credential-id': ['JTI=j-1'],
      'authentication.kubernetes.io/node-name': ['node01'],
      'authentication.kubernetes.io/node-uid': ['n-1'],
      'authentication.kubernetes.io/pod-name': ['web'],
      'authentication.kubernetes.io/pod-uid': ['p-1'],
    });
    expect(authn.authenticate(token, 1500, lookup)).toBeUndefined();
  });
});
