/**
 * The compact, serialisable form of the Kubernetes v1.32 OpenAPI schema that kubeplay ships.
 *
 * It is derived at build time by `scripts/derive-schema.ts` from `@kubernetes/client-node`
 * 1.0.0 (generated from the v1.32.0 OpenAPI spec) and `kubernetes-types` (for multi-line
 * descriptions and the Quantity/Time/IntOrString aliases the generator erases), and written to
 * `generated/apiSchemaData.js`, which is gitignored and loaded lazily as its own chunk.
 *
 * A field type is a small string grammar, chosen because it reads like kubectl's own type hints:
 *   `string`, `string:byte`, `string:date-time`, `integer:int32`, `integer:int64`,
 *   `number:double`, `boolean`, `object` (free-form JSON), `@Name` (a reference to a
 *   definition), `[]T` (a list of T) and `{}T` (a map from string to T).
 */

/** SchemaField is one property of a definition. */
export interface SchemaField {
  /** type in the grammar described on this module. */
  type: string;
  description?: string;
}

/** SchemaDefinition is one OpenAPI definition (a Go struct, or a special scalar such as Quantity). */
export interface SchemaDefinition {
  /** name is the short OpenAPI name, e.g. `DeploymentSpec` (the last segment of `io.k8s.api.apps.v1.DeploymentSpec`). */
  name: string;
  /** goPackage is the Go package name upstream decoding errors print, e.g. `v1` in `v1.PodSpec`. */
  goPackage: string;
  description?: string;
  /** scalar marks definitions that are not objects: `int-or-string`, `quantity`, `object` (free-form). */
  scalar?: 'int-or-string' | 'quantity' | 'object';
  required?: string[];
  properties?: Record<string, SchemaField>;
}

/** SchemaKindEntry ties a served group/version/kind to its top-level definition id. */
export interface SchemaKindEntry {
  group: string;
  version: string;
  kind: string;
  definition: string;
}

/** SchemaData is the whole derived document. */
export interface SchemaData {
  /** source names the packages and OpenAPI version the data was derived from. */
  source: string;
  kinds: SchemaKindEntry[];
  /** definitions keyed by a stable id (the generator's model name, e.g. `V1DeploymentSpec`). */
  definitions: Record<string, SchemaDefinition>;
}
