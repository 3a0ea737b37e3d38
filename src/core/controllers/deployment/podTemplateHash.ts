/**
 * The pod-template-hash: the suffix in `web-7c5ddbdf54` and the label that keeps a
 * Deployment's ReplicaSets from fighting over each other's pods.
 *
 * Upstream (pkg/controller/controller_utils.go ComputeHash) feeds a deep print of the
 * PodTemplateSpec into FNV-1a 32, appends the collisionCount (4 bytes, little endian)
 * when set, and encodes the decimal sum with rand.SafeEncodeString. We hash a canonical
 * JSON form instead of Go's struct dump, so values differ from a real cluster's, but
 * the shape is the same (9–10 characters from "456789bcdf", since only digits are
 * encoded) and a given template always gets the same hash.
 */
import { utf8Encode } from '../../api/encoding.ts';

/** SAFE_ALPHABET is k8s.io/apimachinery/pkg/util/rand's alphanums. */
const SAFE_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

/** fnv32a is the 32-bit FNV-1a hash of bytes. */
export function fnv32a(bytes: Iterable<number>, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (const b of bytes) {
    h ^= b & 0xff;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** safeEncodeString is rand.SafeEncodeString: each byte mapped into the safe alphabet. */
export function safeEncodeString(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) out += SAFE_ALPHABET[s.charCodeAt(i) % SAFE_ALPHABET.length];
  return out;
}

/** canonicalJSON serialises with sorted keys, so equal templates give equal bytes. */
export function canonicalJSON(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJSON).join(',')}]`;
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj).filter((k) => obj[k] !== undefined).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJSON(obj[k])}`).join(',')}}`;
}

/** computeHash is controller.ComputeHash for a pod template and optional collisionCount. */
export function computeHash(template: unknown, collisionCount?: number): string {
  let h = fnv32a(utf8Encode(canonicalJSON(template)));
  if (collisionCount !== undefined && collisionCount !== null) {
    const n = collisionCount >>> 0;
    h = fnv32a([n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, (n >>> 24) & 0xff], h);
  }
  return safeEncodeString(String(h));
}
