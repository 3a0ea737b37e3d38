/**
 * JSON Patch (RFC 6902): `application/json-patch+json`.
 *
 * What `kubectl patch --type=json` and client libraries send by default.
 * Models gopkg.in/evanphx/json-patch.v4 as the v1.32 API server uses it: its
 * error texts become `details.causes[0].message` of a 422 whose message is
 * "the server rejected our request due to an error in our request"
 * (errors.NewGenericServerResponse); malformed documents are a 400.
 */
import { clone, deepEqual, isObject, PatchError, type JSONObject } from './json.ts';

/** JSONPatchOperation is one RFC 6902 operation. */
export interface JSONPatchOperation {
  op: string;
  path: string;
  from?: string;
  value?: unknown;
}

/** maxJSONPatchOperations is the API server's limit on operations per patch. */
export const maxJSONPatchOperations = 10000;

/** jsonPatchRejectedMessage is the Status message the API server returns when a JSON patch fails to apply. */
export const jsonPatchRejectedMessage = 'the server rejected our request due to an error in our request';

const missing = 'missing value';

/** decodePointer splits a JSON pointer into unescaped tokens ("~1" is "/", "~0" is "~"). */
function decodePointer(path: string): string[] {
  if (path === '') return [];
  return path
    .slice(1)
    .split('/')
    .map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
}

type Container = JSONObject | unknown[];

/** findParent walks to the container holding the last token, or null when a step is missing. */
function findParent(doc: unknown, path: string): { parent: Container; key: string } | null {
  const tokens = decodePointer(path);
  if (tokens.length === 0) return null;
  let node = doc;
  for (const t of tokens.slice(0, -1)) {
    if (Array.isArray(node)) {
      const i = arrayIndex(t, node.length, false);
      if (i === null) return null;
      node = node[i];
    } else if (isObject(node)) {
      if (!Object.prototype.hasOwnProperty.call(node, t)) return null;
      node = node[t];
    } else {
      return null;
    }
  }
  if (!Array.isArray(node) && !isObject(node)) return null;
  return { parent: node, key: tokens[tokens.length - 1]! };
}

/** arrayIndex parses an index token; negative indices count from the end, as v4 allows. */
function arrayIndex(token: string, length: number, forInsert: boolean): number | null {
  if (!/^-?[0-9]+$/.test(token)) return null;
  let i = Number(token);
  if (i < 0) i += length + (forInsert ? 1 : 0);
  const max = forInsert ? length : length - 1;
  return i < 0 || i > max ? null : i;
}

function get(c: Container, key: string): { found: boolean; value?: unknown } {
  if (Array.isArray(c)) {
    const i = arrayIndex(key, c.length, false);
    return i === null ? { found: false } : { found: true, value: c[i] };
  }
  return Object.prototype.hasOwnProperty.call(c, key) ? { found: true, value: c[key] } : { found: false };
}

function add(c: Container, key: string, value: unknown, path: string): void {
  if (!Array.isArray(c)) {
    c[key] = value;
    return;
  }
  const i = key === '-' ? c.length : arrayIndex(key, c.length, true);
  if (i === null) {
    throw new PatchError(`error in add for path: '${path}': Unable to access invalid index: ${key}: invalid index referenced`, 'Invalid');
  }
  c.splice(i, 0, value);
}

function remove(c: Container, key: string, path: string): void {
  if (Array.isArray(c)) {
    const i = arrayIndex(key, c.length, false);
    if (i === null) {
      throw new PatchError(`error in remove for path: "${path}": Unable to access invalid index: ${key}: invalid index referenced`, 'Invalid');
    }
    c.splice(i, 1);
    return;
  }
  if (!Object.prototype.hasOwnProperty.call(c, key)) {
    throw new PatchError(`error in remove for path: "${path}": Unable to remove nonexistent key: ${key}: ${missing}`, 'Invalid');
  }
  delete c[key];
}

/**
 * decodeJSONPatch checks that a decoded body is a list of operations (400 otherwise)
 * and within the size limit.
 */
export function decodeJSONPatch(body: unknown): JSONPatchOperation[] {
  if (!Array.isArray(body)) {
    throw new PatchError('json: cannot unmarshal object into Go value of type jsonpatch.Patch', 'BadRequest');
  }
  if (body.length > maxJSONPatchOperations) {
    throw new PatchError(`The allowed maximum operations in a JSON patch is ${maxJSONPatchOperations}, got ${body.length}`, 'BadRequest');
  }
  return body.map((op) => (isObject(op) ? (op as unknown as JSONPatchOperation) : { op: '', path: '' }));
}

/** applyJSONPatch applies operations in order to a copy of doc; throws PatchError on the first failure. */
export function applyJSONPatch(doc: unknown, operations: readonly JSONPatchOperation[]): unknown {
  let root = clone(doc);
  for (const op of operations) {
    const path = op.path ?? '';
    if (op.op !== 'add' && op.op !== 'remove' && op.op !== 'replace' && op.op !== 'move' && op.op !== 'copy' && op.op !== 'test') {
      throw new PatchError(`Unexpected kind: ${op.op}`, 'Invalid');
    }
    // An empty path addresses the whole document.
    if (path === '' && (op.op === 'add' || op.op === 'replace')) {
      root = clone(op.value);
      continue;
    }
    if (op.op === 'test') {
      const target = path === '' ? { found: true, value: root } : lookup(root, path);
      if (!target) throw new PatchError(`test operation does not apply: is missing path: ${path}: ${missing}`, 'Invalid');
      if (!deepEqual(target.found ? target.value : null, op.value ?? null)) {
        throw new PatchError(`testing value ${path} failed: test failed`, 'Invalid');
      }
      continue;
    }
    if (op.op === 'move' || op.op === 'copy') {
      const from = op.from ?? '';
      const source = findParent(root, from);
      const got = source ? get(source.parent, source.key) : { found: false };
      if (!source || !got.found) {
        throw new PatchError(`${op.op} operation does not apply: doc is missing from path: ${from}: ${missing}`, 'Invalid');
      }
      if (op.op === 'move') remove(source.parent, source.key, from);
      const dest = findParent(root, path);
      if (!dest) throw new PatchError(`${op.op} operation does not apply: doc is missing destination path: ${path}: ${missing}`, 'Invalid');
      add(dest.parent, dest.key, op.op === 'copy' ? clone(got.value) : got.value, path);
      continue;
    }
    const target = findParent(root, path);
    if (!target) {
      const quoted = op.op === 'replace' ? path : `"${path}"`;
      throw new PatchError(`${op.op} operation does not apply: doc is missing path: ${quoted}: ${missing}`, 'Invalid');
    }
    if (op.op === 'add') add(target.parent, target.key, clone(op.value ?? null), path);
    else if (op.op === 'remove') remove(target.parent, target.key, path);
    else {
      if (!get(target.parent, target.key).found) {
        throw new PatchError(`replace operation does not apply: doc is missing key: ${path}: ${missing}`, 'Invalid');
      }
      if (Array.isArray(target.parent)) target.parent[arrayIndex(target.key, target.parent.length, false)!] = clone(op.value ?? null);
      else target.parent[target.key] = clone(op.value ?? null);
    }
  }
  return root;
}

function lookup(root: unknown, path: string): { found: boolean; value?: unknown } | null {
  const target = findParent(root, path);
  if (!target) return null;
  const got = get(target.parent, target.key);
  return got.found ? got : { found: false };
}
