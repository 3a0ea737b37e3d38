/**
 * managedFields bookkeeping: which manager last wrote an object, with which operation.
 *
 * NOTE: entries carry an empty fieldsV1 for Update operations. Server-side apply keeps
 * its own field set (see ./apply) where ownership matters for conflicts; kubectl hides
 * managedFields by default (`--show-managed-fields=false`), so learners rarely see them.
 */
import type { KubeObject } from '../api/types.ts';

interface ManagedFieldsEntry {
  manager: string;
  operation: 'Apply' | 'Update';
  apiVersion: string;
  time: string;
  fieldsType: 'FieldsV1';
  fieldsV1: Record<string, unknown>;
  subresource?: string;
}

/** recordManager upserts the entry for (manager, operation, subresource). */
export function recordManager(
  obj: KubeObject,
  old: KubeObject | undefined,
  manager: string | undefined,
  operation: 'Apply' | 'Update',
  apiVersion: string,
  time: string,
  subresource = '',
  fieldsV1: Record<string, unknown> = {},
): void {
  const previous = (old?.metadata.managedFields ?? obj.metadata.managedFields ?? []) as ManagedFieldsEntry[];
  if (!manager) {
    if (old) obj.metadata.managedFields = old.metadata.managedFields;
    return;
  }
  const entries = previous.filter(
    (e) => !(e.manager === manager && e.operation === operation && (e.subresource ?? '') === subresource),
  );
  const entry: ManagedFieldsEntry = { manager, operation, apiVersion, time, fieldsType: 'FieldsV1', fieldsV1 };
  if (subresource) entry.subresource = subresource;
  entries.push(entry);
  obj.metadata.managedFields = entries as KubeObject['metadata']['managedFields'];
}
