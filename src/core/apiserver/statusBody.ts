/**
 * The API server's private copy of a status write's body (decode). Status writes are the
 * most frequent writes of a busy cluster (every kubelet's pod status): commitUpdate keeps
 * only the body's status, so copying its spec or its metadata's labels and managedFields
 * would be wasted work.
 */
import { thaw } from '../api/clone.ts';
import type { KubeObject } from '../api/types.ts';

/**
 * statusBody is decode's private copy of a status write's body: the status copied, the
 * metadata one level deep (defaulters replace its maps rather than change them, and the
 * write reads only its name and resourceVersion).
 */
export function statusBody(body: KubeObject): KubeObject {
  const meta: unknown = body.metadata;
  const out = { apiVersion: body.apiVersion, kind: body.kind } as KubeObject;
  if (meta !== undefined) out.metadata = (meta !== null && typeof meta === 'object' && !Array.isArray(meta) ? { ...meta } : thaw(meta)) as KubeObject['metadata'];
  if (body.status !== undefined) out.status = copyStatus(body.status);
  return out;
}

/**
 * copyStatus copies a status: its own fields always (a defaulter may set one, as
 * SetDefaults_NodeStatus sets allocatable), and below them every mutable part, keeping
 * frozen sub-objects as they are. Frozen parts are stored parts a client sent back
 * unchanged (a condition that did not transition): nothing on the status write path changes
 * them, and keeping them lets the field manager's comparison, the store's sharing and
 * freezing skip them by identity.
 */
function copyStatus(status: unknown): unknown {
  if (status === null || typeof status !== 'object' || Array.isArray(status)) return thaw(status);
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(status)) {
    const v = (status as Record<string, unknown>)[k];
    if (v !== undefined) out[k] = thawUnfrozen(v);
  }
  return out;
}

/** thawUnfrozen is thaw (a deep mutable copy) that keeps frozen sub-objects by reference. */
function thawUnfrozen(value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return value;
  if (Array.isArray(value)) return value.map(thawUnfrozen);
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(value)) {
    const v = (value as Record<string, unknown>)[k];
    if (v !== undefined) out[k] = thawUnfrozen(v);
  }
  return out;
}
