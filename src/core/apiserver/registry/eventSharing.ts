/**
 * shareEventParts is the core/v1 Event registry's prepareForCreate: an Event's `source` and
 * `involvedObject` become frozen objects shared with earlier Events that had equal ones.
 *
 * Every Event a component writes has the same source ({component, host}), and a kubelet's
 * Events of one pod sync (Pulled, Created, Started) name the same object at the same
 * resourceVersion. Decoding gave each stored Event its own copies (~56 and ~96 bytes), which
 * a busy cluster keeps for the Event TTL's hour. The stored JSON is unchanged: only objects
 * whose fields are all strings are shared, and only with one that has the same fields in the
 * same order (sources only of the usual {component, host} shape).
 */
import type { KubeObject } from '../../api/types.ts';

/** SOURCES_LIMIT bounds the shared sources (one per component and host); the map starts over when full. */
const SOURCES_LIMIT = 512;

const sources = new Map<string, Readonly<Record<string, string>>>();
/** lastInvolved is the involvedObject of the previous Event created (the next one often names the same). */
let lastInvolved: Readonly<Record<string, string>> | undefined;

/** shareEventParts replaces obj.source and obj.involvedObject by equal shared frozen objects where it can. */
export function shareEventParts(obj: KubeObject): void {
  const e = obj as { source?: unknown; involvedObject?: unknown };
  const source = e.source;
  const key = sourceKey(source);
  if (key !== undefined) {
    let shared = sources.get(key);
    if (!shared) {
      if (sources.size >= SOURCES_LIMIT) sources.clear();
      shared = Object.freeze(source as Record<string, string>);
      sources.set(key, shared);
    }
    e.source = shared;
  }
  const involved = e.involvedObject;
  if (!isPlainObject(involved)) return;
  const keys = Object.keys(involved);
  if (lastInvolved && sameStrings(involved, keys, lastInvolved, lastKeys)) {
    e.involvedObject = lastInvolved;
  } else if (keys.every((k) => typeof involved[k] === 'string')) {
    lastInvolved = Object.freeze(involved as Record<string, string>);
    lastKeys = keys;
  }
}

/** lastKeys are lastInvolved's field names in order. */
let lastKeys: string[] = [];

/**
 * sourceKey names a source of the usual shape ({component} or {component, host}, strings, in
 * that order) for the shared table; any other source is left alone (undefined).
 */
function sourceKey(v: unknown): string | undefined {
  if (!isPlainObject(v)) return undefined;
  const keys = Object.keys(v);
  const component = v.component;
  if (typeof component !== 'string' || keys[0] !== 'component') return undefined;
  if (keys.length === 1) return component;
  const host = v.host;
  if (keys.length !== 2 || keys[1] !== 'host' || typeof host !== 'string') return undefined;
  return `${component}\u0000${host}`;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** sameStrings says whether `a` (field names `ak`) has exactly b's string fields, in b's order. */
function sameStrings(a: Record<string, unknown>, ak: readonly string[], b: Readonly<Record<string, string>>, bk: readonly string[]): boolean {
  if (ak.length !== bk.length) return false;
  for (let i = 0; i < ak.length; i++) if (ak[i] !== bk[i] || a[ak[i]!] !== b[bk[i]!]) return false;
  return true;
}
