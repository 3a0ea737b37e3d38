/**
 * The service account credentials the kubelet projects into pods (the `kube-api-access-*`
 * volume): a JWT-shaped bound token with the claims the TokenRequest API puts in (audience,
 * issuer, `system:serviceaccount:<ns>:<name>`, the pod it is bound to), and the cluster CA.
 * Neither is cryptographically real; they look and decode like the real ones.
 */
import type { Pod } from '../../api/types.ts';
import type { Random } from '../../sim/random.ts';
import { hex } from './nodeObject.ts';

/** FAKE_CA is the cluster CA certificate projected into pods as ca.crt (not a usable key pair). */
export const FAKE_CA = '-----BEGIN CERTIFICATE-----\nMIIDBTCCAe2gAwIBAgIIKubeplayCAwDQYJKoZIhvcNAQELBQAwFTETMBEGA1UEAxMKa3ViZXJuZXRlczAeFw0yNjAxMTUwOTAwMDBaFw0zNjAxMTMwOTAwMDBaMBUxEzARBgNVBAMTCmt1YmVybmV0ZXM=\n-----END CERTIFICATE-----\n';

/** fakeToken is a JWT-shaped bound service account token (header.payload.signature). */
export function fakeToken(pod: Pod, random: Random): string {
  const b64 = (s: string): string => base64url(s);
  const header = b64(JSON.stringify({ alg: 'RS256', kid: hex(() => random.next(), 43) }));
  const sa = pod.spec?.serviceAccountName ?? 'default';
  const payload = b64(JSON.stringify({
    aud: ['https://kubernetes.default.svc.cluster.local'],
    iss: 'https://kubernetes.default.svc.cluster.local',
    sub: `system:serviceaccount:${pod.metadata!.namespace}:${sa}`,
    kubernetes: { namespace: pod.metadata!.namespace, pod: { name: pod.metadata!.name, uid: pod.metadata!.uid }, serviceaccount: { name: sa } },
  }));
  return `${header}.${payload}.${hex(() => random.next(), 86)}`;
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
function base64url(s: string): string {
  let out = '';
  let bits = 0;
  let acc = 0;
  for (const ch of s) {
    acc = (acc << 8) | (ch.charCodeAt(0) & 0xff);
    bits += 8;
    while (bits >= 6) {
      bits -= 6;
      out += B64[(acc >> bits) & 63];
    }
  }
  if (bits > 0) out += B64[(acc << (6 - bits)) & 63];
  return out;
}
