/**
 * The template printers (jsonpath, custom-columns, go-template) behind -o.
 */
import { CommandError } from './errors.ts';

/** templateFormats are the -o kinds that take a template argument. */
export const templateFormats = [
  'jsonpath',
  'jsonpath-file',
  'jsonpath-as-json',
  'custom-columns',
  'custom-columns-file',
  'go-template',
  'go-template-file',
  'template',
  'templatefile',
];

/** printTemplate renders a value with a template printer. */
export function printTemplate(output: string, value: unknown): string {
  void value;
  throw new CommandError(`error: output format "${output}" is not supported yet`);
}
