/**
 * Service account tokens: what the TokenRequest API (serviceaccounts/token) issues and what
 * the API server's service account authenticator accepts (pkg/serviceaccount/jwt.go,
 * claims.go). Tokens are JWT-shaped: `base64url(header).base64url(claims).signature`, with
 * the v1.32 claims (aud, exp, iat, iss, jti, kubernetes.io, nbf, sub; go-jose writes
 * claims in key order). The signature is not RS256: a keyed, deterministic digest, good
 * enough to tell our tokens from forged or edited ones. Expiry follows the virtual clock.
 */
import { base64Decode, base64UrlEncode, utf8Decode, utf8Encode } from '../../api/encoding.ts';
import type { KubeObject } from '../../api/types.ts';
import type { UserInfo } from '../admission.ts';

/** ISSUER is kubeadm's --service-account-issuer. */
export const ISSUER = 'https://kubernetes.default.svc.cluster.local';

/** TokenClaims are the claims of a service account token. */
export interface TokenClaims {
  aud: string[];
  exp: number;
  iat: number;
  iss: string;
  jti: string;
  'kubernetes.io': {
    namespace: string;
    pod?: { name: string; uid: string };
    secret?: { name: string; uid: string };
    node?: { name: string; uid: string };
    serviceaccount: { name: string; uid: string };
  };
  nbf: number;
  sub: string;
}

/** TokenLookup finds the objects a token names (serviceaccounts, pods, secrets, nodes), to reject tokens whose account or bound object is gone. */
export type TokenLookup = (resource: 'serviceaccounts' | 'pods' | 'secrets' | 'nodes', namespace: string, name: string) => KubeObject | undefined;

const b64json = (v: unknown): string => base64UrlEncode(utf8Encode(JSON.stringify(v)));

/** digest is a keyed 32-bit mix (cyrb-style) used to derive signature bytes deterministically. */
function digest(text: string, seed: number): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  return h1 >>> 0;
}

/** TokenAuthenticator signs and verifies tokens with one cluster key. */
export class TokenAuthenticator {
  constructor(public key: string) {}

  /** kid is the key id in the JWT header (upstream: base64url of the public key's SHA-256). */
  get kid(): string {
    return this.bytes(`kid:${this.key}`, 32).slice(0, 43);
  }

  /** sign issues a token for the claims. */
  sign(claims: TokenClaims): string {
    const input = `${b64json({ alg: 'RS256', kid: this.kid })}.${b64json(claims)}`;
    return `${input}.${this.bytes(input, 256)}`;
  }

  /**
   * authenticate returns the user a token stands for, or undefined when it is malformed,
   * not ours, expired (`nowSeconds` past exp) or names a service account that no longer
   * exists with that uid.
   */
  authenticate(token: string, nowSeconds: number, lookup: TokenLookup): UserInfo | undefined {
    const parts = token.split('.');
    if (parts.length !== 3 || this.bytes(`${parts[0]}.${parts[1]}`, 256) !== parts[2]) return undefined;
    const raw = base64Decode(parts[1].replace(/-/g, '+').replace(/_/g, '/'));
    if (!raw) return undefined;
    let claims: TokenClaims;
    try {
      claims = JSON.parse(utf8Decode(raw)) as TokenClaims;
    } catch {
      return undefined;
    }
    if (claims.iss !== ISSUER || nowSeconds >= claims.exp || nowSeconds < claims.nbf) return undefined;
    const k = claims['kubernetes.io'];
    const sa = lookup('serviceaccounts', k.namespace, k.serviceaccount.name);
    if (!sa || sa.metadata.uid !== k.serviceaccount.uid) return undefined;
    // A bound token dies with its object (the pod or secret deleted, or replaced under the same name).
    const pod = k.pod && lookup('pods', k.namespace, k.pod.name);
    const secret = k.secret && lookup('secrets', k.namespace, k.secret.name);
    if ((k.pod && pod?.metadata.uid !== k.pod.uid) || (k.secret && secret?.metadata.uid !== k.secret.uid)) return undefined;
    // The extra a bound token carries (pkg/serviceaccount/claims.go): credential id, then the node and pod it is bound to.
    const extra: Record<string, string[]> = { 'authentication.kubernetes.io/credential-id': [`JTI=${claims.jti}`] };
    if (k.node) Object.assign(extra, { 'authentication.kubernetes.io/node-name': [k.node.name], 'authentication.kubernetes.io/node-uid': [k.node.uid] });
    if (k.pod) Object.assign(extra, { 'authentication.kubernetes.io/pod-name': [k.pod.name], 'authentication.kubernetes.io/pod-uid': [k.pod.uid] });
    return {
      username: claims.sub,
      uid: k.serviceaccount.uid,
      groups: ['system:serviceaccounts', `system:serviceaccounts:${k.namespace}`, 'system:authenticated'],
      extra,
    };
  }

  /** bytes derives n signature-like bytes from text and the key, as unpadded base64url. */
  private bytes(text: string, n: number): string {
    let state = digest(text, digest(this.key, 0x9e3779b9));
    const out: number[] = [];
    for (let i = 0; i < n; i++) {
      state ^= state << 13;
      state ^= state >>> 17;
      state ^= state << 5;
      state >>>= 0;
      out.push(state & 0xff);
    }
    return base64UrlEncode(out);
  }
}
