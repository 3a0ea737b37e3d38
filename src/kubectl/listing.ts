/**
 * listObjects is kubectl's list through the resource builder: when the server refuses a
 * list (400/404) kubectl rewrites the message to say what it was looking for, keeping the
 * error's reason (cli-runtime/pkg/resource/selector.go).
 */
import { isStatusError } from '../core/api/status.ts';
import type { Client, ListOptions, ObjectList, ResourceDefinition } from '../core/client/client.ts';

export function listObjects(client: Client, def: ResourceDefinition, namespace: string | undefined, opts: ListOptions): ObjectList {
  try {
    return client.list(def, namespace, opts);
  } catch (err) {
    if (isStatusError(err) && (err.code === 400 || err.code === 404)) {
      const gvr = `${def.group}/${def.version}, Resource=${def.resource}`;
      const label = opts.labelSelector ?? '';
      const field = opts.fieldSelector ?? '';
      err.status.message =
        label === '' && field === ''
          ? `Unable to list "${gvr}": ${err.status.message}`
          : `Unable to find "${gvr}" that match label selector "${label}", field selector "${field}": ${err.status.message}`;
    }
    throw err;
  }
}
