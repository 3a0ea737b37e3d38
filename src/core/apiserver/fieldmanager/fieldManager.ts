/**
 * The field manager: who owns which field of an object, after k8s.io/apiserver's
 * fieldmanager and sigs.k8s.io/structured-merge-diff's merge.Updater.
 *
 * - An Update (create, PUT, non-apply PATCH, subresource writes) gives its manager the
 *   fields it added or changed, takes them from every other manager, and forgets removed
 *   fields everywhere.
 * - An Apply merges the applied configuration into the live object, refuses to change
 *   fields other managers own unless forced (409 Conflict listing them), removes fields the
 *   applier stopped applying when nobody else owns them, and makes the applier own exactly
 *   the fields of its configuration.
 * Managers left owning nothing are dropped, as upstream drops them.
 */
import { StatusError } from '../../api/status.ts';
import type { KubeObject } from '../../api/types.ts';
import { FieldSet } from './fieldSet.ts';
import { encodeManagers, managersOf, printManager, sameManager, type Manager } from './managedFields.ts';
import { ssaTypeOf } from './structure.ts';
import { compare, merge, prune, toFieldSet, zeroValue } from './typed.ts';

/** Write identifies the manager making a write. */
export interface Write {
  kind: string;
  manager: string;
  apiVersion: string;
  time: string;
  subresource: string;
}

// Fields no manager owns (fieldmanager's stripMeta): identity and server bookkeeping.
const IGNORED_META = ['name', 'namespace', 'creationTimestamp', 'selfLink', 'uid', 'generation', 'managedFields', 'resourceVersion', 'deletionTimestamp', 'deletionGracePeriodSeconds'];

/** comparable drops what field ownership ignores. */
function comparable(obj: KubeObject | Record<string, unknown>): Record<string, unknown> {
  const { apiVersion: _v, kind: _k, metadata, ...rest } = obj as Record<string, unknown>;
  if (!metadata || typeof metadata !== 'object') return rest;
  const meta: Record<string, unknown> = { ...(metadata as Record<string, unknown>) };
  for (const f of IGNORED_META) delete meta[f];
  return { ...rest, metadata: meta };
}

/**
 * managersForWrite chooses the managers a write starts from: the stored object's, unless
 * the request itself rewrote metadata.managedFields (kubectl's client-side → server-side
 * apply upgrade sends such a patch), which the API server then takes as given.
 */
function baseManagers(obj: KubeObject, old: KubeObject | undefined): Manager[] {
  return rewritesManagedFields(obj, old) ? managersOf(obj) : managersOfStored(old, obj);
}

function rewritesManagedFields(obj: KubeObject, old: KubeObject | undefined): boolean {
  const incoming = obj.metadata.managedFields;
  const stored = old?.metadata.managedFields;
  return !!incoming && incoming !== stored && incoming.length > 0 && !sameEntries(incoming, stored);
}

// The stored object's managers, decoded once per stored version.
const storedManagers = new WeakMap<KubeObject, Manager[]>();

function managersOfStored(old: KubeObject | undefined, obj: KubeObject): Manager[] {
  if (!old) return [];
  if (rewritesManagedFields(obj, old)) return managersOf(obj);
  let m = storedManagers.get(old);
  if (!m) {
    m = managersOf(old);
    storedManagers.set(old, m);
  }
  return m;
}

function sameEntries(a: readonly unknown[], b: readonly unknown[] | undefined): boolean {
  if (!b || a.length !== b.length) return false;
  return JSON.stringify(a) === JSON.stringify(b);
}

/** recordUpdate sets obj.metadata.managedFields after an Update by w.manager. */
export function recordUpdate(obj: KubeObject, old: KubeObject | undefined, w: Write): void {
  const type = ssaTypeOf(w.kind);
  const managers = baseManagers(obj, old);
  const before = old ? comparable(old) : zeroValue(type);
  const cmp = compare(before, comparable(obj), type);
  const changed = cmp.added.union(cmp.modified);
  const next: Manager[] = [];
  let mine: Manager | undefined;
  let dirty = false;
  for (const m of managers) {
    if (sameManager(m, w.manager, 'Update', w.subresource, w.apiVersion)) {
      mine = m;
      continue;
    }
    const set = m.set.difference(changed).recursiveDifference(cmp.removed);
    if (set.equals(m.set)) next.push(m);
    else {
      next.push({ ...m, set });
      dirty = true;
    }
  }
  const set = (mine?.set ?? new FieldSet()).union(changed).recursiveDifference(cmp.removed);
  const unchanged = mine ? set.equals(mine.set) : set.empty();
  if (unchanged && !dirty && old && managers === managersOfStored(old, obj)) {
    // Nothing about ownership changed: keep the stored entries (and their identity).
    obj.metadata.managedFields = old.metadata.managedFields;
    return;
  }
  next.push({ manager: w.manager, operation: 'Update', apiVersion: w.apiVersion, subresource: w.subresource, time: unchanged ? mine?.time : w.time, set });
  obj.metadata.managedFields = encodeManagers(next) as KubeObject['metadata']['managedFields'];
}

/** recordCreateByApply sets managedFields of an object an apply request created. */
export function recordCreateByApply(obj: KubeObject, config: KubeObject, w: Write): void {
  const set = toFieldSet(comparable(config), ssaTypeOf(w.kind));
  obj.metadata.managedFields = encodeManagers([
    { manager: w.manager, operation: 'Apply', apiVersion: w.apiVersion, subresource: w.subresource, time: w.time, set },
  ]) as KubeObject['metadata']['managedFields'];
}

/**
 * applyConfig merges an applied configuration into the live object and returns the
 * result with its new managedFields, or throws the 409 Apply conflict.
 */
export function applyConfig(live: KubeObject, config: KubeObject, w: Write, force: boolean): KubeObject {
  const type = ssaTypeOf(w.kind);
  const managers = managersOf(live);
  const configFields = comparable(config);
  const applied = toFieldSet(configFields, type);
  const liveFields = comparable(live);
  let merged = merge(liveFields, configFields, type) as Record<string, unknown>;

  const cmp = compare(liveFields, merged, type);
  const changed = cmp.added.union(cmp.modified);
  const mine = managers.find((m) => sameManager(m, w.manager, 'Apply', w.subresource, w.apiVersion));
  const others = managers.filter((m) => m !== mine);
  const conflicts: { manager: Manager; path: string }[] = [];
  const next: Manager[] = [];
  for (const m of others) {
    const owned = m.set.intersection(changed);
    if (owned.empty()) {
      next.push(m);
      continue;
    }
    if (!force) for (const path of owned.printedPaths()) conflicts.push({ manager: m, path });
    next.push({ ...m, set: m.set.difference(owned) });
  }
  if (conflicts.length > 0) throw applyConflict(conflicts);

  // Fields the applier applied before and no longer applies go, unless someone else owns them.
  if (mine && !mine.set.difference(applied).empty()) {
    const owned = next.reduce((acc, m) => acc.union(m.set), applied);
    merged = (prune(merged, mine.set, owned, type) ?? {}) as Record<string, unknown>;
  }
  next.push({ manager: w.manager, operation: 'Apply', apiVersion: w.apiVersion, subresource: w.subresource, time: w.time, set: applied });

  const out = { ...merged, apiVersion: live.apiVersion, kind: live.kind } as unknown as KubeObject;
  out.metadata = { ...(merged.metadata as KubeObject['metadata']) };
  for (const f of IGNORED_META) {
    const v = (live.metadata as Record<string, unknown>)[f];
    if (v !== undefined) (out.metadata as Record<string, unknown>)[f] = v;
  }
  out.metadata.managedFields = encodeManagers(next) as KubeObject['metadata']['managedFields'];
  return out;
}

/** applyConflict is errors.NewApplyConflict with internal/conflict.go's message. */
function applyConflict(conflicts: { manager: Manager; path: string }[]): StatusError {
  const causes = conflicts.map((c) => ({ type: 'FieldManagerConflict', message: `conflict with ${printManager(c.manager)}`, field: c.path }));
  let message: string;
  if (conflicts.length === 1) {
    message = `Apply failed with 1 conflict: conflict with ${printManager(conflicts[0]!.manager)}: ${conflicts[0]!.path}`;
  } else {
    const byManager = new Map<string, string[]>();
    for (const c of conflicts) {
      const name = printManager(c.manager);
      byManager.set(name, [...(byManager.get(name) ?? []), c.path]);
    }
    const lines: string[] = [];
    for (const name of [...byManager.keys()].sort()) {
      lines.push(`conflicts with ${name}:`);
      for (const p of byManager.get(name)!) lines.push(`- ${p}`);
    }
    message = `Apply failed with ${conflicts.length} conflicts: ${lines.join('\n')}`;
  }
  return new StatusError({
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message,
    reason: 'Conflict',
    details: { causes },
    code: 409,
  });
}

/** ownershipChanged tells whether two versions' managers differ other than in time. */
export function ownershipChanged(a: KubeObject, b: KubeObject): boolean {
  const key = (o: KubeObject) => JSON.stringify((o.metadata.managedFields ?? []).map((e) => ({ ...e, time: undefined })));
  return key(a) !== key(b);
}
