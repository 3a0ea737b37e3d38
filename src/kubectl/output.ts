/**
 * Object output for -o: yaml, json, name, and the template printers. Tables (the default
 * and -o wide) are printed by the commands from server-side Tables instead.
 */
import type { KubeObject } from '../core/api/types.ts';
import { CommandError } from './errors.ts';
import { printJSON } from './printers/json.ts';
import { printName } from './printers/name.ts';
import { printYAML } from './printers/yaml.ts';
import { printTemplate, templateFormats } from './templateOutput.ts';

/** ALLOWED_FORMATS is kubectl's list in the "unable to match a printer" error. */
export const ALLOWED_FORMATS =
  'custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml';

/** isTableFormat tells whether -o means a human-readable table. */
export function isTableFormat(output: string): boolean {
  return output === '' || output === 'wide';
}

/** checkOutputFormat fails early, as kubectl does, for an unknown -o value. */
export function checkOutputFormat(output: string): void {
  if (isTableFormat(output) || ['yaml', 'json', 'name'].includes(output)) return;
  const kind = output.split('=')[0];
  if (templateFormats.includes(kind)) return;
  throw new CommandError(
    `error: unable to match a printer suitable for the output format "${output}", allowed formats are: ${ALLOWED_FORMATS}`,
  );
}

/** stripForOutput hides managedFields, as kubectl does unless --show-managed-fields. */
export function stripForOutput(obj: KubeObject, showManagedFields = false): KubeObject {
  if (showManagedFields || !obj.metadata?.managedFields) return obj;
  const { managedFields: _hidden, ...metadata } = obj.metadata;
  return { ...obj, metadata };
}

/**
 * printObjects renders objects for a non-table -o. `asList` forces a List wrapper even for
 * one object (a list request), as `kubectl get pods -o yaml` prints.
 */
export function printObjects(output: string, objects: KubeObject[], asList: boolean, showManagedFields = false): string {
  const shown = objects.map((o) => stripForOutput(o, showManagedFields));
  const value = asList || shown.length !== 1 ? [{ apiVersion: 'v1', items: shown, kind: 'List', metadata: { resourceVersion: '' } }] : shown;
  switch (output) {
    case 'yaml':
      return printYAML(value);
    case 'json':
      return printJSON(value);
    case 'name':
      return printName(shown);
    default:
      return printTemplate(output, value[0]);
  }
}
