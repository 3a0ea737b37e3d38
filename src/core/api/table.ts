/**
 * meta.k8s.io/v1 Table: the server-side printing format that `kubectl get` asks for
 * (Accept: application/json;as=Table;v=v1;g=meta.k8s.io). The API server fills the
 * cells; kubectl only lays them out. Field names follow k8s.io/apimachinery/pkg/apis/meta/v1.
 */
import type { ObjectMeta } from 'kubernetes-types/meta/v1';

/** TableColumnDefinition describes one column: its header `name`, OpenAPI `type`/`format`, and `priority` (>0 only with -o wide). */
export interface TableColumnDefinition {
  name: string;
  type: string;
  format: string;
  description: string;
  priority: number;
}

/** TableRowCondition is a row condition, e.g. {type:"Completed", status:"True"} for finished pods. */
export interface TableRowCondition {
  type: string;
  status: string;
  reason?: string;
  message?: string;
}

/** PartialObjectMetadata is the metadata-only view of an object carried by table rows by default. */
export interface PartialObjectMetadata {
  kind: 'PartialObjectMetadata';
  apiVersion: 'meta.k8s.io/v1';
  metadata: ObjectMeta;
}

/** TableRow is one printed object: its cells (strings, numbers, booleans) and the object itself. */
export interface TableRow {
  cells: unknown[];
  conditions?: TableRowCondition[];
  object?: { apiVersion?: string; kind?: string; metadata: ObjectMeta; [field: string]: unknown };
}

/** Table is meta.k8s.io/v1 Table. */
export interface Table {
  kind: 'Table';
  apiVersion: 'meta.k8s.io/v1';
  metadata: { resourceVersion?: string; continue?: string; remainingItemCount?: number };
  columnDefinitions: TableColumnDefinition[];
  rows: TableRow[];
}
