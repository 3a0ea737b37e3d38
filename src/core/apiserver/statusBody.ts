/**
 * The API server's private copy of a status write's body (decode). Status writes are the
 * most frequent writes of a busy cluster (every kubelet's pod status): commitUpdate keeps
 * only the body's status, so copying its spec or its metadata's labels and managedFields
 * would be wasted work.
 */
import { thaw } from '../api/clone.ts';
import type { KubeObject } from '../api/types.ts';

/**
 * statusBody is decode's private copy of a status write's body: the status deep-copied, the
 * metadata one level deep (defaulters replace its maps rather than change them, and the
 * write reads only its name and resourceVersion).
 */
export function statusBody(body: KubeObject): KubeObject {
  const meta: unknown = body.metadata;
  const out = { apiVersion: body.apiVersion, kind: body.kind } as KubeObject;
  if (meta !== undefined) out.metadata = (meta !== null && typeof meta === 'object' && !Array.isArray(meta) ? { ...meta } : thaw(meta)) as KubeObject['metadata'];
  if (body.status !== undefined) out.status = thaw(body.status);
  return out;
}
