/**
 * The field manager's part in the API server's write path: which manager a create or an
 * update records (k8s.io/apiserver's fieldmanager runs inside the REST handlers the same
 * way), and when an update is a no-op that writes nothing.
 */
import { deepEqual } from '../api/equality.ts';
import { apiVersionOf, type KubeObject } from '../api/types.ts';
import { ownershipChanged, recordCreateByApply, recordUpdate } from './fieldmanager/fieldManager.ts';
import type { ResourceDefinition } from './resource.ts';

/** OwnershipRequest is what a write says about its manager. */
export interface OwnershipRequest {
  fieldManager?: string;
  appliedConfig?: KubeObject;
}

/** recordCreate sets a new object's managedFields: the creator, or the applier of a server-side apply. */
export function recordCreate(def: ResourceDefinition, obj: KubeObject, opts: OwnershipRequest, time: string): void {
  if (!opts.fieldManager) return;
  const write = { kind: def.kind, manager: opts.fieldManager, apiVersion: apiVersionOf(def), time, subresource: '' };
  if (opts.appliedConfig) recordCreateByApply(obj, opts.appliedConfig, write);
  else recordUpdate(obj, undefined, write);
}

/**
 * recordUpdateWrite sets managedFields after an Update; a write without a manager keeps the
 * stored ones. (An Apply arrives with its managedFields computed by fieldmanager.applyConfig.)
 * It answers true when the field manager's comparison already found changed content (then
 * the write is no no-op, see changesNothing), false when it does not know.
 */
export function recordUpdateWrite(def: ResourceDefinition, obj: KubeObject, old: KubeObject, opts: OwnershipRequest, subresource: string, time: string): boolean {
  if (!opts.fieldManager) {
    obj.metadata.managedFields = old.metadata.managedFields;
    return false;
  }
  // What the write can change: a status write only status; a main-resource write of a kind
  // with a status subresource keeps the stored status.
  const scope = subresource === 'status' ? 'status' : !subresource && def.hasStatus ? 'spec' : 'all';
  return recordUpdate(obj, old, { kind: def.kind, manager: opts.fieldManager, apiVersion: apiVersionOf(def), time, subresource, scope });
}

/** changesNothing tells whether an update would change neither content nor field ownership (then nothing is written). */
export function changesNothing(obj: KubeObject, old: KubeObject): boolean {
  const strip = (o: KubeObject) => ({ ...o, metadata: { ...o.metadata, resourceVersion: undefined, managedFields: undefined } });
  if (!deepEqual(strip(obj), strip(old))) return false;
  return obj.metadata.managedFields === old.metadata.managedFields || !ownershipChanged(obj, old);
}
