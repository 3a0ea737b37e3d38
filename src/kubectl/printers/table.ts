/**
 * The human-readable table printer: renders meta.k8s.io/v1 Tables as kubectl does.
 *
 * Models HumanReadablePrinter in staging/src/k8s.io/cli-runtime/pkg/printers/tableprinter.go
 * (decorateTable + printTable) and the per-resource-type loop of kubectl get (get.go):
 * each resource type is its own aligned block, blocks are separated by a blank line,
 * and headers repeat only when the columns change.
 */
import { formatLabels } from '../../core/api/labels.ts';
import type { Table, TableColumnDefinition, TableRow } from '../../core/api/table.ts';
import { TabWriter } from './tabwriter.ts';

/** TablePrintOptions are the flags of `kubectl get` that shape a table. */
export interface TablePrintOptions {
  /** wide shows priority > 0 columns (-o wide). */
  wide?: boolean;
  /** noHeaders hides the header line (--no-headers). */
  noHeaders?: boolean;
  /** withNamespace adds a NAMESPACE column first (-A / --all-namespaces). */
  withNamespace?: boolean;
  /** showLabels adds a LABELS column last (--show-labels). */
  showLabels?: boolean;
  /** columnLabels are label keys shown as extra columns (-L key). */
  columnLabels?: string[];
  /** kind prefixes names with "kind.group/" (lower-cased), e.g. "deployment.apps"; set when several types print. */
  kind?: string;
}

/** kindPrefix renders a GroupKind the way names are prefixed: "pod", "deployment.apps". */
export function kindPrefix(group: string, kind: string): string {
  return (group ? `${kind}.${group}` : kind).toLowerCase();
}

/** formatLabelHeaders turns -L keys into headers: the part after the last "/", upper-cased. */
export function formatLabelHeaders(keys: readonly string[]): string[] {
  return keys.map((k) => k.split('/').pop()!.toUpperCase());
}

/** decorateTable adds the NAMESPACE, -L and LABELS columns and the kind prefix (tableprinter.go decorateTable). */
export function decorateTable(table: Table, options: TablePrintOptions): { columns: TableColumnDefinition[]; rows: TableRow[] } {
  const labelKeys = options.columnLabels ?? [];
  let columns = table.columnDefinitions;
  const nameColumn = options.kind ? columns.findIndex((c) => c.format === 'name' && c.type === 'string') : -1;
  const extra = (options.withNamespace ? 1 : 0) + labelKeys.length + (options.showLabels ? 1 : 0);
  if (extra > 0) {
    const plain = (name: string): TableColumnDefinition => ({ name, type: 'string', format: '', description: '', priority: 0 });
    columns = [
      ...(options.withNamespace ? [plain('Namespace')] : []),
      ...columns,
      ...formatLabelHeaders(labelKeys).map(plain),
      ...(options.showLabels ? [plain('Labels')] : []),
    ];
  }
  const width = columns.length;
  const includeLabels = labelKeys.length > 0 || Boolean(options.showLabels);
  const rows = table.rows.map((source) => {
    const row: TableRow = { ...source, cells: [...source.cells] };
    if (nameColumn >= 0) row.cells[nameColumn] = `${options.kind}/${String(row.cells[nameColumn])}`;
    const meta = source.object?.metadata;
    if (!meta) {
      // Without an object, upstream fills the extra columns with empty cells.
      if (options.withNamespace) row.cells.unshift(null);
      while (row.cells.length < width) row.cells.push(null);
      return row;
    }
    if (options.withNamespace) row.cells.unshift(meta.namespace ?? '');
    if (includeLabels) {
      for (const key of labelKeys) row.cells.push(meta.labels?.[key] ?? '');
      if (options.showLabels) row.cells.push(formatLabels(meta.labels));
    }
    return row;
  });
  return { columns, rows };
}

/** escapeTerminal is printers.EscapeTerminal: ESC shows as "^[" and CR as "\\r", so cells cannot drive the terminal. */
export function escapeTerminal(text: string): string {
  return text.replaceAll('\x1b', '^[').replaceAll('\r', '\\r');
}

function cellText(cell: unknown): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell !== 'string') return escapeTerminal(String(cell));
  // Truncate at the first newline, carriage return or form feed, as printTable does.
  const cut = cell.search(/[\f\n\r]/);
  return cut >= 0 ? `${escapeTerminal(cell.slice(0, cut))}...` : escapeTerminal(cell);
}

/** tableText renders one decorated table as tab-separated lines (before alignment). */
export function tableText(table: Table, options: TablePrintOptions): string {
  const { columns, rows } = decorateTable(table, options);
  const visible = columns.map((c) => options.wide || c.priority === 0);
  let text = '';
  if (!options.noHeaders) {
    // Headers are skipped when there is nothing to show under them.
    if (rows.length === 0) return '';
    text += `${columns.filter((_, i) => visible[i]).map((c) => c.name.toUpperCase()).join('\t')}\n`;
  }
  for (const row of rows) {
    const cells = row.cells.slice(0, columns.length).filter((_, i) => visible[i]);
    text += `${cells.map(cellText).join('\t')}\n`;
  }
  return text;
}

/** TableGroup is one resource type's tables in a multi-type `kubectl get`. */
export interface TableGroup {
  tables: Table[];
  /** kind prefix for this group's names, when kinds are shown. */
  kind?: string;
}

/**
 * printTableGroups prints several resource types as kubectl get does: one aligned block per
 * type, a blank line between blocks when headers are shown, and headers repeated within a
 * block only when the column definitions change.
 */
export function printTableGroups(groups: readonly TableGroup[], options: TablePrintOptions): string {
  const writer = new TabWriter();
  let out = '';
  for (const group of groups) {
    writer.setRememberedWidths(null);
    let lastColumns: string | null = null;
    for (const table of group.tables) {
      const columnsKey = JSON.stringify(table.columnDefinitions);
      const noHeaders = options.noHeaders || table.columnDefinitions.length === 0 || columnsKey === lastColumns;
      if (table.columnDefinitions.length > 0) lastColumns = columnsKey;
      writer.write(tableText(table, { ...options, noHeaders, kind: group.kind }));
    }
    const block = writer.flush();
    if (block === '') continue;
    if (out !== '' && !options.noHeaders) out += '\n';
    out += block;
  }
  return out;
}

/** printTable prints a single Table (one resource type). */
export function printTable(table: Table, options: TablePrintOptions = {}): string {
  return printTableGroups([{ tables: [table], kind: options.kind }], options);
}
