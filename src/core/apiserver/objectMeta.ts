/**
 * Server-owned ObjectMeta fields: what rest.BeforeCreate / BeforeUpdate fill or protect
 * (k8s.io/apiserver/pkg/registry/rest/create.go, update.go).
 */
import { flatString } from '../api/flatString.ts';
import type { KubeObject } from '../api/types.ts';
import type { Random } from '../sim/random.ts';

/** newUID returns a random RFC 4122 v4 UID drawn from the seeded generator. */
export function newUID(random: Random): string {
  const hex = '0123456789abcdef';
  // Digits are joined once: a rope of 32 one-character pieces would be kept with every object.
  const digits: string[] = new Array<string>(32);
  for (let i = 0; i < 32; i++) {
    let d = random.int(16);
    if (i === 12) d = 4;
    if (i === 16) d = 8 + (d & 3);
    digits[i] = hex[d]!;
  }
  const s = digits.join('');
  // Joined, not a template literal: a uid lives as long as its object, and a rope of nine
  // pieces costs ~300 bytes more than the flat 36 characters.
  return [s.slice(0, 8), s.slice(8, 12), s.slice(12, 16), s.slice(16, 20), s.slice(20)].join('-');
}

/**
 * generateNameSuffixLength is names.SimpleNameGenerator's five random characters; the
 * prefix is cut so the whole name stays within 63 characters.
 */
const randomLength = 5;
const maxGeneratedNameLength = 63 - randomLength;

/** generateName applies metadata.generateName when name is empty. */
export function applyGenerateName(obj: KubeObject, random: Random): void {
  const meta = obj.metadata;
  if (meta.name || !meta.generateName) return;
  const base = meta.generateName.slice(0, maxGeneratedNameLength);
  meta.name = flatString(base + random.string(randomLength));
}

/** fillSystemFields sets uid and creationTimestamp and drops fields clients may not set on create. */
export function fillSystemFields(obj: KubeObject, uid: string, now: string): void {
  const meta = obj.metadata;
  meta.uid = uid;
  meta.creationTimestamp = now;
  delete meta.deletionTimestamp;
  delete meta.deletionGracePeriodSeconds;
  delete meta.selfLink;
}

/** keepSystemFields copies fields that updates may not change from the stored object. */
export function keepSystemFields(obj: KubeObject, old: KubeObject): void {
  const meta = obj.metadata;
  const prev = old.metadata;
  meta.uid = prev.uid;
  meta.creationTimestamp = prev.creationTimestamp;
  meta.generation = prev.generation;
  meta.name = prev.name;
  if (prev.namespace !== undefined) meta.namespace = prev.namespace;
  if (prev.deletionTimestamp) meta.deletionTimestamp = prev.deletionTimestamp;
  else delete meta.deletionTimestamp;
  if (prev.deletionGracePeriodSeconds !== undefined) meta.deletionGracePeriodSeconds = prev.deletionGracePeriodSeconds;
  else delete meta.deletionGracePeriodSeconds;
  if (meta.generateName === undefined && prev.generateName !== undefined) meta.generateName = prev.generateName;
}
