/**
 * Object output for -o: the bridge between commands and the printers in ./printers.
 * Tables (the default and -o wide) are printed by the commands from server-side Tables.
 */
import type { KubeObject } from '../core/api/types.ts';
import { CommandError } from './errors.ts';
import { GET_OUTPUT_FORMATS, OBJECT_OUTPUT_FORMATS, parseOutputFormat, printObjects as render, type OutputFormat } from './printers/printer.ts';

/** OutputOptions tune object printing. */
export interface OutputOptions {
  /** showManagedFields keeps metadata.managedFields (--show-managed-fields). */
  showManagedFields?: boolean;
  /** sortKeys: objects read back from the server print with sorted keys, as kubectl's unstructured decoding does. */
  sortKeys?: boolean;
  noHeaders?: boolean;
  allowMissingKeys?: boolean;
  readFile?: (path: string) => string;
  /** objectFormats: the command takes only object formats (create, apply...), not wide/custom-columns. */
  objectFormats?: boolean;
}

/** isTableFormat tells whether -o means a human-readable table. */
export function isTableFormat(output: string): boolean {
  return output === '' || output === 'wide';
}

/**
 * withTemplateArgument is PrintFlags.ToPrinter's `--template` handling: a template with no
 * -o means go-template (`kubectl get pod x --template '{{.metadata.name}}'`), and a
 * template format given without `=` takes its text from --template.
 */
export function withTemplateArgument(output: string, template: string): string {
  if (template === '') return output;
  if (output === '') return `go-template=${template}`;
  const templated = ['go-template', 'template', 'go-template-file', 'templatefile', 'jsonpath', 'jsonpath-as-json', 'jsonpath-file'];
  return templated.includes(output) ? `${output}=${template}` : output;
}

/** checkOutputFormat parses -o early and fails in kubectl's words for an unknown format. */
export function checkOutputFormat(output: string, opts: OutputOptions = {}): OutputFormat {
  try {
    return parseOutputFormat(output, { allowed: opts.objectFormats ? OBJECT_OUTPUT_FORMATS : GET_OUTPUT_FORMATS, readFile: opts.readFile });
  } catch (err) {
    throw new CommandError(`error: ${(err as Error).message}`);
  }
}

/** stripForOutput hides managedFields, as kubectl does unless --show-managed-fields. */
export function stripForOutput(obj: KubeObject, showManagedFields = false): KubeObject {
  if (showManagedFields || !obj.metadata?.managedFields) return obj;
  const { managedFields: _hidden, ...metadata } = obj.metadata;
  return { ...obj, metadata };
}

/**
 * printObjects renders objects for a non-table -o. `asList` forces a List wrapper even for
 * one object (a list request), as `kubectl get pods -o yaml` prints. Template errors are
 * thrown as kubectl prints them, after whatever output the template produced.
 */
export function printObjects(output: string, objects: KubeObject[], asList: boolean, showManagedFields = false, opts: OutputOptions = {}): string {
  const format = checkOutputFormat(output, opts);
  if (format.kind === 'table') throw new CommandError(`error: output format "${output}" prints a table here`);
  // Only the JSON and YAML printers omit managedFields (OmitManagedFieldsPrinter wraps just
  // those); jsonpath, templates and custom columns see the whole object.
  const keep = showManagedFields || opts.showManagedFields || (format.kind !== 'json' && format.kind !== 'yaml');
  const shown = objects.map((o) => stripForOutput(o, keep));
  const result = render(format, shown, { asList, sortKeys: opts.sortKeys, noHeaders: opts.noHeaders, allowMissingKeys: opts.allowMissingKeys ?? true });
  if (result.error) throw new CommandError(`${result.stdout}error: ${result.error}`);
  return result.stdout;
}
