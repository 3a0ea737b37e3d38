/**
 * The `-o custom-columns=` and `-o custom-columns-file=` printers
 * (cli-runtime printers/customcolumn.go): one JSONPath per column, "<none>" when a path
 * finds nothing, several values joined with ",", aligned by kubectl's tabwriter.
 */
import { goV } from './goSyntax.ts';
import { JSONPath } from './jsonpath.ts';
import { escapeTerminal } from './table.ts';
import { TabWriter } from './tabwriter.ts';

/** CustomColumn is one HEADER:path pair (fieldSpec is the relaxed, braced JSONPath). */
export interface CustomColumn {
  header: string;
  fieldSpec: string;
}

const RELAXED = /^\{\.?([^{}]+)\}$|^\.?([^{}]+)$/;

/** relaxedJSONPathExpression turns ".a.b", "a.b" or "{a.b}" into "{.a.b}" (RelaxedJSONPathExpression). */
export function relaxedJSONPathExpression(path: string): string {
  if (path === '') return path;
  const m = RELAXED.exec(path);
  if (!m) throw new Error("unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'");
  return `{.${m[1] ?? m[2]}}`;
}

/** parseCustomColumnsSpec parses "NAME:.metadata.name,IMAGE:.spec.image". */
export function parseCustomColumnsSpec(spec: string): CustomColumn[] {
  if (spec === '') throw new Error('custom-columns format specified but no custom columns given');
  return spec.split(',').map((part) => {
    const colon = part.indexOf(':');
    if (colon < 0) throw new Error(`unexpected custom-columns spec: ${part}, expected <header>:<json-path-expr>`);
    return { header: part.slice(0, colon), fieldSpec: relaxedJSONPathExpression(part.slice(colon + 1)) };
  });
}

/** parseCustomColumnsFile parses a template file: one line of headers, one line of paths. */
export function parseCustomColumnsFile(text: string): CustomColumn[] {
  const lines = text.split('\n');
  const fields = (line: string | undefined) => (line ?? '').split(/\s+/).filter((s) => s !== '');
  if (lines.length < 1 || text === '') throw new Error('invalid template, missing header line. Expected format is one line of space separated headers, one line of space separated column specs.');
  if (lines.length < 2) throw new Error('invalid template, missing spec line. Expected format is one line of space separated headers, one line of space separated column specs.');
  const headers = fields(lines[0]);
  const specs = fields(lines[1]);
  if (headers.length !== specs.length) {
    throw new Error(`number of headers (${headers.length}) and field specifications (${specs.length}) don't match`);
  }
  return headers.map((header, i) => ({ header, fieldSpec: relaxedJSONPathExpression(specs[i]) }));
}

/** printCustomColumns prints objects (list items expanded by the caller) under the given columns. */
export function printCustomColumns(columns: readonly CustomColumn[], objects: readonly unknown[], noHeaders = false): string {
  const paths = columns.map((c) => new JSONPath(c.fieldSpec));
  const writer = new TabWriter();
  if (!noHeaders) writer.write(`${columns.map((c) => c.header).join('\t')}\n`);
  for (const obj of objects) {
    const cells = paths.map((path) => {
      const groups = path.results(obj);
      if (groups.length === 0 || groups[0].length === 0) return '<none>';
      return groups.flat().map((v) => escapeTerminal(goV(v))).join(',');
    });
    writer.write(`${cells.join('\t')}\n`);
  }
  return writer.flush();
}
