/**
 * Reading manifests for `-f`: files, directories (with -R), `-` for stdin, multi-document
 * YAML and JSON, and `List` kinds — with kubectl's error wording for each failure
 * (staging/src/k8s.io/cli-runtime/pkg/resource/visitor.go, builder.go).
 */
import { parseAllDocuments, type YAMLError } from 'yaml';
import type { KubeObject } from '../core/api/types.ts';
import type { KubectlContext } from './context.ts';
import { CommandError } from './errors.ts';
import { bundledManifest } from './bundledManifests.ts';
import { sortKeys } from './printers/goSyntax.ts';

/** Manifest is one object and where it came from ("deploy.yaml", "STDIN"). */
export interface Manifest {
  object: KubeObject;
  source: string;
}

const EXTENSIONS = ['.json', '.yaml', '.yml'];

/** ManifestError is a file or document kubectl could not read, in the order it met it. */
export interface ManifestError {
  error: CommandError;
  source: string;
}

/** ManifestEntry is one read object or one reading failure. */
export type ManifestEntry = Manifest | ManifestError;

/** isManifestError tells a failed entry. */
export function isManifestError(e: ManifestEntry): e is ManifestError {
  return 'error' in e;
}

/**
 * ReadOptions tune reading: `validate` is the client-side schema validation of create,
 * apply and replace (off with --validate=false). Commands without it (delete, get,
 * expose...) meet a missing kind as the decoder's error instead.
 */
export interface ReadOptions {
  validate?: boolean;
}

/** readManifests reads every -f argument in order; the first unreadable file or document throws. */
export function readManifests(ctx: KubectlContext, filenames: string[], recursive: boolean, opts: ReadOptions = {}): Manifest[] {
  const entries = readManifestEntries(ctx, filenames, recursive, opts);
  const failed = entries.find(isManifestError);
  if (failed) throw failed.error;
  return entries as Manifest[];
}

/**
 * readManifestEntries reads every -f argument the way the Builder's visitors do with
 * ContinueOnError (cli-runtime resource/visitor.go): a path that does not exist fails at
 * once, but a file that does not parse, or fails validation, only ends that file
 * (StreamVisitor returns), and a document that does not decode is reported and skipped,
 * so the other files of a directory are still read. Errors keep their place in the order.
 */
export function readManifestEntries(ctx: KubectlContext, filenames: string[], recursive: boolean, opts: ReadOptions = {}): ManifestEntry[] {
  const out: ManifestEntry[] = [];
  for (const f of filenames) {
    if (f === '-') {
      out.push(...streamEntries(ctx.stdin, 'STDIN', opts));
    } else if (/^https?:\/\//.test(f)) {
      const text = bundledManifest(f);
      if (text === undefined) {
        const host = f.replace(/^https?:\/\//, '').split('/')[0];
        throw new CommandError(`error: unable to read URL "${f}", server reported 0 , status code=0: Get "${f}": dial tcp: lookup ${host}: no such host`);
      }
      out.push(...streamEntries(text, f, opts));
    } else {
      if (!ctx.fs.exists(f, ctx.cwd)) throw new CommandError(`error: the path "${f}" does not exist`);
      const st = ctx.fs.stat(f, ctx.cwd);
      if (st.type === 'dir') out.push(...readDir(ctx, f, recursive, opts));
      else out.push(...streamEntries(ctx.fs.read(f, ctx.cwd), f, opts));
    }
  }
  return out;
}

function readDir(ctx: KubectlContext, dir: string, recursive: boolean, opts: ReadOptions): ManifestEntry[] {
  const out: ManifestEntry[] = [];
  for (const name of ctx.fs.list(dir, ctx.cwd)) {
    const path = `${dir.replace(/\/$/, '')}/${name}`;
    const st = ctx.fs.stat(path, ctx.cwd);
    if (st.type === 'dir') {
      if (recursive) out.push(...readDir(ctx, path, recursive, opts));
    } else if (EXTENSIONS.some((e) => name.endsWith(e))) {
      out.push(...streamEntries(ctx.fs.read(path, ctx.cwd), path, opts));
    }
  }
  return out;
}

/** streamEntries is one StreamVisitor: the documents of a file, up to the first parse or validation error. */
function streamEntries(text: string, source: string, opts: ReadOptions): ManifestEntry[] {
  const out: ManifestEntry[] = [];
  let docs: unknown[];
  try {
    docs = documents(text, source);
  } catch (err) {
    if (!(err instanceof CommandError)) throw err;
    return [{ error: err, source }];
  }
  for (const doc of docs) {
    const objects = Array.isArray(doc) ? doc : [doc];
    for (const obj of objects as KubeObject[]) {
      const missing = !obj.apiVersion ? 'apiVersion not set' : !obj.kind ? 'kind not set' : undefined;
      if (missing && opts.validate) {
        out.push({ error: validationError(source, missing), source });
        return out;
      }
      if (!obj.kind) {
        // The unstructured decoder needs a kind; a missing apiVersion only fails at mapping.
        out.push({ error: new CommandError(`error: unable to decode "${source}": Object 'Kind' is missing in '${JSON.stringify(sortKeys(obj))}'`), source });
        continue;
      }
      if (!obj.metadata || typeof obj.metadata !== 'object') obj.metadata = {};
      out.push({ object: obj, source });
    }
  }
  return out;
}

/** parseManifests splits a text into objects; List kinds are flattened into their items. */
export function parseManifests(text: string, source: string): Manifest[] {
  const out: Manifest[] = [];
  for (const e of streamEntries(text, source, { validate: true })) {
    if (isManifestError(e)) throw e.error;
    out.push(e);
  }
  return out;
}

/** documents parses a text into its documents; a List document becomes the array of its items. */
function documents(text: string, source: string): unknown[] {
  const trimmed = text.trimStart();
  let docs: unknown[];
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    try {
      docs = [JSON.parse(text)];
    } catch (err) {
      docs = yamlDocuments(text, source, err);
    }
  } else docs = yamlDocuments(text, source);
  const out: unknown[] = [];
  for (const doc of docs) {
    if (doc === null || doc === undefined) continue;
    if (typeof doc !== 'object' || Array.isArray(doc)) {
      throw new CommandError(`error: error parsing ${source}: error unmarshaling JSON: while decoding JSON: json: cannot unmarshal ${goType(doc)} into Go value of type map[string]interface {}`);
    }
    const obj = doc as KubeObject;
    if (typeof obj.kind === 'string' && obj.kind.endsWith('List') && Array.isArray((obj as { items?: unknown }).items)) {
      out.push((obj as unknown as { items: KubeObject[] }).items);
      continue;
    }
    out.push(obj);
  }
  return out;
}

function validationError(source: string, why: string): CommandError {
  return new CommandError(
    `error: error validating "${source}": error validating data: ${why}; if you choose to ignore these errors, turn validation off with --validate=false`,
  );
}

function yamlDocuments(text: string, source: string, jsonError?: unknown): unknown[] {
  const docs = parseAllDocuments(text, { uniqueKeys: false, prettyErrors: false });
  const list = Array.isArray(docs) ? docs : [docs];
  const out: unknown[] = [];
  for (const d of list) {
    const err = d.errors[0];
    if (err) throw new CommandError(`error: error parsing ${source}: error converting YAML to JSON: ${goYamlMessage(err, text)}`);
    out.push(d.toJS({ maxAliasCount: 100 }));
  }
  if (out.length === 0 && jsonError) throw new CommandError(`error: error parsing ${source}: ${(jsonError as Error).message}`);
  return out;
}

/** goYamlMessage phrases a parse error the way go-yaml (sigs.k8s.io/yaml) does: "yaml: line N: ...". */
function goYamlMessage(err: YAMLError, text: string): string {
  const line = err.linePos?.[0]?.line ?? lineOf(text, err.pos?.[0] ?? 0);
  const messages: Record<string, string> = {
    BAD_INDENT: 'did not find expected key',
    MULTILINE_IMPLICIT_KEY: 'could not find expected \':\'',
    MISSING_CHAR: 'did not find expected node content',
    BLOCK_AS_IMPLICIT_KEY: 'mapping values are not allowed in this context',
    TAB_AS_INDENT: 'found character that cannot start any token',
    UNEXPECTED_TOKEN: 'did not find expected key',
    DUPLICATE_KEY: 'mapping key already defined',
  };
  let msg = messages[err.code] ?? (/[Mm]apping/.test(err.message) ? 'mapping values are not allowed in this context' : 'did not find expected key');
  if (/^Flow sequence/.test(err.message)) msg = "did not find expected ',' or ']'";
  if (/^Flow map/.test(err.message)) msg = "did not find expected ',' or '}'";
  // go-yaml's parser.fail prints the 0-based problem line: scanner errors add one, parser
  // errors ("did not find expected ...") do not, so they name the line before the bad one
  // (checked against kubectl v1.32). A 0 line is left out.
  const shown = msg.startsWith('did not find expected') ? line - 1 : line;
  return line > 1 ? `yaml: line ${shown}: ${msg}` : `yaml: ${msg}`;
}

function lineOf(text: string, pos: number): number {
  return text.slice(0, pos).split('\n').length;
}

function goType(v: unknown): string {
  if (typeof v === 'string') return 'string';
  if (typeof v === 'number') return 'number';
  if (typeof v === 'boolean') return 'bool';
  if (Array.isArray(v)) return 'array';
  return 'object';
}
