/**
 * OpenAPI v3 documents generated from kubeplay's own schema data (src/core/api/schema) and
 * the served resources, shaped like the apiserver's `/openapi/v3` (k8s.io/kube-openapi
 * handler3): an index of group-versions with `?hash=` URLs, and one document per group-version.
 *
 * What kubectl needs from them (kubectl-wire.md §5.9, §7.4):
 * - `create -f`/`apply -f` look for a PATCH operation carrying `x-kubernetes-group-version-kind`
 *   and a `fieldValidation` query parameter (query_param_verifier_v3.go), then leave
 *   validation to the server with `fieldValidation=Strict`;
 * - `kubectl explain` walks `components.schemas` by `x-kubernetes-group-version-kind`.
 *
 * NOTE: PATCH operations deliberately do not advertise application/strategic-merge-patch+json:
 * our schemas carry no x-kubernetes-patch-merge-key, so kubectl must keep computing
 * strategic merge patches from its compiled-in Go types (kubectl-wire.md §7.2).
 */
import type { ApiSchema, SchemaDefinition } from '../../core/api/schema/index.ts';
import { parseFieldType, type FieldType } from '../../core/api/schema/index.ts';
import type { ResourceDefinition } from '../../core/client/client.ts';
import { groupVersions } from '../../core/apiserver/discoveryDocuments.ts';

/** OpenAPIDocument is an OpenAPI 3.0 document (loosely typed: it is only serialised). */
export type OpenAPIDocument = Record<string, unknown>;

/** gvPath is the index key of a group-version: `api/v1`, `apis/apps/v1`. */
export function gvPath(group: string, version: string): string {
  return group === '' ? `api/${version}` : `apis/${group}/${version}`;
}

/** schemaKey names a definition in components.schemas; kubectl explain prints only its last segment. */
export function schemaKey(schema: ApiSchema, id: string): string {
  const def = schema.definition(id);
  if (!def) return `io.k8s.kubeplay.${id}`;
  const prefix = id.slice(0, id.length - def.name.length).toLowerCase();
  return prefix ? `io.k8s.kubeplay.${prefix}.${def.name}` : `io.k8s.kubeplay.${def.name}`;
}

/** openAPIIndex is the `/openapi/v3` answer: one serverRelativeURL per served group-version. */
export function openAPIIndex(defs: readonly ResourceDefinition[], hashOf: (group: string, version: string) => string): object {
  const paths: Record<string, { serverRelativeURL: string }> = {};
  for (const [group, versions] of groupVersions(defs)) {
    for (const version of versions.keys()) {
      const p = gvPath(group, version);
      paths[p] = { serverRelativeURL: `/openapi/v3/${p}?hash=${hashOf(group, version)}` };
    }
  }
  return { paths };
}

const QUERY = (name: string, type: 'string' | 'boolean' | 'integer', description: string) => ({
  name,
  in: 'query',
  description,
  schema: { type, uniqueItems: true },
});
const DRY_RUN = QUERY('dryRun', 'string', 'When present, indicates that modifications should not be persisted. Valid values are: - All: all dry run stages will be processed');
const FIELD_MANAGER = QUERY('fieldManager', 'string', 'fieldManager is a name associated with the actor or entity that is making these changes.');
const FIELD_VALIDATION = QUERY('fieldValidation', 'string', 'fieldValidation instructs the server on how to handle objects in the request (POST/PUT/PATCH) containing unknown or duplicate fields. Valid values are: - Ignore - Warn - Strict');
const FORCE = QUERY('force', 'boolean', 'Force is going to "force" Apply requests. It means user will re-acquire conflicting fields owned by other people.');
const PATH_PARAM = (name: string) => ({ name, in: 'path', required: true, schema: { type: 'string', uniqueItems: true } });

/** openAPIGroupVersion renders the document of one group-version, or undefined when it is not served. */
export function openAPIGroupVersion(
  schema: ApiSchema,
  defs: readonly ResourceDefinition[],
  group: string,
  version: string,
  gitVersion = 'v1.32.2',
): OpenAPIDocument | undefined {
  const list = groupVersions(defs).get(group)?.get(version);
  if (!list) return undefined;
  const paths: Record<string, unknown> = {};
  const wanted = new Set<string>();
  for (const def of list) {
    const gvk = { group: def.group, version: def.version, kind: def.kind };
    const id = schema.definitionId(gvk);
    if (id) wanted.add(id);
    const ref = id ? { $ref: `#/components/schemas/${schemaKey(schema, id)}` } : { type: 'object' };
    const ok = { '200': { description: 'OK', content: { 'application/json': { schema: ref } } } };
    const base = `/${gvPath(group, version)}${def.namespaced ? '/namespaces/{namespace}' : ''}/${def.resource}`;
    const scope = def.namespaced ? [PATH_PARAM('namespace')] : [];
    const op = (action: string, params: object[], extra: object = {}) => ({
      tags: [group === '' ? `core_${version}` : `${group.replace(/\./g, '_')}_${version}`],
      operationId: `${action}${def.kind}`,
      responses: ok,
      'x-kubernetes-action': action,
      'x-kubernetes-group-version-kind': gvk,
      parameters: params,
      ...extra,
    });
    const body = (types: string[]) => ({
      requestBody: { content: Object.fromEntries(types.map((t) => [t, { schema: t === 'application/json' ? ref : { type: 'object' } }])) },
    });
    paths[base] = {
      get: op('list', []),
      post: op('post', [DRY_RUN, FIELD_MANAGER, FIELD_VALIDATION], body(['application/json'])),
      parameters: scope,
    };
    paths[`${base}/{name}`] = {
      get: op('get', []),
      put: op('put', [DRY_RUN, FIELD_MANAGER, FIELD_VALIDATION], body(['application/json'])),
      patch: op('patch', [DRY_RUN, FIELD_MANAGER, FIELD_VALIDATION, FORCE],
        body(['application/json-patch+json', 'application/merge-patch+json', 'application/apply-patch+yaml'])),
      delete: op('delete', [DRY_RUN]),
      parameters: [PATH_PARAM('name'), ...scope],
    };
  }
  const schemas: Record<string, unknown> = {};
  const kindsOf = new Map<string, object[]>();
  for (const k of schema.data.kinds) {
    kindsOf.set(k.definition, [...(kindsOf.get(k.definition) ?? []), { group: k.group, version: k.version, kind: k.kind }]);
  }
  const queue = [...wanted];
  const seen = new Set(queue);
  while (queue.length > 0) {
    const id = queue.shift()!;
    const def = schema.definition(id);
    if (!def) continue;
    const out = definitionSchema(schema, def, (ref) => {
      if (!seen.has(ref)) {
        seen.add(ref);
        queue.push(ref);
      }
    });
    const gvks = kindsOf.get(id);
    if (gvks) out['x-kubernetes-group-version-kind'] = gvks;
    schemas[schemaKey(schema, id)] = out;
  }
  return {
    openapi: '3.0.0',
    info: { title: 'Kubernetes', version: gitVersion },
    paths,
    components: { schemas },
  };
}

/** definitionSchema renders one definition; `use` is told about every definition it references. */
function definitionSchema(schema: ApiSchema, def: SchemaDefinition, use: (id: string) => void): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (def.description) out.description = def.description;
  switch (def.scalar) {
    case 'int-or-string':
      return { ...out, format: 'int-or-string', oneOf: [{ type: 'integer' }, { type: 'string' }] };
    case 'quantity':
      return { ...out, oneOf: [{ type: 'string' }, { type: 'number' }] };
    case 'object':
      return { ...out, type: 'object', 'x-kubernetes-preserve-unknown-fields': true };
  }
  out.type = 'object';
  if (def.required?.length) out.required = [...def.required];
  if (def.properties) {
    const props: Record<string, unknown> = {};
    for (const [name, field] of Object.entries(def.properties)) {
      const s = typeSchema(schema, parseFieldType(field.type), use, true);
      props[name] = field.description ? { description: field.description, ...s } : s;
    }
    out.properties = props;
  }
  return out;
}

/** typeSchema renders a field type; references are wrapped in allOf as kube-openapi v3 does. */
function typeSchema(schema: ApiSchema, t: FieldType, use: (id: string) => void, top: boolean): Record<string, unknown> {
  switch (t.kind) {
    case 'primitive':
      return t.format ? { type: t.type, format: t.format } : { type: t.type };
    case 'object':
      return { type: 'object', 'x-kubernetes-preserve-unknown-fields': true };
    case 'array':
      return { type: 'array', items: typeSchema(schema, t.items, use, false) };
    case 'map':
      return { type: 'object', additionalProperties: typeSchema(schema, t.values, use, false) };
    case 'ref': {
      use(t.id);
      const ref = { $ref: `#/components/schemas/${schemaKey(schema, t.id)}` };
      return top ? { allOf: [ref] } : { allOf: [ref], default: {} };
    }
  }
}
