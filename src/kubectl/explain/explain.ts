/**
 * explain is `kubectl explain TYPE[.FIELD...] [--recursive] [--api-version=G/V] [-o plaintext]`
 * as a pure function over the API schema (kubectl/pkg/cmd/explain/explain.go): the first
 * dot-separated segment names the resource (plural, singular, short name or kind, any case),
 * the rest is a field path rendered by `renderExplain`.
 *
 * Resource resolution is injectable so the verb can follow the cluster's discovery later; the
 * default resolves through `servedKinds`, preferring the first (preferred) group version.
 */
import type { ApiSchema, GroupVersionKind } from '../../core/api/schema/apiSchema.ts';
import { servedKinds } from '../../core/api/schema/servedKinds.ts';
import { renderExplain } from './renderExplain.ts';

/** ExplainOutput is what the verb prints and returns. */
export interface ExplainOutput {
  stdout: string;
  stderr: string;
  exitCode: number;
}

/** ResourceCandidate is a kind a typed resource name may mean, with its resource plural. */
export interface ResourceCandidate extends GroupVersionKind {
  resource: string;
}

/** ResourceResolver returns every kind a name may mean, preferred first ([] if none). */
export type ResourceResolver = (name: string) => ResourceCandidate[];

/** ExplainDeps are the verb's collaborators. */
export interface ExplainDeps {
  schema: ApiSchema;
  resolve?: ResourceResolver;
}

/** resolveServedResource is the default ResourceResolver over the served kinds table. */
export const resolveServedResource: ResourceResolver = (name) => {
  const n = name.toLowerCase();
  return servedKinds
    .filter((k) => k.resource === n || k.kind.toLowerCase() === n || k.shortNames.includes(n))
    .map((k) => ({ group: k.group, version: k.version, kind: k.kind, resource: k.resource }));
};

const fail = (message: string): ExplainOutput => ({ stdout: '', stderr: `${message}\n`, exitCode: 1 });

interface ParsedArgs {
  positional: string[];
  recursive: boolean;
  apiVersion: string;
  output: string;
}

function parseArgs(argv: readonly string[]): ParsedArgs | string {
  const out: ParsedArgs = { positional: [], recursive: false, apiVersion: '', output: 'plaintext' };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] = arg.startsWith('--') ? (arg.split(/=(.*)/s, 2) as [string, string?]) : [arg, undefined];
    const value = () => inline ?? argv[++i] ?? '';
    if (flag === '--recursive') {
      const v = inline ?? 'true';
      if (v !== 'true' && v !== 'false') return `error: invalid argument "${v}" for "--recursive" flag: strconv.ParseBool: parsing "${v}": invalid syntax`;
      out.recursive = v === 'true';
    } else if (flag === '--api-version') out.apiVersion = value();
    else if (flag === '--output' || flag === '-o') out.output = value();
    else if (arg.startsWith('-o') && arg.length > 2) out.output = arg.slice(2).replace(/^=/, '');
    else if (arg.startsWith('-') && arg !== '-') return `error: unknown flag: ${flag}`;
    else out.positional.push(arg);
  }
  return out;
}

/** explain runs the verb on its arguments (everything after `kubectl explain`). */
export function explain(argv: readonly string[], deps: ExplainDeps): ExplainOutput {
  const args = parseArgs(argv);
  if (typeof args === 'string') return fail(args);
  if (args.positional.length === 0) {
    return fail(
      'error: You must specify the type of resource to explain. Use "kubectl api-resources" for a complete list of supported resources.',
    );
  }
  if (args.positional.length > 1) return fail('error: We accept only this format: explain RESOURCE');
  if (args.output !== 'plaintext' && args.output !== 'plaintext-openapiv2') {
    return fail(`error: unsupported output format: ${args.output}`);
  }

  const [resourceName, ...fieldPath] = args.positional[0].split('.');
  const candidates = (deps.resolve ?? resolveServedResource)(resourceName);
  if (candidates.length === 0) return fail(`error: the server doesn't have a resource type "${resourceName}"`);
  let gvk: ResourceCandidate = candidates[0];
  if (args.apiVersion) {
    const [group, version] = args.apiVersion.includes('/') ? args.apiVersion.split('/', 2) : ['', args.apiVersion];
    const match = candidates.find((c) => c.group === group && c.version === version);
    if (!match) {
      return fail(`error: couldn't find resource for "${group ? `${group}/` : ''}${version}, Kind=${gvk.kind}"`);
    }
    gvk = match;
  }

  const result = renderExplain(deps.schema, { gvk, fieldPath, recursive: args.recursive });
  return result.ok ? { stdout: result.text, stderr: '', exitCode: 0 } : fail(result.error);
}
