/**
 * The service account credentials the kubelet projects into pods (the `kube-api-access-*`
 * volume): a JWT-shaped bound token with the claims the TokenRequest API puts in (audience,
 * issuer, `system:serviceaccount:<ns>:<name>`, the pod it is bound to), and the cluster CA.
 * Neither is cryptographically real; they look and decode like the real ones.
 */
import type { Pod } from '../../api/types.ts';
import { Random } from '../../sim/random.ts';
import type { LazyText } from '../runtime/overlayFS.ts';
import { hex } from './nodeObject.ts';
import { base64UrlEncode, utf8Encode } from '../../api/encoding.ts';

/** FAKE_CA is the cluster CA certificate projected into pods as ca.crt (not a usable key pair). */
export const FAKE_CA = '-----BEGIN CERTIFICATE-----\nMIIDBTCCAe2gAwIBAgIIKubeplayCAwDQYJKoZIhvcNAQELBQAwFTETMBEGA1UEAxMKa3ViZXJuZXRlczAeFw0yNjAxMTUwOTAwMDBaFw0zNjAxMTMwOTAwMDBaMBUxEzARBgNVBAMTCmt1YmVybmV0ZXM=\n-----END CERTIFICATE-----\n';

/** TokenSubject is what a pod's token names: its namespace, service account, name and uid. */
export interface TokenSubject {
  namespace: string;
  serviceAccount: string;
  name: string;
  uid: string;
}

/** TOKEN_DRAWS is how many random draws a token takes: the key id's 43 hex digits and the signature's 86. */
export const TOKEN_DRAWS = 43 + 86;

/** fakeToken is a JWT-shaped bound service account token (header.payload.signature). */
export function fakeToken(pod: Pod, random: Random): string {
  return tokenFor(subjectOf(pod), random);
}

/**
 * lazyToken reserves a pod's token now and builds it when read. The text takes TOKEN_DRAWS
 * draws of the kubelet's random sequence, so the sequence is skipped past them at once (every
 * later draw, container IDs and seeds, stays what it was) and replayed from the saved state
 * when the token is read: the same bytes fakeToken would have written. Building it (JSON,
 * UTF-8, base64) was ~2% of starting 3,000 pods, and a ~0.9 KB string per pod that a learner
 * reads only when they cat it in one container.
 */
export function lazyToken(pod: Pod, random: Random): LazyText {
  const meta = pod.metadata!;
  const token = new LazyToken(meta.namespace!, pod.spec?.serviceAccountName ?? 'default', meta.name!, meta.uid!, random.getState());
  random.skip(TOKEN_DRAWS);
  return token;
}

/**
 * LazyToken is a reserved token as data: its subject and the random state its draws start
 * from (one object per pod, where a closure kept a subject object, a context and itself).
 * The file holding it builds the text once (overlayFS LazyFile).
 */
class LazyToken implements TokenSubject, LazyText {
  constructor(
    readonly namespace: string,
    readonly serviceAccount: string,
    readonly name: string,
    readonly uid: string,
    private readonly state: number,
  ) {}

  text(): string {
    return tokenFor(this, new Random(this.state));
  }
}

function subjectOf(pod: Pod): TokenSubject {
  const meta = pod.metadata!;
  return { namespace: meta.namespace!, serviceAccount: pod.spec?.serviceAccountName ?? 'default', name: meta.name!, uid: meta.uid! };
}

function tokenFor(s: TokenSubject, random: Random): string {
  // JWT segments are unpadded base64url of the UTF-8 JSON.
  const b64 = (text: string): string => base64UrlEncode(utf8Encode(text));
  const header = b64(JSON.stringify({ alg: 'RS256', kid: hex(() => random.next(), 43) }));
  const sa = s.serviceAccount;
  const payload = b64(JSON.stringify({
    aud: ['https://kubernetes.default.svc.cluster.local'],
    iss: 'https://kubernetes.default.svc.cluster.local',
    sub: `system:serviceaccount:${s.namespace}:${sa}`,
    kubernetes: { namespace: s.namespace, pod: { name: s.name, uid: s.uid }, serviceaccount: { name: sa } },
  }));
  // Joined: the token lives as long as the pod, and a rope of its three pieces costs more than the text.
  return [header, payload, hex(() => random.next(), 86)].join('.');
}
