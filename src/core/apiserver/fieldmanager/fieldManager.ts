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
import { differenceFields, fieldsContainsAll, recursiveDifferenceFields, unionFields } from './encodedSetOps.ts';
import type { FieldSet, FieldsV1 } from './fieldSet.ts';
import { fieldsIntersect, fieldsTouchedBy } from './fieldsV1.ts';
import { EMPTY, internedId } from './internedTries.ts';
import { encodedManager, encodeManagers, encodedOf, managersOf, printManager, sameManager, type Manager } from './managedFields.ts';
import { placeholderView, withRealVolumes } from './podVolumeNames.ts';
import { fieldType, ssaTypeOf, type SsaType } from './structure.ts';
import { compare, matchShapeParts, merge, prune, shapeParts, toFieldSet, zeroValue } from './typed.ts';

/** Write identifies the manager making a write. */
export interface Write {
  kind: string;
  manager: string;
  apiVersion: string;
  time: string;
  subresource: string;
  /** scope: what the write can change (see comparable). */
  scope?: 'all' | 'status' | 'spec';
}

// Fields no manager owns (fieldmanager's stripMeta): identity and server bookkeeping.
const IGNORED_META = ['name', 'namespace', 'creationTimestamp', 'selfLink', 'uid', 'generation', 'managedFields', 'resourceVersion', 'deletionTimestamp', 'deletionGracePeriodSeconds'];
const IGNORED_META_SET = new Set(IGNORED_META);

/**
 * comparable drops what field ownership ignores, and what the write cannot have changed:
 * a status write changes only status, and a main-resource write of a kind with a status
 * subresource keeps the stored status (the registry strategies reset the rest).
 */
function comparable(obj: KubeObject | Record<string, unknown>, scope: Write['scope'] = 'all'): Record<string, unknown> {
  if (scope === 'status') return { status: (obj as Record<string, unknown>).status };
  const { apiVersion: _v, kind: _k, metadata, ...all } = obj as Record<string, unknown>;
  const rest = scope === 'spec' ? { ...all, status: undefined } : all;
  if (!metadata || typeof metadata !== 'object') return rest;
  // Copied without the ignored keys rather than copied whole and `delete`d: deleting turns
  // the copy into a slow dictionary-mode object that every later walk pays for.
  const meta: Record<string, unknown> = {};
  for (const f of Object.keys(metadata)) if (!IGNORED_META_SET.has(f)) meta[f] = (metadata as Record<string, unknown>)[f];
  return { ...rest, metadata: meta };
}

/**
 * rewritesManagedFields tells whether a write starts from the managers its request sent
 * rather than the stored object's: when the request itself rewrote metadata.managedFields
 * (kubectl's client-side → server-side apply upgrade sends such a patch), the API server
 * takes them as given.
 */
function rewritesManagedFields(obj: KubeObject, old: KubeObject | undefined): boolean {
  const incoming = obj.metadata.managedFields;
  const stored = old?.metadata.managedFields;
  return !!incoming && incoming !== stored && incoming.length > 0 && !sameEntries(incoming, stored);
}

/**
 * sameEntries compares entries by identity (manager, operation, version, subresource, time):
 * clients send back the managedFields they read, as copies, and comparing whole tries on
 * every write would cost more than the write.
 */
function sameEntries(a: readonly unknown[], b: readonly unknown[] | undefined): boolean {
  if (!b || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] as Record<string, unknown>;
    const y = b[i] as Record<string, unknown>;
    if (x.manager !== y.manager || x.operation !== y.operation || x.apiVersion !== y.apiVersion || x.subresource !== y.subresource || x.time !== y.time) return false;
  }
  return true;
}

// Field sets of created objects by kind and shape (see shapeParts), bounded. Small: a set is
// tens of KB of tries, and the shapes that repeat are few (Events of one kind of message).
// Pods are cached under their shape with the service-account volume's random name
// (kube-api-access-<random>) replaced by a placeholder (podVolumeNames.ts), so the pods of
// one template share an entry; a pod without such a volume is not cached (its shape would
// not repeat: a 512-entry cache once held ~20 MB of sets that were never hit again).
const createdSets = new Map<string, Manager['set']>();
const CREATED_LIMIT = 32;

// What a created object's shape leaves out at its top level: what comparable drops.
const NOT_COMPARED = new Set(['apiVersion', 'kind', 'metadata']);

/**
 * createdShape is the shape (see shapeParts) of comparable(obj), as pieces, read from the
 * object itself without building the comparable copy; metadata keeps its place in the
 * object's order, which with the rest determines comparable's order too.
 */
function createdShape(obj: KubeObject, kind: string, type: SsaType): string[] {
  const out: string[] = [kind, '|'];
  for (const k of Object.keys(obj)) {
    const v = (obj as Record<string, unknown>)[k];
    if (k === 'metadata') {
      out.push('metadata{');
      shapeParts(v, fieldType(type, 'metadata'), out, IGNORED_META_SET);
      out.push('}');
    } else if (!NOT_COMPARED.has(k) && v != null) {
      out.push(k, '{');
      shapeParts(v, fieldType(type, k), out);
      out.push('}');
    }
  }
  return out;
}

/** hasCreatedShape tells whether obj's createdShape would equal pieces, without building it. */
function hasCreatedShape(obj: KubeObject, type: SsaType, pieces: readonly string[]): boolean {
  let i = 2; // pieces[0..1] are the kind, which the caller's table is keyed by, and '|'
  for (const k of Object.keys(obj)) {
    const v = (obj as Record<string, unknown>)[k];
    if (k === 'metadata') {
      if (pieces[i] !== 'metadata{') return false;
      i = matchShapeParts(v, fieldType(type, 'metadata'), pieces, i + 1, IGNORED_META_SET);
    } else if (!NOT_COMPARED.has(k) && v != null) {
      if (pieces[i] !== k || pieces[i + 1] !== '{') return false;
      i = matchShapeParts(v, fieldType(type, k), pieces, i + 2);
    } else continue;
    if (i < 0 || pieces[i] !== '}') return false;
    i++;
  }
  return i === pieces.length;
}

// The last created shape of each kind and its set. Creates come in runs of one shape (a
// ReplicaSet's pods, a kubelet's Events), and comparing a create's pieces with the last
// ones as it walks costs no key string: ~300 pieces joined and hashed per pod otherwise.
// The set is what the key maps to, so it stays right when createdSets is cleared.
const lastCreated = new Map<string, { pieces: readonly string[]; set: Manager['set'] }>();

/** recordCreate is recordUpdate for a new object: the creator owns every field it set. */
function recordCreate(obj: KubeObject, w: Write): void {
  const type = ssaTypeOf(w.kind);
  const pod = w.kind === 'Pod' ? placeholderView(obj, type) : undefined;
  const source = pod?.view ?? obj;
  const cacheable = (w.kind !== 'Pod' || pod !== undefined) && isMeta(source.metadata);
  const last = cacheable ? lastCreated.get(w.kind) : undefined;
  let set = last && hasCreatedShape(source, type, last.pieces) ? last.set : undefined;
  if (!set) {
    const pieces = cacheable ? createdShape(source, w.kind, type) : undefined;
    const key = pieces?.join('');
    set = key ? createdSets.get(key) : undefined;
    if (!set) {
      const fields = comparable(source);
      const cmp = compare(zeroValue(type), fields, type);
      set = cmp.added.union(cmp.modified);
      if (key) {
        if (createdSets.size >= CREATED_LIMIT) createdSets.clear();
        createdSets.set(key, set);
      }
    }
    if (pieces) lastCreated.set(w.kind, { pieces, set });
  }
  if (pod) set = withRealVolumes(set, pod.renames);
  obj.metadata.managedFields = encodeManagers([
    { manager: w.manager, operation: 'Update', apiVersion: w.apiVersion, subresource: w.subresource, time: w.time, set, fields: encodedOf(set) },
  ]) as KubeObject['metadata']['managedFields'];
}

/** isMeta: only objects whose metadata is an object are cached (comparable needs one). */
function isMeta(meta: unknown): boolean {
  return meta !== null && typeof meta === 'object' && !Array.isArray(meta);
}

/**
 * recordUpdate sets obj.metadata.managedFields after an Update by w.manager. It answers
 * whether the write changed a field the manager could own (then the write is no no-op).
 */
export function recordUpdate(obj: KubeObject, old: KubeObject | undefined, w: Write): boolean {
  if (!old && !obj.metadata.managedFields?.length) {
    recordCreate(obj, w);
    return true;
  }
  const type = ssaTypeOf(w.kind);
  // Decoding the stored entries is cheap (their sets are decoded only if asked for): no
  // cache by stored version, whose one hit was a second write against the same version.
  const rewritten = rewritesManagedFields(obj, old);
  const managers = rewritten ? managersOf(obj) : managersOf(old);
  const before = old ? comparable(old, w.scope) : zeroValue(type);
  const cmp = compare(before, comparable(obj, w.scope), type);
  const changed = cmp.added.union(cmp.modified);
  const next: Manager[] = [];
  let mine: Manager | undefined;
  let dirty = false;
  for (const m of managers) {
    if (sameManager(m, w.manager, 'Update', w.subresource, w.apiVersion)) {
      mine = m;
      continue;
    }
    if (!losesFields(m, changed, cmp.removed)) {
      next.push(m);
      continue;
    }
    next.push(withoutFields(m, changed, cmp.removed));
    dirty = true;
  }
  // Upstream stamps the time whenever the write changed any field (managedFieldsUpdater).
  const time = changed.empty() ? mine?.time : w.time;
  // The writer's own entry, worked on its interned trie when it has one (see
  // encodedSetOps.ts), else on its decoded set. Most writes change fields their manager
  // already owns (a kubelet's status heartbeat): then its set is kept as it is.
  const trie = mine ? interned(mine) : EMPTY;
  let own: Manager;
  let unchanged: boolean;
  if (trie !== undefined) {
    unchanged = mine ? fieldsContainsAll(trie, changed) && !fieldsTouchedBy(trie, cmp.removed) : changed.empty();
    own = encodedManager(identity(w), time, unchanged ? trie : recursiveDifferenceFields(unionFields(trie, changed), cmp.removed));
  } else {
    const base = mine!.set;
    unchanged = base.containsAll(changed) && !base.touchedBy(cmp.removed);
    const set = unchanged ? base : base.union(changed).recursiveDifference(cmp.removed);
    own = { ...identity(w), time, set, fields: unchanged ? mine!.fields : undefined };
  }
  if (unchanged && !dirty && time === mine?.time && old && !rewritten) {
    // Nothing about ownership changed: keep the stored entries (and their identity).
    obj.metadata.managedFields = old.metadata.managedFields;
    return !(changed.empty() && cmp.removed.empty());
  }
  next.push(own);
  obj.metadata.managedFields = encodeManagers(next) as KubeObject['metadata']['managedFields'];
  return !(changed.empty() && cmp.removed.empty());
}

/** identity is the manager identity an Update by w records. */
function identity(w: Write): Pick<Manager, 'manager' | 'operation' | 'apiVersion' | 'subresource'> {
  return { manager: w.manager, operation: 'Update', apiVersion: w.apiVersion, subresource: w.subresource };
}

/** interned is a manager's trie when it is one of ours (interned, see encodedSetOps.ts), else undefined. */
function interned(m: Manager): FieldsV1 | undefined {
  return m.fields !== undefined && internedId(m.fields) !== undefined ? m.fields : undefined;
}

/** withoutFields is another manager after a write took the changed fields and the removed ones from it. */
function withoutFields(m: Manager, changed: FieldSet, removed: FieldSet): Manager {
  const trie = interned(m);
  if (trie !== undefined) return encodedManager(m, m.time, recursiveDifferenceFields(differenceFields(trie, changed), removed));
  return { manager: m.manager, operation: m.operation, apiVersion: m.apiVersion, subresource: m.subresource, time: m.time, set: m.set.difference(changed).recursiveDifference(removed) };
}

/**
 * losesFields tells whether a write takes fields from another manager: it changed a field
 * m owns, or removed one m owns or something above it. Asked of the encoded trie when m was
 * read from one, so the sets of managers that lose nothing are never decoded.
 */
function losesFields(m: Manager, changed: FieldSet, removed: FieldSet): boolean {
  if (m.fields) return fieldsIntersect(m.fields, changed) || fieldsTouchedBy(m.fields, removed);
  return m.set.intersects(changed) || m.set.touchedBy(removed);
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
    next.push({ ...m, set: m.set.difference(owned), fields: undefined });
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
