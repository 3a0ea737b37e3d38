/**
 * The service account credentials the kubelet projects into pods (the `kube-api-access-*`
 * volume): a JWT-shaped bound token with the claims the TokenRequest API puts in (audience,
 * issuer, `system:serviceaccount:<ns>:<name>`, the pod it is bound to), and the cluster CA.
 * Neither is cryptographically real; they look and decode like the real ones.
 */
import type { Pod } from '../../api/types.ts';
import type { Random } from '../../sim/random.ts';
import { hex } from './nodeObject.ts';
import { base64UrlEncode, utf8Encode } from '../../api/encoding.ts';

/** FAKE_CA is the cluster CA certificate projected into pods as ca.crt (not a usable key pair). */
export const FAKE_CA = '-----BEGIN CERTIFICATE-----\nMIIDBTCCAe2gAwIBAgIIKubeplayCAwDQYJKoZIhvcNAQELBQAwFTETMBEGA1UEAxMKa3ViZXJuZXRlczAeFw0yNjAxMTUwOTAwMDBaFw0zNjAxMTMwOTAwMDBaMBUxEzARBgNVBAMTCmt1YmVybmV0ZXM=\n-----END CERTIFICATE-----\n';

/** fakeToken is a JWT-shaped bound service account token (header.payload.signature). */
export function fakeToken(pod: Pod, random: Random): string {
  // JWT segments are unpadded base64url of the UTF-8 JSON.
  const b64 = (s: string): string => base64UrlEncode(utf8Encode(s));
  const header = b64(JSON.stringify({ alg: 'RS256', kid: hex(() => random.next(), 43) }));
  const sa = pod.spec?.serviceAccountName ?? 'default';
  const payload = b64(JSON.stringify({
    aud: ['https://kubernetes.default.svc.cluster.local'],
    iss: 'https://kubernetes.default.svc.cluster.local',
    sub: `system:serviceaccount:${pod.metadata!.namespace}:${sa}`,
    kubernetes: { namespace: pod.metadata!.namespace, pod: { name: pod.metadata!.name, uid: pod.metadata!.uid }, serviceaccount: { name: sa } },
  }));
  // Joined: the token lives as long as the pod, and a rope of its three pieces costs more than the text.
  return [header, payload, hex(() => random.next(), 86)].join('.');
}
