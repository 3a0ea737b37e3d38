/**
 * metadata.managedFields encoded and decoded (k8s.io/apiserver/.../fieldmanager/internal/
 * managedfields.go): entries with their field sets, sorted as the API server sorts them
 * (Apply before Update, then oldest first, then by manager name, version, subresource).
 */
import type { KubeObject } from '../../api/types.ts';
import { flatString } from '../../api/flatString.ts';
import { thaw } from '../../api/clone.ts';
import { FieldSet, type FieldsV1 } from './fieldSet.ts';
import { decodeInterned, EMPTY, encodeSet, internedId } from './internedTries.ts';

/** ManagedFieldsEntry is one entry of metadata.managedFields. */
export interface ManagedFieldsEntry {
  manager: string;
  operation: 'Apply' | 'Update';
  apiVersion: string;
  time?: string;
  fieldsType: 'FieldsV1';
  fieldsV1: FieldsV1;
  subresource?: string;
}

/** Manager is a decoded entry: its identity and its field set. */
export interface Manager {
  manager: string;
  operation: 'Apply' | 'Update';
  apiVersion: string;
  subresource: string;
  time?: string;
  set: FieldSet;
  /** fields is the encoded trie the set was read from, reused while the set is unchanged. */
  fields?: FieldsV1;
  /** entry is the stored entry the manager was read from, reused as it is while the manager is unchanged. */
  entry?: ManagedFieldsEntry;
}

// Stored objects are immutable and share their fieldsV1 tries between versions, so a
// decoded set can be cached by the trie's identity.
// Bounded, not weak: a WeakMap would keep a decoded trie alive for as long as its stored
// fieldsV1 lives, i.e. a few KB per pod for the life of the cluster. Sets are only needed
// for the objects being written right now.
const decoded = new Map<object, FieldSet>();
const DECODED_LIMIT = 128;

function remember(fields: object, set: FieldSet): void {
  if (decoded.size >= DECODED_LIMIT) decoded.clear();
  decoded.set(fields, set);
}

/**
 * decodeManagers reads an object's managedFields; entries that do not parse count as empty.
 * A manager's set is decoded when first read: a write usually needs only its own manager's
 * set, and asks the others only whether they own what changed (see fieldsV1.ts), which the
 * encoded trie answers without building sets.
 */
export function decodeManagers(entries: readonly unknown[] | undefined): Manager[] {
  const out: Manager[] = [];
  for (const raw of entries ?? []) {
    const e = raw as Partial<ManagedFieldsEntry>;
    if (!e || typeof e.manager !== 'string') continue;
    const fields = (e.fieldsV1 && typeof e.fieldsV1 === 'object' ? e.fieldsV1 : {}) as FieldsV1;
    const operation = e.operation === 'Apply' ? 'Apply' : 'Update';
    out.push(new EncodedManager(e.manager, operation, e.apiVersion ?? '', e.subresource ?? '', e.time, fields, isOwnEncoding(e) ? (e as ManagedFieldsEntry) : undefined));
  }
  return out;
}

/**
 * EncodedManager is a Manager known by its encoded trie, whose set is decoded when first
 * asked (a class rather than an object literal with a getter: that made a closure per
 * manager on every write).
 */
class EncodedManager implements Manager {
  #set: FieldSet | undefined = undefined;
  constructor(
    readonly manager: string,
    readonly operation: 'Apply' | 'Update',
    readonly apiVersion: string,
    readonly subresource: string,
    readonly time: string | undefined,
    readonly fields: FieldsV1,
    readonly entry: ManagedFieldsEntry | undefined,
  ) {}

  get set(): FieldSet {
    return (this.#set ??= decodeSet(this.fields));
  }
}

/**
 * encodedManager is a manager given by its identity, time and encoded trie (an interned
 * one, see encodedSetOps.ts); its set is decoded only if asked for.
 */
export function encodedManager(m: Pick<Manager, 'manager' | 'operation' | 'apiVersion' | 'subresource'>, time: string | undefined, fields: FieldsV1): Manager {
  return new EncodedManager(m.manager, m.operation, m.apiVersion, m.subresource, time, fields, undefined);
}

// The keys of an entry as encodeEntries writes it, in its order (subresource only when set).
const ENTRY_KEYS = ['manager', 'operation', 'apiVersion', 'time', 'fieldsType', 'fieldsV1', 'subresource'];

/**
 * isOwnEncoding tells whether a stored entry is exactly what encodeEntries would write for
 * the manager decoded from it (a frozen entry of ours, not a client's rewrite), so it can be
 * kept as it is.
 */
function isOwnEncoding(e: Partial<ManagedFieldsEntry>): boolean {
  if (!Object.isFrozen(e) || e.fieldsType !== 'FieldsV1' || internedId(e.fieldsV1 as FieldsV1) === undefined) return false;
  if ((e.operation !== 'Apply' && e.operation !== 'Update') || typeof e.apiVersion !== 'string' || typeof e.time !== 'string') return false;
  let i = 0;
  for (const k in e) {
    if (!Object.prototype.hasOwnProperty.call(e, k)) continue;
    if (k !== ENTRY_KEYS[i++]) return false;
  }
  return i === (e.subresource ? 7 : 6);
}

function decodeSet(fields: FieldsV1): FieldSet {
  let set = decoded.get(fields);
  if (!set) {
    set = internedId(fields) !== undefined ? decodeInterned(fields) : FieldSet.fromFieldsV1(fields);
    remember(fields, set);
  }
  return set;
}

/** encodedOf returns the interned fieldsV1 of a set (encoding it once). */
export function encodedOf(set: FieldSet): FieldsV1 {
  if (set.encoded !== undefined) return set.encoded ?? EMPTY;
  return intern(set);
}

function intern(set: FieldSet): FieldsV1 {
  const fields = encodeSet(set) ?? EMPTY;
  if (fields !== EMPTY) remember(fields, set);
  return fields;
}

// Encoded managedFields lists, shared (frozen) between objects with identical ones: the
// Events a component writes in one second, for one, all carry the same single entry. Keyed
// by each entry's identity and its trie's interned id; bounded, cleared when full.
const sharedLists = new Map<string, readonly ManagedFieldsEntry[]>();
const SHARED_LISTS_LIMIT = 4096;

/**
 * encodeManagers writes entries back in the API server's order, dropping empty sets. A
 * one-entry list may be shared with other objects (the Events a component writes in one
 * second all carry the same single entry), so it is frozen (stored objects are anyway).
 * Longer lists belong to objects with several writers, whose tries are their own: looking
 * them up would only fill the table.
 */
export function encodeManagers(managers: readonly Manager[]): ManagedFieldsEntry[] {
  const entries = encodeEntries(managers);
  if (entries.length !== 1) return entries;
  const e = entries[0]!;
  const id = internedId(e.fieldsV1);
  if (id === undefined) return entries; // a trie that is not ours: not shared
  const key = `${e.manager}\u0000${e.operation}\u0000${e.apiVersion}\u0000${e.time ?? ''}\u0000${e.subresource ?? ''}\u0000${id}`;
  const hit = sharedLists.get(key);
  if (hit) return hit as ManagedFieldsEntry[];
  Object.freeze(e);
  Object.freeze(entries);
  if (sharedLists.size >= SHARED_LISTS_LIMIT) sharedLists.clear();
  sharedLists.set(flatString(key), entries);
  return entries;
}

function encodeEntries(managers: readonly Manager[]): ManagedFieldsEntry[] {
  // A manager read from an encoded trie owns something exactly when its trie has a key
  // (every node of a trie holds a member), so its set need not be decoded to ask.
  const kept = managers.filter((m) => (m.fields ? hasKeys(m.fields) : !m.set.empty()));
  kept.sort(compareManagers);
  return kept.map((m) => {
    // An unchanged manager keeps its stored entry (frozen, shared with the stored version).
    if (m.entry && m.fields === m.entry.fieldsV1 && m.time === m.entry.time) return m.entry;
    const entry: ManagedFieldsEntry = {
      manager: m.manager,
      operation: m.operation,
      apiVersion: m.apiVersion,
      time: m.time,
      fieldsType: 'FieldsV1',
      fieldsV1: m.fields ?? intern(m.set),
    };
    if (m.time === undefined) delete entry.time;
    if (m.subresource) entry.subresource = m.subresource;
    return entry;
  });
}

function hasKeys(o: object): boolean {
  for (const k in o) if (Object.prototype.hasOwnProperty.call(o, k)) return true;
  return false;
}

/** compareManagers is sortEncodedManagedFields' order. */
function compareManagers(p: Manager, q: Manager): number {
  if (p.operation !== q.operation) return p.operation < q.operation ? -1 : 1;
  const pt = p.time ?? '';
  const qt = q.time ?? '';
  if (pt !== qt) return pt < qt ? -1 : 1;
  if (p.manager !== q.manager) return p.manager < q.manager ? -1 : 1;
  if (p.apiVersion !== q.apiVersion) return p.apiVersion < q.apiVersion ? -1 : 1;
  return p.subresource < q.subresource ? -1 : p.subresource > q.subresource ? 1 : 0;
}

/** sameManager tells whether two entries are the same field manager identity. */
export function sameManager(m: Manager, manager: string, operation: 'Apply' | 'Update', subresource: string, apiVersion: string): boolean {
  return m.manager === manager && m.operation === operation && m.subresource === subresource && m.apiVersion === apiVersion;
}

/** printManager names a manager in conflict messages (internal/conflict.go printManager). */
export function printManager(m: Manager): string {
  if (m.operation === 'Apply') return JSON.stringify(m.manager);
  const sub = m.subresource ? ` with subresource ${JSON.stringify(m.subresource)}` : '';
  return `${JSON.stringify(m.manager)}${sub} using ${m.apiVersion}`;
}

/** managersOf reads the managers of an object. */
export function managersOf(obj: KubeObject | undefined): Manager[] {
  return decodeManagers(obj?.metadata.managedFields as unknown[] | undefined);
}

/**
 * thawKeepingFieldsV1 is thaw (a deep mutable copy) that shares frozen fieldsV1 tries
 * instead of copying them. The API server decodes every write body, and clients send back
 * the managedFields they read: copying those interned, immutable tries was the largest part
 * of decoding a kubelet's status write, and a copy also loses the identity the decode cache
 * keys on. Nothing writes into a trie in place (sets are re-encoded), so sharing is safe.
 */
export function thawKeepingFieldsV1<T extends object>(body: T): T {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(body)) {
    const v = (body as Record<string, unknown>)[key];
    if (v === undefined) continue;
    out[key] = key === 'metadata' && v !== null && typeof v === 'object' && !Array.isArray(v) ? thawMetadata(v) : thaw(v);
  }
  return out as T;
}

/** thawMetadata is thawKeepingFieldsV1 of an object's metadata. */
export function thawMetadata<T extends object>(meta: T): T {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(meta)) {
    const v = (meta as Record<string, unknown>)[key];
    if (v === undefined) continue;
    out[key] = key === 'managedFields' && Array.isArray(v) ? v.map(thawEntry) : thaw(v);
  }
  return out as T;
}

function thawEntry(entry: unknown): unknown {
  if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) return thaw(entry);
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(entry)) {
    const v = (entry as Record<string, unknown>)[key];
    if (v === undefined) continue;
    out[key] = key === 'fieldsV1' && v !== null && typeof v === 'object' && Object.isFrozen(v) ? v : thaw(v);
  }
  return out;
}
