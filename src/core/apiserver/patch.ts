/**
 * PATCH: JSON patch, JSON merge patch, strategic merge patch and server-side apply.
 *
 * Follows k8s.io/apiserver/pkg/endpoints/handlers/patch.go: the patch is applied to the
 * current object, a resourceVersion in the patched result is a precondition, and the
 * result goes through the same update path as PUT. `apply` creates the object when it
 * does not exist.
 */
import { badRequest, isStatusError, unsupportedMediaType, StatusError } from '../api/status.ts';
import type { KubeObject } from '../api/types.ts';
import { applyJsonPatch, applyMergePatch, applyStrategicMergePatch } from '../api/patch/index.ts';
import { thaw } from '../storage/freeze.ts';
import type { ApiServer, WriteOptions } from './apiserver.ts';
import type { ResourceDefinition } from './resource.ts';
import { getScale, updateScale } from './subresources.ts';

/** PatchType is the patch's content type, by its short name. */
export type PatchType = 'json' | 'merge' | 'strategic' | 'apply';

/** contentTypeOf maps short names to the media types kubectl sends. */
export const contentTypeOf: Record<PatchType, string> = {
  json: 'application/json-patch+json',
  merge: 'application/merge-patch+json',
  strategic: 'application/strategic-merge-patch+json',
  apply: 'application/apply-patch+yaml',
};

/** applyPatch patches an object (or its status/scale subresource). */
export function applyPatch(
  server: ApiServer,
  def: ResourceDefinition,
  namespace: string,
  name: string,
  type: PatchType,
  patch: unknown,
  opts: WriteOptions & { force?: boolean },
  subresource = '',
): KubeObject {
  if (!(type in contentTypeOf)) throw unsupportedMediaType(String(type));
  if (type === 'apply') {
    if (!opts.fieldManager) throw badRequest('PatchOptions.meta.k8s.io "" is invalid: fieldManager: Required value: is required for apply patch');
    const existing = server.store.get(`${def.group ? `${def.resource}.${def.group}` : def.resource}`, def.namespaced ? namespace : '', name);
    if (!existing) {
      const body = thaw(patch) as KubeObject;
      body.metadata = { ...(body.metadata ?? {}), name };
      return server.create(def, namespace, body, opts);
    }
  }
  if (subresource === 'scale') {
    const scale = getScale(server, def, namespace, name);
    const patched = patchDocument(scale, type === 'apply' ? 'merge' : type, patch, 'Scale');
    return updateScale(server, def, namespace, name, patched, opts);
  }
  const old = server.get(def, namespace, name);
  const patched = patchDocument(old, type, patch, def.kind);
  const rv = patched.metadata?.resourceVersion;
  if (rv && rv !== old.metadata.resourceVersion) throw server.modifiedConflict(def, name);
  const decoded = server.decode(def, patched, opts);
  return server.commitUpdate(def, old, decoded, opts, subresource, type === 'apply' ? 'Apply' : 'Update');
}

/** patchDocument applies one patch to a private copy of the document. */
function patchDocument(doc: KubeObject, type: PatchType, patch: unknown, kind: string): KubeObject {
  const current = thaw(doc);
  try {
    switch (type) {
      case 'json':
        return applyJsonPatch(current, patch) as KubeObject;
      case 'merge':
        return applyMergePatch(current, patch) as KubeObject;
      case 'strategic':
      case 'apply':
        // NOTE: server-side apply is modelled as a strategic merge of the applied config;
        // field ownership conflicts are not detected yet.
        return applyStrategicMergePatch(current, patch, kind) as KubeObject;
    }
  } catch (err) {
    if (isStatusError(err)) throw err;
    throw new StatusError({
      kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', reason: 'Invalid', code: 422,
      message: `the server rejected our request due to an error in our request: ${(err as Error).message}`,
    });
  }
}
