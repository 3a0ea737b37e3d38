/**
 * printer: the `-o/--output` flag of kubectl, parsed into an OutputFormat, and the
 * generic (non-table) printing of objects.
 *
 * Models cli-runtime genericclioptions PrintFlags: the value before "=" picks the printer,
 * the rest is its template; unknown values fail with kubectl's exact message, whose list of
 * allowed formats depends on the command (get adds wide and custom-columns).
 */
import type { KubeObject } from '../../core/api/types.ts';
import { parseCustomColumnsFile, parseCustomColumnsSpec, printCustomColumns, type CustomColumn } from './customColumns.ts';
import { parseGoTemplate, printGoTemplate } from './goTemplate.ts';
import { printJSON } from './json.ts';
import { JSONPath, printJSONPath } from './jsonpath.ts';
import { printName } from './name.ts';
import { listOf, printYAML } from './yaml.ts';
import { sortKeys } from './goSyntax.ts';

/** OutputFormat is a parsed -o value. */
export type OutputFormat =
  | { kind: 'table'; wide: boolean }
  | { kind: 'yaml' }
  | { kind: 'json' }
  | { kind: 'name' }
  | { kind: 'jsonpath'; template: string; asJSON: boolean }
  | { kind: 'custom-columns'; columns: CustomColumn[] }
  | { kind: 'go-template'; template: string };

/** GET_OUTPUT_FORMATS are the formats `kubectl get` accepts, in kubectl's order. */
export const GET_OUTPUT_FORMATS = [
  'custom-columns', 'custom-columns-file', 'go-template', 'go-template-file', 'json', 'jsonpath', 'jsonpath-as-json',
  'jsonpath-file', 'name', 'template', 'templatefile', 'wide', 'yaml',
] as const;

/** OBJECT_OUTPUT_FORMATS are the formats of commands that print objects without tables (create, apply, run, expose...). */
export const OBJECT_OUTPUT_FORMATS = [
  'go-template', 'go-template-file', 'json', 'jsonpath', 'jsonpath-as-json', 'jsonpath-file', 'name', 'template', 'templatefile', 'yaml',
] as const;

/** ParseOutputOptions say which formats the command allows and how to read -file templates. */
export interface ParseOutputOptions {
  allowed?: readonly string[];
  /** readFile reads a template file (jsonpath-file, go-template-file, templatefile, custom-columns-file). */
  readFile?: (path: string) => string;
}

/** parseOutputFormat parses an -o value; errors carry kubectl's message (without the "error: " prefix). */
export function parseOutputFormat(output: string, options: ParseOutputOptions = {}): OutputFormat {
  const allowed = options.allowed ?? GET_OUTPUT_FORMATS;
  const eq = output.indexOf('=');
  const format = eq < 0 ? output : output.slice(0, eq);
  const value = eq < 0 ? '' : output.slice(eq + 1);
  if (format === '') return { kind: 'table', wide: false };
  if (!allowed.includes(format)) {
    throw new Error(`unable to match a printer suitable for the output format "${output}", allowed formats are: ${allowed.join(',')}`);
  }
  const file = () => {
    if (!options.readFile) throw new Error(`error reading --template ${value}, open ${value}: no such file or directory`);
    return options.readFile(value);
  };
  const needTemplate = () => {
    if (value === '') throw new Error('template format specified but no template given');
  };
  switch (format) {
    case 'wide':
      return { kind: 'table', wide: true };
    case 'yaml':
      return { kind: 'yaml' };
    case 'json':
      return { kind: 'json' };
    case 'name':
      return { kind: 'name' };
    case 'jsonpath':
    case 'jsonpath-as-json':
      needTemplate();
      return { kind: 'jsonpath', template: parsedJSONPath(value), asJSON: format === 'jsonpath-as-json' };
    case 'jsonpath-file':
      needTemplate();
      return { kind: 'jsonpath', template: parsedJSONPath(file()), asJSON: false };
    case 'go-template':
    case 'template':
      needTemplate();
      return { kind: 'go-template', template: parsedGoTemplate(value) };
    case 'go-template-file':
    case 'templatefile':
      needTemplate();
      return { kind: 'go-template', template: parsedGoTemplate(file()) };
    case 'custom-columns':
      return { kind: 'custom-columns', columns: parseCustomColumnsSpec(value) };
    case 'custom-columns-file':
      if (value === '') throw new Error('custom-columns-file format specified but no custom columns file given');
      return { kind: 'custom-columns', columns: parseCustomColumnsFile(file()) };
  }
  throw new Error(`unable to match a printer suitable for the output format "${output}", allowed formats are: ${allowed.join(',')}`);
}

/**
 * parsedJSONPath checks a jsonpath template as PrintFlags.ToPrinter does (NewJSONPathPrinter
 * parses it), so a bad template fails before any request, even when nothing would print.
 */
function parsedJSONPath(template: string): string {
  try {
    new JSONPath(template);
  } catch (err) {
    throw new Error(`error parsing jsonpath ${template}, ${(err as Error).message}`, { cause: err });
  }
  return template;
}

/** parsedGoTemplate checks a go-template up front, as NewGoTemplatePrinter does. */
function parsedGoTemplate(template: string): string {
  try {
    parseGoTemplate(template);
  } catch (err) {
    throw new Error(`error parsing template ${template}, ${(err as Error).message}`, { cause: err });
  }
  return template;
}

/** PrintResult is stdout text plus, on failure, the error message kubectl prints as "error: ...". */
export interface PrintResult {
  stdout: string;
  error?: string;
}

/** PrintObjectsOptions carry the flags that affect generic printing. */
export interface PrintObjectsOptions {
  /** asList prints several objects (or a list request) as one v1 List, as kubectl get does. */
  asList?: boolean;
  noHeaders?: boolean;
  allowMissingKeys?: boolean;
  /**
   * sortKeys orders map keys alphabetically before printing JSON, as kubectl does for objects it
   * decoded as unstructured (get, create -f, apply); typed objects (create deployment, run) keep Go struct order.
   */
  sortKeys?: boolean;
}

/** printObjects prints objects in any non-table format. */
export function printObjects(format: Exclude<OutputFormat, { kind: 'table' }>, objects: readonly KubeObject[], options: PrintObjectsOptions = {}): PrintResult {
  const asList = options.asList ?? objects.length !== 1;
  const source = options.sortKeys ? (objects.map(sortKeys) as KubeObject[]) : objects;
  const data = asList ? listOf(source) : source[0];
  try {
    switch (format.kind) {
      case 'yaml':
        return { stdout: printYAML([data]) };
      case 'json':
        return { stdout: printJSON([data]) };
      case 'name':
        return { stdout: printName(objects) };
      case 'jsonpath':
        return { stdout: printJSONPath(format.template, data, { outputJSON: format.asJSON, allowMissingKeys: options.allowMissingKeys }) };
      case 'custom-columns':
        return { stdout: printCustomColumns(format.columns, objects, options.noHeaders) };
      case 'go-template': {
        const r = printGoTemplate(format.template, data, { allowMissingKeys: options.allowMissingKeys });
        return r.error ? { stdout: r.output, error: r.error } : { stdout: r.output };
      }
    }
  } catch (err) {
    return { stdout: '', error: (err as Error).message };
  }
}
