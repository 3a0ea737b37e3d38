/**
 * renderExplain renders `kubectl explain` output exactly as kubectl v1.32's default `plaintext`
 * template does (staging/src/k8s.io/kubectl/pkg/explain/v2/templates/plaintext.tmpl), over the
 * derived schema instead of the server's OpenAPI v3 document:
 *
 *   GROUP/KIND/VERSION header · `FIELD: name <type>` when a path was given · DESCRIPTION (the
 *   field's own description, then the description of the type it names) · FIELDS, sorted by name,
 *   each `name\t<type>` with ` -required-`, then its description wrapped and indented.
 *
 * NOTE: the template's trailing-space lines (`indent` after a final newline) and double blank
 * line after FIELD are upstream output; they are reproduced on purpose.
 */
import { parseFieldType, type ApiSchema, type GroupVersionKind } from '../../core/api/schema/apiSchema.ts';
import type { SchemaDefinition } from '../../core/api/schema/schemaData.ts';
import { wordWrap } from './wordWrap.ts';

/** ExplainRequest is what to render: a served kind, a field path below it, and the recursion flag. */
export interface ExplainRequest {
  gvk: GroupVersionKind;
  fieldPath: string[];
  recursive: boolean;
}

/** ExplainRenderResult is the text on success, or the upstream error message. */
export type ExplainRenderResult = { ok: true; text: string } | { ok: false; error: string };

const indent = (n: number, s: string) => ' '.repeat(n) + s.replace(/\n/g, `\n${' '.repeat(n)}`);

/** renderExplain renders one explain request against the schema. */
export function renderExplain(schema: ApiSchema, req: ExplainRequest): ExplainRenderResult {
  const id = schema.definitionId(req.gvk);
  const root = id ? schema.definition(id) : undefined;
  if (!root) {
    return { ok: false, error: `error: GVK ${req.gvk.group}/${req.gvk.version}, Kind=${req.gvk.kind} not found in OpenAPI schema` };
  }
  let text = '';
  if (req.gvk.group) text += `GROUP:      ${req.gvk.group}\n`;
  text += `KIND:       ${req.gvk.kind}\n`;
  text += `VERSION:    ${req.gvk.version}\n\n`;

  if (req.fieldPath.length === 0) {
    text += describe(schema, descriptionOf(root), root, new Set(), req.recursive);
    return { ok: true, text: text + '\n' };
  }

  let def: SchemaDefinition | undefined = root;
  for (const [i, name] of req.fieldPath.entries()) {
    const field = def?.properties?.[name];
    if (!def || !field) {
      return { ok: false, error: `error: field "${req.fieldPath[req.fieldPath.length - 1]}" does not exist` };
    }
    const type = parseFieldType(field.type);
    const inner = schema.innerDefinition(type);
    if (i === req.fieldPath.length - 1) {
      text += `FIELD: ${name} <${schema.typeHint(type)}>\n\n\n`;
      const description = (field.description ? `${field.description}\n` : '') + descriptionOf(inner?.def);
      const history = new Set(inner ? [inner.id] : []);
      text += describe(schema, description, inner?.def, history, req.recursive);
      return { ok: true, text: text + '\n' };
    }
    def = inner?.def;
  }
  return { ok: true, text };
}

function descriptionOf(def: SchemaDefinition | undefined): string {
  return def?.description ? `${def.description}\n` : '';
}

function describe(
  schema: ApiSchema,
  description: string,
  def: SchemaDefinition | undefined,
  history: ReadonlySet<string>,
  recursive: boolean,
): string {
  let text = `DESCRIPTION:\n${indent(4, wordWrap(description || '<empty>', 76))}\n`;
  const fields = def ? fieldList(schema, def, 1, history, recursive) : '';
  if (fields) text += `FIELDS:\n${fields}`;
  return text;
}

function fieldList(
  schema: ApiSchema,
  def: SchemaDefinition,
  level: number,
  history: ReadonlySet<string>,
  recursive: boolean,
): string {
  let text = '';
  const names = Object.keys(def.properties ?? {}).sort();
  const pad = level * 2;
  for (const name of names) {
    const field = def.properties![name];
    const type = parseFieldType(field.type);
    text += `${' '.repeat(pad)}${name}\t<${schema.typeHint(type)}>`;
    if (def.required?.includes(name)) text += ' -required-';
    text += '\n';
    if (recursive) {
      // Cycles (a type that contains itself) stop where kubectl stops: at a type already on the path.
      const inner = schema.innerDefinition(type);
      if (inner && !history.has(inner.id)) {
        text += fieldList(schema, inner.def, level + 1, new Set([...history, inner.id]), recursive);
      }
    } else {
      text += `${indent(pad + 2, wordWrap(field.description || '<no description>', 78 - pad))}\n\n`;
    }
  }
  return text;
}
