/**
 * Table goldens from the real kubectl v1.32: testdata/tables/update.sh runs kubectl get
 * against server.mjs, which serves the *.table.json Tables; we render the same Tables.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Table } from '../../core/api/table.ts';
import { printTableGroups, type TableGroup, type TablePrintOptions } from './table.ts';
import { parseOutputFormat, printObjects } from './printer.ts';
import type { KubeObject } from '../../core/api/types.ts';

const dir = join(import.meta.dirname, 'testdata', 'tables');
const read = (f: string) => readFileSync(join(dir, f), 'utf8');
const table = (name: string, namespace?: string): Table => {
  const t = JSON.parse(read(`${name}.table.json`)) as Table;
  if (namespace) t.rows = t.rows.filter((r) => r.object?.metadata.namespace === namespace);
  return t;
};
const pods = () => table('pods', 'default');
const svc = () => table('services', 'default');
const deploy = () => table('deployments', 'default');

const cases: [string, TableGroup[], TablePrintOptions][] = [
  ['get-pods', [{ tables: [pods()] }], {}],
  ['get-pods-wide', [{ tables: [pods()] }], { wide: true }],
  ['get-pods-A', [{ tables: [table('pods')] }], { withNamespace: true }],
  ['get-pods-show-labels', [{ tables: [pods()] }], { showLabels: true }],
  ['get-pods-L', [{ tables: [pods()] }], { columnLabels: ['app', 'app.kubernetes.io/name'] }],
  ['get-pods-no-headers', [{ tables: [pods()] }], { noHeaders: true }],
  ['get-pods-svc', [{ tables: [pods()], kind: 'pod' }, { tables: [svc()], kind: 'service' }], {}],
  ['get-deploy-svc-wide', [{ tables: [deploy()], kind: 'deployment.apps' }, { tables: [svc()], kind: 'service' }], { wide: true }],
  ['get-pods-svc-no-headers', [{ tables: [pods()], kind: 'pod' }, { tables: [svc()], kind: 'service' }], { noHeaders: true }],
  ['get-svc-show-kind', [{ tables: [svc()], kind: 'service' }], {}],
];

describe('kubectl get tables (goldens)', () => {
  it.each(cases)('%s', (name, groups, options) => {
    expect(printTableGroups(groups, options)).toBe(read(`${name}.golden`));
  });
});

describe('kubectl get -o <format> of a list (goldens)', () => {
  const items = (JSON.parse(read('pods.list.json')) as { items: KubeObject[] }).items;
  const cases: [string, string, { noHeaders?: boolean }?][] = [
    ['yaml', 'yaml'],
    ['json', 'json'],
    ['name', 'name'],
    ['jsonpath', 'jsonpath={range .items[*]}{.metadata.name}{"\\t"}{.status.podIP}{"\\n"}{end}'],
    ['custom-columns', 'custom-columns=NAME:.metadata.name,IMAGE:.spec.containers[*].image,LABELS:.metadata.labels,MISSING:.status.nope'],
    ['custom-columns-no-headers', 'custom-columns=NAME:.metadata.name,NODE:.spec.nodeName', { noHeaders: true }],
    ['go-template', 'go-template={{range .items}}{{.metadata.name}} {{.spec.terminationGracePeriodSeconds}}{{"\\n"}}{{end}}'],
  ];
  it.each(cases)('-o %s', (name, output, extra) => {
    const format = parseOutputFormat(output);
    if (format.kind === 'table') throw new Error('unexpected table format');
    expect(printObjects(format, items, { asList: true, sortKeys: true, ...extra })).toEqual({ stdout: read(`get-pods-o-${name}.golden`) });
  });
});
