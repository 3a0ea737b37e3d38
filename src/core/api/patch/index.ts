/**
 * Patches the API server accepts and kubectl creates: JSON patch, JSON merge
 * patch and strategic merge patch, with the per-kind metadata table.
 */
export { PatchError, type PatchErrorKind, type JSONObject } from './json.ts';
export { applyMergePatch, createMergePatch } from './jsonMergePatch.ts';
export {
  applyJSONPatch,
  decodeJSONPatch,
  jsonPatchRejectedMessage,
  maxJSONPatchOperations,
  type JSONPatchOperation,
} from './jsonPatch.ts';
export { applyStrategicMergePatch } from './strategicMergePatch.ts';
export { createThreeWayMergePatch, createTwoWayMergePatch } from './threeWayMergePatch.ts';
export { patchMetaByKind, patchMetaFor, type PatchMeta, type PatchStrategy } from './patchMeta.ts';

import { applyJSONPatch, decodeJSONPatch } from './jsonPatch.ts';

/** applyJsonPatch decodes a JSON patch body (400 if it is not a list) and applies it (422 detail on failure). */
export function applyJsonPatch(doc: unknown, body: unknown): unknown {
  return applyJSONPatch(doc, decodeJSONPatch(body));
}
