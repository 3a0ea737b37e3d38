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
import { applyConfig } from './fieldmanager/fieldManager.ts';
import { apiVersionOf } from '../api/types.ts';
import { rfc3339 } from '../api/time.ts';

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
    const existing = server.find(def, namespace, name);
    if (!existing) {
      const body = thaw(patch) as KubeObject;
      body.metadata = { ...(body.metadata ?? {}), name };
      return server.create(def, namespace, body, { ...opts, appliedConfig: body });
    }
    if (!subresource) return serverSideApply(server, def, namespace, name, patch, opts);
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

/**
 * serverSideApply merges an applied configuration under field ownership rules
 * (fieldmanager.applyConfig), then stores the result through the update path.
 */
function serverSideApply(
  server: ApiServer,
  def: ResourceDefinition,
  namespace: string,
  name: string,
  patch: unknown,
  opts: WriteOptions & { force?: boolean },
): KubeObject {
  if (patch === null || typeof patch !== 'object' || Array.isArray(patch)) throw badRequest('error decoding patch: invalid apply configuration');
  const config = patch as KubeObject;
  const old = server.get(def, namespace, name);
  const rv = config.metadata?.resourceVersion;
  if (rv && rv !== old.metadata.resourceVersion) throw server.modifiedConflict(def, name);
  const write = { kind: def.kind, manager: opts.fieldManager ?? '', apiVersion: apiVersionOf(def), time: rfc3339(server.clock.now()), subresource: '' };
  const merged = applyConfig(old, config, write, !!opts.force);
  syncLastApplied(merged, config, write.manager, def.namespaced ? namespace : '');
  const decoded = server.decode(def, merged, opts);
  return server.commitUpdate(def, old, decoded, opts, '', 'Apply');
}

const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

/**
 * syncLastApplied is fieldmanager's lastAppliedUpdater: a server-side apply by the
 * "kubectl" manager rewrites an existing last-applied annotation to the configuration
 * just applied (without the annotation itself, keys sorted as unstructured JSON encodes),
 * so a later client-side apply still merges against the truth.
 */
function syncLastApplied(merged: KubeObject, config: KubeObject, manager: string, namespace: string): void {
  const annotations = merged.metadata.annotations;
  if (manager !== 'kubectl' || annotations?.[LAST_APPLIED] === undefined) return;
  const copy = thaw(config) as KubeObject;
  copy.metadata = { ...(copy.metadata ?? {}) };
  if (namespace && !copy.metadata.namespace) copy.metadata.namespace = namespace;
  const own = { ...(copy.metadata.annotations ?? {}) };
  delete own[LAST_APPLIED];
  if (Object.keys(own).length === 0) delete copy.metadata.annotations;
  else copy.metadata.annotations = own;
  merged.metadata.annotations = { ...annotations, [LAST_APPLIED]: `${JSON.stringify(sortKeys(copy))}\n` };
}

/** sortKeys orders object keys as Go's encoding/json orders map keys. */
function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v === null || typeof v !== 'object') return v;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(v).sort()) out[k] = sortKeys((v as Record<string, unknown>)[k]);
  return out;
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
      case 'apply': // apply reaches here only for subresources (scale), which merge like this
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
