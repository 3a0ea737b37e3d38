/**
 * derive-schema writes `src/core/api/schema/generated/apiSchemaData.js`: the compact Kubernetes
 * v1.32 schema (see `src/core/api/schema/schemaData.ts`) for the kinds in `servedKinds.ts`.
 *
 * Sources, both npm packages (nothing is fetched at run time):
 *  - `@kubernetes/client-node` 1.0.0, generated from the v1.32.0 OpenAPI spec: the field list of
 *    every definition, its type and format (int32/int64), which fields are required, and most
 *    descriptions. Its generator drops the description of fields whose type is a reference, and
 *    flattens newlines in descriptions to spaces.
 *  - `kubernetes-types` (v1.30 spec): the missing descriptions of reference fields, descriptions
 *    with their newlines intact when the text is otherwise unchanged, and the Quantity / Time /
 *    IntOrString type aliases the client generator erases to plain strings.
 *
 * Usage: `tsx scripts/derive-schema.ts [--force]`. `ensureSchemaDerived()` is a fast no-op when the
 * output is newer than its inputs, so test setup and the CLI can call it on every start.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { servedKinds } from '../src/core/api/schema/servedKinds.ts';
import type { SchemaData, SchemaDefinition, SchemaField } from '../src/core/api/schema/schemaData.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const modelsDir = join(root, 'node_modules/@kubernetes/client-node/dist/gen/models');
const typesDir = join(root, 'node_modules/kubernetes-types');
/** outputFile is where the derived data lands (gitignored). */
export const outputFile = join(root, 'src/core/api/schema/generated/apiSchemaData.js');

interface ParsedProp {
  optional: boolean;
  description?: string;
  tsType: string;
}
interface ParsedType {
  description?: string;
  props: Map<string, ParsedProp>;
}

/** parseDeclarations reads `interface`/`class` declarations with JSDoc from a generated .d.ts file. */
function parseDeclarations(text: string, keyword: 'interface' | 'declare class'): Map<string, ParsedType> {
  const out = new Map<string, ParsedType>();
  const lines = text.split('\n');
  let doc: string[] | undefined;
  let pendingDoc: string | undefined;
  let current: ParsedType | undefined;
  let inStatics = false;
  let openMap: ParsedProp | undefined;
  for (const raw of lines) {
    const line = raw.trim();
    if (doc) {
      if (line.endsWith('*/')) {
        const last = line.slice(0, -2).replace(/^\*\s?/, '');
        if (last.trim()) doc.push(last);
        pendingDoc = doc.join('\n');
        doc = undefined;
      } else {
        doc.push(raw.replace(/^\s*\*\s?/, ''));
      }
      continue;
    }
    if (line.startsWith('/**')) {
      const body = line.slice(3);
      if (body.endsWith('*/')) pendingDoc = body.slice(0, -2).trim();
      else doc = body.trim() ? [body.trim()] : [];
      continue;
    }
    const alias = /^export type (\w+) =/.exec(line);
    if (alias) {
      out.set(alias[1], { description: pendingDoc, props: new Map() });
      pendingDoc = undefined;
      continue;
    }
    const decl = new RegExp(`^export ${keyword} (\\w+)`).exec(line);
    if (decl) {
      current = { description: pendingDoc, props: new Map() };
      inStatics = false;
      out.set(decl[1], current);
      pendingDoc = undefined;
      continue;
    }
    if (raw === '}') {
      current = undefined;
    } else if (current && line.startsWith('static ')) {
      // The generator's static members come after the fields; nothing after them is a field.
      inStatics = true;
    } else if (current && !inStatics && openMap) {
      const item = /^\[\w+: string\]: (.+);$/.exec(line);
      if (item) openMap.tsType = `{ [name: string]: ${item[1]} }`;
      if (line === '};') openMap = undefined;
      continue;
    } else if (current && !inStatics) {
      const prop = /^(?:readonly )?'?([\w$-]+)'?(\?)?: (.+?);?$/.exec(line);
      if (prop) {
        const parsedProp: ParsedProp = { optional: prop[2] === '?', description: pendingDoc, tsType: prop[3] };
        current.props.set(prop[1], parsedProp);
        if (prop[3] === '{') openMap = parsedProp;
      }
    }
    pendingDoc = undefined;
  }
  return out;
}

function unescapeClientDoc(s: string | undefined): string | undefined {
  return s?.replace(/\\(["'\\])/g, '$1');
}

interface AttributeType {
  name: string;
  baseName: string;
  type: string;
  format: string;
}

function readAttributeTypes(model: string): AttributeType[] {
  const js = readFileSync(join(modelsDir, `${model}.js`), 'utf8');
  const m = /\.attributeTypeMap = (\[[\s\S]*?\]);/.exec(js);
  return m ? (JSON.parse(m[1]) as AttributeType[]) : [];
}

/** modelPrefix splits `CoreV1Event` into group hint `core`, version `v1` and short name `Event`. */
function splitModelName(model: string): { groupHint?: string; version: string; name: string } {
  const m = /^([A-Z][a-z]+)?(V\d+(?:alpha\d+|beta\d+)?)(?=[A-Z])(.*)$/.exec(model);
  if (!m) return { version: '', name: model };
  return { groupHint: m[1]?.toLowerCase(), version: m[2].toLowerCase(), name: m[3] };
}

/** typesIndex maps `v1/DeploymentSpec` to every kubernetes-types interface of that name and version. */
function buildTypesIndex(): Map<string, Array<{ folder: string; type: ParsedType }>> {
  const index = new Map<string, Array<{ folder: string; type: ParsedType }>>();
  const walk = (dir: string, folder: string) => {
    for (const entry of readdirSync(dir)) {
      const path = join(dir, entry);
      if (statSync(path).isDirectory()) walk(path, entry);
      else if (entry.endsWith('.d.ts')) {
        const version = entry.replace(/\.d\.ts$/, '');
        for (const [name, type] of parseDeclarations(readFileSync(path, 'utf8'), 'interface')) {
          const key = `${version}/${name}`;
          const list = index.get(key) ?? [];
          list.push({ folder, type });
          index.set(key, list);
        }
      }
    }
  };
  walk(typesDir, '');
  return index;
}

function findTypesTwin(
  index: Map<string, Array<{ folder: string; type: ParsedType }>>,
  model: string,
  fieldNames: string[],
): ParsedType | undefined {
  const { groupHint, version, name } = splitModelName(model);
  let candidates = index.get(`${version}/${name}`) ?? [];
  if (groupHint && candidates.some((c) => c.folder === groupHint)) {
    candidates = candidates.filter((c) => c.folder === groupHint);
  }
  let best: ParsedType | undefined;
  let bestScore = -1;
  for (const c of candidates) {
    const score = fieldNames.filter((f) => c.type.props.has(f)).length;
    if (score > bestScore) {
      best = c.type;
      bestScore = score;
    }
  }
  return best;
}

function typeDescription(index: Map<string, Array<{ type: ParsedType }>>, name: string): string | undefined {
  for (const [key, list] of index) if (key.endsWith(`/${name}`)) return list[0]?.type.description;
  return undefined;
}

const flatten = (s: string) => s.replace(/\n/g, ' ');

/** preferTwinText keeps kubernetes-types' text (with its newlines) when it says the same thing. */
function pickDescription(clientDoc: string | undefined, twinDoc: string | undefined): string | undefined {
  if (clientDoc === undefined) return twinDoc;
  if (twinDoc !== undefined && flatten(twinDoc) === clientDoc) return twinDoc;
  return clientDoc;
}

const specialAliases: Record<string, string> = { Quantity: '@Quantity', Time: 'string:date-time', MicroTime: 'string:date-time', IntOrString: '@IntOrString' };

/** derive builds the SchemaData for the served kinds and everything they reference. */
export function derive(): SchemaData {
  const typesIndex = buildTypesIndex();
  const definitions: Record<string, SchemaDefinition> = {
    IntOrString: {
      name: 'IntOrString',
      goPackage: 'intstr',
      scalar: 'int-or-string',
      description:
        'IntOrString is a type that can hold an int32 or a string.  When used in JSON or YAML marshalling and unmarshalling, it produces or consumes the inner type.  This allows you to have, for example, a JSON field that can accept a name or number.',
    },
    Quantity: {
      name: 'Quantity',
      goPackage: 'resource',
      scalar: 'quantity',
      description: typeDescription(typesIndex, 'Quantity'),
    },
  };
  const queue = servedKinds.map((s) => s.model);
  const seen = new Set<string>(queue);

  const convert = (t: string, format: string, twinType: string | undefined): string => {
    if (twinType && specialAliases[twinType]) return specialAliases[twinType];
    let m = /^Array<(.+)>$/.exec(t);
    if (m) {
      const twinItem = twinType ? /^Array<(.+)>$/.exec(twinType)?.[1] : undefined;
      return `[]${convert(m[1], format, twinItem)}`;
    }
    m = /^\{ \[key: string\]: (.+); \}$/.exec(t);
    if (m) {
      const twinItem = twinType ? /^\{\s*\[\w+: string\]: (.+?);?\s*\}$/.exec(twinType)?.[1] : undefined;
      return `{}${convert(m[1], format, twinItem)}`;
    }
    switch (t) {
      case 'string':
        return format === 'byte' ? 'string:byte' : 'string';
      case 'number':
        return format === 'int32' || format === 'int64' ? `integer:${format}` : `number:${format || 'double'}`;
      case 'boolean':
        return 'boolean';
      case 'Date':
        return 'string:date-time';
      case 'IntOrString':
        return '@IntOrString';
      case 'any': {
        // Free-form JSON (RawExtension, FieldsV1, JSON): keep the upstream type name when known.
        const alias = twinType && /^\w+$/.test(twinType) ? twinType : undefined;
        if (alias) {
          definitions[alias] ??= {
            name: alias,
            goPackage: alias === 'RawExtension' ? 'runtime' : 'v1',
            scalar: 'object',
            description: typeDescription(typesIndex, alias),
          };
          return `@${alias}`;
        }
        return 'object';
      }
      default:
        if (!seen.has(t)) {
          seen.add(t);
          queue.push(t);
        }
        return `@${t}`;
    }
  };

  while (queue.length > 0) {
    const model = queue.shift()!;
    const dts = readFileSync(join(modelsDir, `${model}.d.ts`), 'utf8');
    const parsed = parseDeclarations(dts, 'declare class').get(model);
    if (!parsed) throw new Error(`derive-schema: no class ${model} in client-node models`);
    const attrs = readAttributeTypes(model);
    const twin = findTypesTwin(typesIndex, model, attrs.map((a) => a.baseName));
    const { version, name } = splitModelName(model);
    const properties: Record<string, SchemaField> = {};
    const required: string[] = [];
    for (const a of attrs) {
      const p = parsed.props.get(a.name) ?? parsed.props.get(a.baseName);
      const tp = twin?.props.get(a.baseName);
      const field: SchemaField = { type: convert(a.type, a.format, tp?.tsType) };
      const description = pickDescription(unescapeClientDoc(p?.description), tp?.description);
      if (description) field.description = description;
      properties[a.baseName] = field;
      if (p && !p.optional) required.push(a.baseName);
    }
    const def: SchemaDefinition = { name, goPackage: version || 'v1' };
    const description = pickDescription(unescapeClientDoc(parsed.description), twin?.description);
    if (description) def.description = description;
    if (required.length > 0) def.required = required;
    def.properties = properties;
    definitions[model] = def;
  }

  return {
    source: '@kubernetes/client-node 1.0.0 (OpenAPI v1.32.0) + kubernetes-types',
    kinds: servedKinds.map((s) => ({ group: s.group, version: s.version, kind: s.kind, definition: s.model })),
    definitions,
  };
}

/** writeSchema derives and writes the output module; JSON.parse of a string literal loads fastest. */
export function writeSchema(): void {
  const data = derive();
  mkdirSync(dirname(outputFile), { recursive: true });
  const json = JSON.stringify(data);
  writeFileSync(
    outputFile,
    `// Generated by scripts/derive-schema.ts from npm packages. Do not edit; not committed.\nexport default JSON.parse(${JSON.stringify(json)});\n`,
  );
}

/** ensureSchemaDerived writes the output unless it is already newer than every input. */
export function ensureSchemaDerived(): void {
  if (existsSync(outputFile)) {
    const out = statSync(outputFile).mtimeMs;
    const inputs = [
      fileURLToPath(import.meta.url),
      join(root, 'src/core/api/schema/servedKinds.ts'),
      join(modelsDir, 'V1Pod.d.ts'),
      join(typesDir, 'package.json'),
    ];
    if (inputs.every((p) => existsSync(p) && statSync(p).mtimeMs <= out)) return;
  }
  writeSchema();
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const started = performance.now();
  if (process.argv.includes('--force')) writeSchema();
  else ensureSchemaDerived();
  const size = statSync(outputFile).size;
  console.log(`derive-schema: ${outputFile} (${(size / 1024).toFixed(0)} KiB) in ${(performance.now() - started).toFixed(0)} ms`);
}
