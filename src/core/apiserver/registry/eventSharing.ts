/**
 * shareEventParts is the core/v1 Event registry's prepareForCreate: an Event's `source` and
 * `involvedObject` become frozen objects shared with earlier Events that had equal ones.
 *
 * Every Event a component writes has the same source ({component, host}), and a kubelet's
 * Events of one pod sync (Pulled, Created, Started) name the same object at the same
 * resourceVersion. Decoding gave each stored Event its own copies (~56 and ~96 bytes), which
 * a busy cluster keeps for the Event TTL's hour. The stored JSON is unchanged: only objects
 * whose fields are all strings are shared, and only with one that has the same fields in the
 * same order.
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
  const source = stringRecord(e.source);
  if (source) {
    const key = JSON.stringify(source);
    let shared = sources.get(key);
    if (!shared) {
      if (sources.size >= SOURCES_LIMIT) sources.clear();
      shared = Object.freeze(source);
      sources.set(key, shared);
    }
    e.source = shared;
  }
  const involved = stringRecord(e.involvedObject);
  if (involved) {
    if (lastInvolved && sameRecord(involved, lastInvolved)) e.involvedObject = lastInvolved;
    else lastInvolved = Object.freeze(involved);
  }
}

/** stringRecord returns `v` when it is a plain object whose fields are all strings. */
function stringRecord(v: unknown): Record<string, string> | undefined {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return undefined;
  for (const k in v) if (typeof (v as Record<string, unknown>)[k] !== 'string') return undefined;
  return v as Record<string, string>;
}

/** sameRecord says whether two string records have the same fields, in the same order, with the same values. */
function sameRecord(a: Readonly<Record<string, string>>, b: Readonly<Record<string, string>>): boolean {
  const ak = Object.keys(a);
  const bk = Object.keys(b);
  if (ak.length !== bk.length) return false;
  for (let i = 0; i < ak.length; i++) if (ak[i] !== bk[i] || a[ak[i]!] !== b[bk[i]!]) return false;
  return true;
}
