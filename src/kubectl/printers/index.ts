/**
 * kubectl output printers: tables from server-side Tables, and the generic -o formats.
 * Start with printer.ts (the -o flag) and table.ts (human-readable output).
 */
export { printTable, printTableGroups, decorateTable, kindPrefix, type TablePrintOptions, type TableGroup } from './table.ts';
export { parseOutputFormat, printObjects, GET_OUTPUT_FORMATS, OBJECT_OUTPUT_FORMATS, type OutputFormat, type PrintResult } from './printer.ts';
export { toYAML, printYAML, printYAMLDocuments, listOf } from './yaml.ts';
export { toJSON, printJSON } from './json.ts';
export { printName, resourceName } from './name.ts';
export { JSONPath, printJSONPath } from './jsonpath.ts';
export { parseCustomColumnsSpec, parseCustomColumnsFile, printCustomColumns, relaxedJSONPathExpression } from './customColumns.ts';
export { printGoTemplate, executeGoTemplate } from './goTemplate.ts';
export { TabWriter } from './tabwriter.ts';
export { humanDuration, shortHumanDuration, translateTimestampSince } from './age.ts';
