/**
 * Path elements of structured-merge-diff (sigs.k8s.io/structured-merge-diff fieldpath):
 * how one step into an object is named in `fieldsV1` and in conflict messages.
 *
 * - a struct or map field: `f:replicas`, printed `.replicas`
 * - an item of an associative list, by its key fields: `k:{"name":"nginx"}`, printed `[name="nginx"]`
 * - an item of a set-list, by its value: `v:"foregroundDeletion"`, printed `[="foregroundDeletion"]`
 * - an item of a list by position (only where a list has no keys): `i:0`, printed `[0]`
 */

// Field elements by field name (bounded): the field manager names the same few hundred
// fields on every write, and a remembered element is one flat string instead of a new
// concatenation per visit.
const fieldElements = new Map<string, string>();
const FIELD_ELEMENTS_LIMIT = 4096;

/** fieldElement names a struct or map field. */
export function fieldElement(name: string): string {
  let e = fieldElements.get(name);
  if (e === undefined) {
    e = `f:${name}`;
    if (fieldElements.size >= FIELD_ELEMENTS_LIMIT) fieldElements.clear();
    fieldElements.set(name, e);
  }
  return e;
}

// Elements of one-key list items with a string key, by key name, then value (bounded per
// key name; the key names are the few the SSA structure declares).
const singleKeyElements = new Map<string, Map<string, string>>();
const SINGLE_KEY_ELEMENTS_LIMIT = 4096;

/**
 * keyElement names an associative-list item. Key fields are serialised as JSON with the
 * field names sorted, as fieldpath.KeyByFields sorts them.
 */
export function keyElement(item: Record<string, unknown>, keys: readonly string[]): string {
  if (keys.length === 1) {
    // Most associative lists have one key (conditions by type, containers by name): no
    // sort, and string keys are remembered (the field manager names the same conditions on
    // every status write).
    const v = item[keys[0]!];
    if (v === undefined) return 'k:{}';
    if (typeof v !== 'string') return `k:{${JSON.stringify(keys[0])}:${JSON.stringify(v)}}`;
    let byValue = singleKeyElements.get(keys[0]!);
    if (!byValue) singleKeyElements.set(keys[0]!, (byValue = new Map()));
    let e = byValue.get(v);
    if (e === undefined) {
      e = `k:{${JSON.stringify(keys[0])}:${JSON.stringify(v)}}`;
      if (byValue.size >= SINGLE_KEY_ELEMENTS_LIMIT) byValue.clear();
      byValue.set(v, e);
    }
    return e;
  }
  const sorted = [...keys].sort();
  const parts = sorted.filter((k) => item[k] !== undefined).map((k) => `${JSON.stringify(k)}:${JSON.stringify(item[k])}`);
  return `k:{${parts.join(',')}}`;
}

/** valueElement names a set-list item by its value. */
export function valueElement(value: unknown): string {
  return `v:${JSON.stringify(value)}`;
}

/** indexElement names a list item by position. */
export function indexElement(i: number): string {
  return `i:${i}`;
}

/** printElement renders one element the way fieldpath.PathElement.String does. */
export function printElement(element: string): string {
  const body = element.slice(2);
  switch (element[0]) {
    case 'f':
      return `.${body}`;
    case 'k': {
      const key = JSON.parse(body) as Record<string, unknown>;
      return `[${Object.entries(key).map(([k, v]) => `${k}=${JSON.stringify(v)}`).join(',')}]`;
    }
    case 'v':
      return `[=${body}]`;
    default:
      return `[${body}]`;
  }
}

/** printPath renders a whole path: `.spec.template.spec.containers[name="nginx"].image`. */
export function printPath(path: readonly string[]): string {
  return path.map(printElement).join('');
}
