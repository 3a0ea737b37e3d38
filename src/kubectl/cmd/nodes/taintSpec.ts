/**
 * taintSpec parses `kubectl taint` arguments: `key=value:Effect`, `key:Effect` to add,
 * `key-` / `key:Effect-` to remove — ParseTaints from staging/src/k8s.io/kubectl/pkg/cmd/taint/utils.go,
 * with its exact error texts.
 */
import { isQualifiedName, isValidLabelValue } from '../../../core/api/nameValidation.ts';

/** Taint is a core/v1 Taint. */
export interface Taint {
  key: string;
  value?: string;
  effect: string;
  timeAdded?: string;
}

const EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];

/** taintString is Taint.ToString(): "key=value:Effect", "key:Effect", "key". */
export function taintString(t: { key: string; value?: string; effect?: string }): string {
  if (!t.effect) return t.value ? `${t.key}=${t.value}:` : t.key;
  return t.value ? `${t.key}=${t.value}:${t.effect}` : `${t.key}:${t.effect}`;
}

function validateEffect(effect: string): void {
  if (!EFFECTS.includes(effect)) throw new Error(`invalid taint effect: ${effect}, unsupported taint effect`);
}

function parseTaint(spec: string): Taint {
  const parts = spec.split(':');
  let key: string;
  let value = '';
  let effect = '';
  if (parts.length === 1) key = parts[0];
  else if (parts.length === 2) {
    effect = parts[1];
    validateEffect(effect);
    const kv = parts[0].split('=');
    if (kv.length > 2) throw new Error(`invalid taint spec: ${spec}`);
    key = kv[0];
    if (kv.length === 2) {
      value = kv[1];
      const errs = isValidLabelValue(value);
      if (errs.length > 0) throw new Error(`invalid taint spec: ${spec}, ${errs.join('; ')}`);
    }
  } else throw new Error(`invalid taint spec: ${spec}`);
  const errs = isQualifiedName(key);
  if (errs.length > 0) throw new Error(`invalid taint spec: ${spec}, ${errs.join('; ')}`);
  return value ? { key, value, effect } : { key, effect };
}

/** parseTaints splits specs into taints to add and to remove; throws Error with kubectl's message. */
export function parseTaints(specs: string[]): { add: Taint[]; remove: Array<{ key: string; effect?: string }> } {
  const add: Taint[] = [];
  const remove: Array<{ key: string; effect?: string }> = [];
  const seen = new Set<string>();
  for (const spec of specs) {
    if (spec.endsWith('-')) {
      // kubectl v1.32 parses a removal like an addition (so `key=value:Effect-` works) and keeps key and effect.
      const { key, effect } = parseTaint(spec.slice(0, -1));
      remove.push(effect ? { key, effect } : { key });
      continue;
    }
    const t = parseTaint(spec);
    if (!t.effect) throw new Error(`invalid taint spec: ${spec}`);
    const id = `${t.effect}\u0000${t.key}`;
    if (seen.has(id)) throw new Error(`duplicated taints with the same key and effect: ${goTaint(t)}`);
    seen.add(id);
    add.push(t);
  }
  return { add, remove };
}

/** goTaint is %v of a Taint struct: {key value Effect <nil>}. */
function goTaint(t: Taint): string {
  return `{${t.key} ${t.value ?? ''} ${t.effect} <nil>}`;
}

/**
 * reorganizeTaints is ReorganizeTaints: new taints first, then the old ones they do not
 * replace, minus removals; the operation says what the node reports.
 */
export function reorganizeTaints(
  old: Taint[],
  overwrite: boolean,
  add: Taint[],
  remove: Array<{ key: string; effect?: string }>,
): { operation: 'tainted' | 'untainted' | 'modified'; taints: Taint[]; errors: string[] } {
  let taints = [...add];
  for (const o of old) if (!taints.some((t) => t.key === o.key && t.effect === o.effect)) taints.push(o);
  const added = old.length !== taints.length;
  const errors: string[] = [];
  let removed = false;
  for (const r of remove) {
    const before = taints.length;
    taints = taints.filter((t) => !(t.key === r.key && (!r.effect || t.effect === r.effect)));
    removed = taints.length !== before;
    if (!removed) errors.push(`taint "${taintString(r)}" not found`);
  }
  const operation = (added && removed) || overwrite ? 'modified' : added ? 'tainted' : 'untainted';
  return { operation, taints, errors };
}

/** taintsAlreadyExisting is CheckIfTaintsAlreadyExists: keys added again with the same effect, comma-joined. */
export function taintsAlreadyExisting(old: Taint[], add: Taint[]): string {
  const keys: string[] = [];
  for (const t of add) for (const o of old) if (t.key === o.key && t.effect === o.effect) keys.push(t.key);
  return keys.join(',');
}
